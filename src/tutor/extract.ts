import { countWords, plain, splitSentences } from "../knowledge/markdown.ts";
import type { Chunk } from "../retrieval/chunk.ts";
import { fold, tokenize } from "../retrieval/normalize.ts";

export const ANSWER_MAX_WORDS = 120;

const HOW_TO =
  /(?<!\p{L})(cách|cach|làm sao|lam sao|thế nào|the nao|ntn|các bước|cac buoc|hướng dẫn|huong dan|làm gì|lam gi|làm j|lam j)(?!\p{L})/iu;

/**
 * The chunk worth quoting: for a how-to question, the lesson's numbered steps; otherwise the best-ranked
 * chunk that is not the closing "Ghi nhớ" list, when there is a choice.
 */
export function pickChunk(ranked: Chunk[], question = "", lessonChunks: Chunk[] = []): Chunk | undefined {
  if (HOW_TO.test(question)) {
    const steps = [...ranked, ...lessonChunks].find((c) => stepsOf(c.text).length >= 2);
    if (steps) return steps;
  }
  return ranked.find((c) => !/^ghi nhớ$/iu.test(c.heading.trim())) ?? ranked[0];
}

/** Numbered steps of a chunk ("1. …"), without their numbers. */
export function stepsOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => /^\s*\d+[.)]\s+(.*)$/.exec(line)?.[1]?.trim())
    .filter((s): s is string => !!s);
}

/**
 * The relevant part of a passage, at most ~120 words: its numbered steps when it has them,
 * otherwise the sentences that share most words with the question, kept in their original order.
 */
export function extractAnswer(chunk: Chunk, terms: string[], maxWords = ANSWER_MAX_WORDS): string {
  const steps = stepsOf(chunk.text);
  if (steps.length >= 2) return takeSteps(steps, maxWords);
  const isList = /^\s*[-*]\s+/m.test(chunk.text);
  const sentences = splitSentences(plain(chunk.text)).map((s) => (isList ? `• ${s}` : s));
  const wanted = new Set(terms);
  const scored = sentences.map((sentence, index) => {
    const words = new Set(tokenize(sentence).map(fold));
    let overlap = 0;
    for (const t of wanted) if (words.has(t)) overlap++;
    return { sentence, index, overlap };
  });
  const ranked = [...scored].sort((a, b) => b.overlap - a.overlap || a.index - b.index);
  const chosen: typeof scored = [];
  let words = 0;
  for (const item of ranked) {
    const w = countWords(item.sentence);
    if (chosen.length > 0 && (words + w > maxWords || item.overlap === 0)) continue;
    chosen.push(item);
    words += w;
    if (chosen.length >= 4) break;
  }
  return chosen
    .sort((a, b) => a.index - b.index)
    .map((c) => c.sentence)
    .join(isList ? "\n" : " ");
}

function takeSteps(steps: string[], maxWords: number): string {
  const lines: string[] = [];
  let words = 0;
  for (const [i, step] of steps.entries()) {
    const line = `${i + 1}. ${plain(step)}`;
    const w = countWords(line);
    if (lines.length > 0 && words + w > maxWords) {
      lines.push("…");
      break;
    }
    lines.push(line);
    words += w;
  }
  return lines.join("\n");
}
