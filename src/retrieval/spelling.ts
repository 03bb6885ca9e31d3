import { ABBREVIATIONS } from "./abbreviations.ts";
import { fold, tokenize } from "./normalize.ts";

/**
 * Corrects unknown syllables of a query to the nearest known one (one edit: insert, delete, substitute or
 * swap), so "cogn" → "cong", "khôg" → "khong", "vneld" → "vneid". Known words and short words are kept.
 */
export class SpellCorrector {
  private readonly frequency = new Map<string, number>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) for (const token of tokenize(text)) this.add(fold(token));
    for (const key of Object.keys(ABBREVIATIONS)) this.add(key);
  }

  has(word: string): boolean {
    return this.frequency.has(word);
  }

  /**
   * The query with each unknown token replaced by its most frequent one-edit neighbour; a three-letter token
   * only by a missing letter ("mạg" → "mang", "đăg" → "dang"), shorter ones never.
   */
  correct(query: string): string {
    return tokenize(query)
      .map((token) => {
        const folded = fold(token);
        if (folded.length < 3 || this.frequency.has(folded) || /\d/.test(folded)) return token;
        return this.nearest(folded, folded.length === 3) ?? token;
      })
      .join(" ");
  }

  private add(word: string): void {
    this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
  }

  private nearest(word: string, insertionOnly: boolean): string | null {
    let best: string | null = null;
    let bestFrequency = 0;
    for (const [candidate, frequency] of this.frequency) {
      if (Math.abs(candidate.length - word.length) > 1 || frequency <= bestFrequency) continue;
      if (insertionOnly && candidate.length !== word.length + 1) continue;
      if (withinOneEdit(word, candidate)) {
        best = candidate;
        bestFrequency = frequency;
      }
    }
    return best;
  }
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && j === (i ?? 0) + 1 && a[i ?? 0] === b[j ?? 0] && a[j ?? 0] === b[i ?? 0];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
