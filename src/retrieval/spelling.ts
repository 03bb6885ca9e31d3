import { ABBREVIATIONS } from "./abbreviations.ts";
import { fold, tokenize } from "./normalize.ts";

/** What a spelling corrector knows, as `buildIndex` caches it between starts. */
export interface SpellingState {
  /** Folded word → how often the curriculum uses it. */
  frequency: Map<string, number>;
  /** A word with one letter removed → the words it came from. */
  deletions: Map<string, string[]>;
}

/**
 * Corrects unknown syllables of a query to the nearest known one (one edit: insert, delete, substitute or
 * swap), so "cogn" → "cong", "khôg" → "khong", "vneld" → "vneid". Known words and short words are kept.
 * Lookups go through an index of single-letter deletions (the SymSpell idea), so a correction costs a few
 * map reads instead of a pass over the vocabulary.
 */
export class SpellCorrector {
  private constructor(private readonly built: SpellingState) {}

  /** Learns the vocabulary of `texts` (and the abbreviation table's keys). */
  static fromTexts(texts: Iterable<string>): SpellCorrector {
    const frequency = new Map<string, number>();
    const add = (word: string) => frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const text of texts) for (const token of tokenize(text)) add(fold(token));
    for (const key of Object.keys(ABBREVIATIONS)) add(key);
    const deletions = new Map<string, string[]>();
    for (const word of frequency.keys())
      for (const variant of deletionsOf(word)) {
        const list = deletions.get(variant);
        if (list) {
          if (!list.includes(word)) list.push(word);
        } else deletions.set(variant, [word]);
      }
    return new SpellCorrector({ frequency, deletions });
  }

  static restore(state: SpellingState): SpellCorrector {
    return new SpellCorrector(state);
  }

  state(): SpellingState {
    return this.built;
  }

  has(word: string): boolean {
    return this.built.frequency.has(word);
  }

  /**
   * The query with each unknown token replaced by its most frequent one-edit neighbour; a three-letter token
   * only by a missing letter ("mạg" → "mang", "đăg" → "dang") or two letters swapped, shorter ones never.
   */
  correct(query: string): string {
    const tokens = tokenize(query).map((token) => {
      const folded = fold(token);
      if (folded.length < 3 || this.built.frequency.has(folded) || /\d/.test(folded)) return token;
      return this.nearest(folded, folded.length === 3) ?? token;
    });
    return tokens.join(" ");
  }

  private nearest(word: string, short: boolean): string | null {
    // A letter typed twice ("tiiền", "chuyyển"): Vietnamese syllables hardly ever double a letter.
    const undoubled = word.replace(/(.)\1/g, "$1");
    if (undoubled !== word && this.built.frequency.has(undoubled)) return undoubled;
    const candidates = new Set<string>(this.built.deletions.get(word) ?? []); // a letter was left out
    // Two neighbouring letters typed the wrong way round ("tio" → "toi").
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (this.built.frequency.has(swapped)) candidates.add(swapped);
    }
    if (!short) {
      for (const variant of deletionsOf(word)) {
        if (this.built.frequency.has(variant)) candidates.add(variant); // a letter too many
        for (const w of this.built.deletions.get(variant) ?? []) candidates.add(w); // a letter changed or swapped
      }
    }
    // On a phone keyboard a letter is left out far more often than one is typed too many ("trag" is "trang",
    // not "tra"): a word one letter longer wins over one of the same length, which wins over a shorter one;
    // among equals, the more frequent.
    let best: string | null = null;
    let bestRank = Number.POSITIVE_INFINITY;
    let bestFrequency = 0;
    for (const candidate of candidates) {
      // A three-letter token takes only a letter it left out, or its two letters swapped back.
      if (short && candidate.length !== word.length + 1 && !isSwap(word, candidate)) continue;
      if (!withinOneEdit(word, candidate)) continue;
      const rank = word.length + 1 - candidate.length;
      const frequency = this.built.frequency.get(candidate) ?? 0;
      if (rank < bestRank || (rank === bestRank && frequency > bestFrequency)) {
        best = candidate;
        bestRank = rank;
        bestFrequency = frequency;
      }
    }
    return best;
  }
}

function isSwap(a: string, b: string): boolean {
  return (
    a.length === b.length &&
    a !== b &&
    withinOneEdit(a, b) &&
    [...a].sort().join("") === [...b].sort().join("")
  );
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
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
