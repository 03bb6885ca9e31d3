import type { Chunk } from "./chunk.ts";
import { fold, tokenize } from "./normalize.ts";

/**
 * Section headings of two words or more ("Quên mật khẩu", "Không nhận được mã OTP"), folded, to find the
 * sections whose heading a message says word for word. The introduction (titled as its lesson) is left out.
 */
export class HeadingIndex {
  private readonly headings: { index: number; words: string; first: string }[];

  constructor(chunks: Chunk[]) {
    this.headings = chunks
      .map((chunk, index) => {
        const words = tokenize(chunk.heading).map(fold);
        return { index, words: words.join(" "), first: words[0] ?? "", intro: chunk.heading === chunk.title };
      })
      .filter((h) => !h.intro && h.words.split(" ").length >= 2);
  }

  /** Indexes of the chunks whose heading the query contains, longest heading first. */
  matches(query: string): number[] {
    const words = tokenize(query).map(fold);
    const text = ` ${words.join(" ")} `;
    const present = new Set(words);
    return this.headings
      .filter((h) => present.has(h.first) && text.includes(` ${h.words} `))
      .sort((a, b) => b.words.length - a.words.length)
      .map((h) => h.index);
  }
}
