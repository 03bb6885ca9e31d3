import { foldAccents } from "../shared/fold-accents.ts";
import type { LessonSection } from "./types.ts";

/** Splits `---\nyaml\n---\nbody` into its two parts; returns null when there is no front matter. */
export function splitFrontMatter(source: string): { yaml: string; body: string } | null {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) return null;
  return { yaml: match[1] ?? "", body: match[2] ?? "" };
}

/** Splits a Markdown body on its "## " headings. */
export function splitSections(body: string): LessonSection[] {
  const sections: LessonSection[] = [];
  let current: LessonSection = { heading: "", text: "" };
  const lines: string[] = [];
  const flush = () => {
    current.text = lines.join("\n").trim();
    if (current.heading || current.text) sections.push(current);
    lines.length = 0;
  };
  for (const line of body.split("\n")) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      flush();
      current = { heading: heading[1] ?? "", text: "" };
    } else {
      lines.push(line);
    }
  }
  flush();
  return sections;
}

/** Counts words the way a reader would: runs of letters or digits, Markdown markers ignored. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Splits prose into sentences: on . ! ? … followed by a space, and on line breaks (list items). */
export function splitSentences(text: string): string[] {
  return text
    .replace(/^#+\s.*$/gm, "")
    .split("\n")
    .flatMap((line) => keepQuotesWhole(line.split(/(?<=[.!?…]|[.!?…]["”])\s+/)))
    .map((s) => s.replace(/^\s*(?:[-*]|\d+\.)\s+/, "").trim())
    .filter((s) => countWords(s) > 0);
}

/**
 * Rejoins the pieces of a quoted example split at its full stops (`Gõ: "Tôi 68 tuổi. Giải thích ngắn."`),
 * so no sentence opens or closes a quotation it doesn't hold.
 */
function keepQuotesWhole(pieces: string[]): string[] {
  const out: string[] = [];
  let open = "";
  for (const piece of pieces) {
    open = open ? `${open} ${piece}` : piece;
    if (quoteMarks(open) % 2 === 0) {
      out.push(open);
      open = "";
    }
  }
  if (open) out.push(open);
  return out;
}

const quoteMarks = (text: string) => (text.match(/["“”]/g) ?? []).length;

/** Strips Markdown that chat channels would show literally; keeps numbered and bulleted lines readable. */
export function plain(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, "*$1*")
    .replace(/^#+\s*/gm, "")
    .replace(/^\s*[-*]\s+/gm, "• ")
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)")
    .replace(/`([^`]+)`/g, "$1")
    .trim();
}

/** Lower case, accents folded, words only: how asks, eval messages and quotes are compared. */
export const foldedLine = (text: string) =>
  foldAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
