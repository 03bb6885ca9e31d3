import { countWords, plain, splitSentences } from "../knowledge/markdown.ts";
import type { Chunk } from "../retrieval/chunk.ts";
import { fold, isStopword, tokenize } from "../retrieval/normalize.ts";

/** One step, bullet or prose sentence of a lesson: what an answer is assembled from. */
export interface Unit {
  kind: "step" | "bullet" | "prose";
  text: string;
  /** The section it belongs to. */
  chunk: Chunk;
  /** Position in the lesson (section × 1000 + place in the section), for reading order. */
  index: number;
  /** Place within its section, and how many units the section has. */
  position: number;
  of: number;
  /** For a step: its number in the section's own list. */
  step?: number;
  /** Its length in words. */
  count: number;
  /** A sentence that only makes sense after the one before it ("Nó …", "… số này", "Vì vậy …"). */
  leansBack: boolean;
  /** A sentence that introduces what follows ("Ví dụ:", "Cách mở thường gặp:", "Lỡ cài ứng dụng lạ?"). */
  leadIn: boolean;
  /** For a list item: the folded sentence that introduced its list, if any. */
  listLeadIn?: string;
  /** Folded content words, folded word pairs, folded text, and the section heading's content words. */
  words: string[];
  pairs: string[];
  folded: string;
  headingWords: string[];
}

const unitCache = new WeakMap<Chunk, Map<number, Unit[]>>();

/** A section as numbered steps, bullets and prose sentences, in reading order (parsed once per section). */
export function unitsOf(chunk: Chunk, section = 0): Unit[] {
  const bySection = unitCache.get(chunk) ?? new Map<number, Unit[]>();
  unitCache.set(chunk, bySection);
  const units = bySection.get(section) ?? parseUnits(chunk, section);
  bySection.set(section, units);
  return units;
}

function parseUnits(chunk: Chunk, section: number): Unit[] {
  const raw: { kind: Unit["kind"]; text: string }[] = [];
  for (const line of chunk.text.split("\n")) {
    const step = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (step?.[1]) raw.push({ kind: "step", text: plain(step[1]) });
    else if (bullet?.[1]) raw.push({ kind: "bullet", text: plain(bullet[1]) });
    else for (const sentence of splitSentences(line)) raw.push({ kind: "prose", text: plain(sentence) });
  }
  let steps = 0;
  let intro: string | undefined;
  return raw
    .filter((u) => u.text.trim())
    .map((u, position, all) => {
      const before = all[position - 1];
      if (u.kind === "prose") intro = undefined;
      else if (before?.kind === "prose") intro = foldedText(before.text);
      return { ...u, listLeadIn: u.kind === "prose" ? undefined : intro };
    })
    .map((u, position, all) => ({
      ...u,
      chunk,
      index: section * 1000 + position,
      position,
      of: all.length,
      ...(u.kind === "step" ? { step: ++steps } : {}),
      count: countWords(u.text),
      leansBack: u.kind === "prose" && position > 0 && LEANS_BACK.test(u.text),
      // Only a sentence with something after it in its section can introduce it.
      leadIn:
        position < all.length - 1 && (/:\s*$/.test(u.text) || (u.kind === "prose" && /\?\s*$/.test(u.text))),
      words: contentWords(u.text),
      pairs: pairsOf(u.text),
      folded: foldedText(u.text),
      headingWords: contentWords(chunk.heading),
    }));
}

/** Every unit of a lesson, section by section. */
export function lessonUnits(chunks: Chunk[]): Unit[] {
  return chunks.flatMap((chunk, section) => unitsOf(chunk, section));
}

const LEANS_BACK =
  /^(nó|đó|vì vậy|như vậy|nhờ vậy|nhờ đó|do đó|vì thế|bởi vậy|khi đó|lúc đó|sau đó|nhưng|ngoài ra|còn|thế nên|vậy nên|đây là|điều này|việc này|hoặc|hay là|nghĩa là|tức là|cũng)(?!\p{L})|(?<!\p{L})(này|đó|ấy)(?!\p{L})/iu;

/** A unit that gives a rule or an action: a prohibition, a warning, a call to act. */
const ADVICE =
  /^(khong|dung|chua|chi|hay|nen|can|phai|goi|den|bao|giu|hoi|kiem tra|tat|khoa|doi|mo|bam|chon|nhap|cai|xoa|chup|ghi|dat|tim)(?![a-z])/;
/** A unit that tells the resident what to do or not to do. */
export const givesAdvice = (unit: Unit): boolean => ADVICE.test(unit.folded);

/** Folded syllable pairs ("ma otp", "cong an"): what a phrase shares beyond single syllables. */
export function pairsOf(text: string): string[] {
  const tokens = tokenize(text).map(fold);
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}

export function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => !isStopword(t))
    .map(fold);
}

export function foldedText(text: string): string {
  return fold(text.toLowerCase())
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
