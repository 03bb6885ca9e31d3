import { ABBREVIATIONS } from "./abbreviations.ts";
import { fold, hasDiacritics, tokenize } from "./normalize.ts";
import { deletionIndex, deletionsOf, isSwap, nearKeysOf, swapsOf, withinOneEdit } from "./one-edit.ts";
import { isWellFormedSyllable } from "./syllable.ts";
import { foldedFromTelex } from "./telex.ts";

/** What a spelling corrector knows, as `buildIndex` caches it between starts. */
export interface SpellingState {
  /** Folded word → how often the curriculum uses it. */
  frequency: Map<string, number>;
  /** A word with one letter removed → the words it came from. */
  deletions: Map<string, string[]>;
  /** How often each word is written, with its marks and folded, in text written with accents: what a token
   * typed without its spaces may be split into. */
  words: Map<string, number>;
}

/** The longest Vietnamese syllable ("nghiêng"), and the most syllables one token typed without spaces is read as. */
const MAX_SYLLABLE = 7;
const MAX_PARTS = 3;
/** A part must be a word the lessons use this often (not a shorthand key nor a stray syllable). */
const MIN_PART_COUNT = 3;
/** A word typed with its marks is read as a word it is a slip of only when the lessons (almost) never write it
 * this way (fewer than MAX_SLIP_COUNT times) and write that word at least MIN_FULL_COUNT times. */
const MAX_SLIP_COUNT = 3;
const MIN_FULL_COUNT = 5;
/**
 * Corrects unknown syllables of a query to the nearest known one (one edit: insert, delete, substitute or
 * swap), so "cogn" → "cong", "khôg" → "khong", "vneld" → "vneid". Known words and short words are kept.
 * Lookups go through an index of single-letter deletions (the SymSpell idea), so a correction costs a few
 * map reads instead of a pass over the vocabulary.
 */
export class SpellCorrector {
  /** A word written with marks, with one letter left out → the words it came from (built on first use). */
  private markedDeletions: Map<string, string[]> | null = null;

  private constructor(private readonly built: SpellingState) {}

  /**
   * Learns the vocabulary of `texts` (and the abbreviation table's keys) to correct toward, and the words of
   * `wordTexts` (default: `texts`), written with accents, that a token typed without spaces may split into.
   */
  static fromTexts(texts: Iterable<string>, wordTexts?: Iterable<string>): SpellCorrector {
    const frequency = new Map<string, number>();
    const add = (word: string) => frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const text of texts) for (const token of tokenize(text)) add(fold(token));
    const words = new Map<string, number>();
    for (const text of wordTexts ?? texts)
      for (const token of tokenize(text))
        for (const form of new Set([token, fold(token)])) words.set(form, (words.get(form) ?? 0) + 1);
    for (const key of Object.keys(ABBREVIATIONS)) add(key);
    const deletions = deletionIndex(frequency.keys());
    return new SpellCorrector({ frequency, deletions, words });
  }

  static restore(state: SpellingState): SpellCorrector {
    return new SpellCorrector(state);
  }

  state(): SpellingState {
    return this.built;
  }

  /** The text with each word typed as unconverted Telex ("tieenf") read as the lessons' word ("tien"). */
  untelex(text: string): string {
    return tokenize(text)
      .map((token) => this.fromTelex(fold(token)) ?? token)
      .join(" ");
  }

  private fromTelex(folded: string): string | null {
    if (this.built.frequency.has(folded)) return null;
    const telex = foldedFromTelex(folded);
    return telex !== null && this.built.frequency.has(telex) ? telex : null;
  }

  /** Whether the lessons use the word, as typed or as Telex a keyboard left unconverted ("tieenf"). */
  has(word: string): boolean {
    return this.built.frequency.has(word) || this.fromTelex(word) !== null;
  }

  /**
   * The query with each unknown token replaced by its most frequent one-edit neighbour; a three-letter token
   * only by a missing letter ("mạg" → "mang", "đăg" → "dang") or two letters swapped, shorter ones never.
   * A token typed with its marks that is a real syllable ("huyết") is kept even when the lessons never use
   * it; a known word typed with marks no syllable has ("muón") is given back bare, for its accents to be restored.
   */
  correct(query: string): string {
    const tokens = tokenize(query).map((token) => {
      const folded = fold(token);
      if (folded.length < 2 || /\d/.test(folded)) return token;
      // A known word typed with marks no syllable has ("muón", "ngừoi") is read bare, its accents restored.
      if (this.built.frequency.has(folded)) {
        if (!hasDiacritics(token) || folded in ABBREVIATIONS) return token;
        return isWellFormedSyllable(token) ? (this.withSlipUndone(token, false) ?? token) : folded;
      }
      const telex = this.fromTelex(folded);
      if (telex) return telex;
      // A syllable typed with its marks and well formed is a word its writer meant, unless the lessons never
      // write it and often write a word it is a phone slip of: "ngưi" is "người", "khôn" "không", "pải" "phải".
      if (hasDiacritics(token) && isWellFormedSyllable(token))
        return this.withSlipUndone(token, true) ?? token;
      if (folded.length < 3) return token;
      return this.nearest(folded, folded.length === 3) ?? token;
    });
    return tokens.join(" ");
  }

  /**
   * The query with each token typed without its spaces ("chuyểntiền", "matkhau") split into the curriculum's
   * syllables, keeping the marks typed; every other token as typed. A token with one run of vowels is one
   * syllable (a slip, if unknown, left for `correct`), and so is one that splits into no known words.
   */
  segment(query: string): string {
    return tokenize(query)
      .flatMap((token) => this.apartFromNumbers(token))
      .map((token) => this.split(token) ?? token)
      .join(" ");
  }

  /** "5triệu" → "5 triệu", "gấp30" → "gấp 30"; shorthand units ("500k", "2tr", "15t") stay whole. */
  private apartFromNumbers(token: string): string[] {
    const parts = token.match(/\d+|\D+/g) ?? [token];
    if (parts.length < 2) return [token];
    const words = parts.filter((p) => !/^\d/.test(p));
    return words.every((w) => (this.built.words.get(w) ?? 0) >= MIN_PART_COUNT && /[aeiouy]/.test(fold(w)))
      ? parts
      : [token];
  }

  private split(token: string): string | null {
    const folded = fold(token);
    const chars = [...token];
    if (folded.length < 4 || chars.length !== folded.length || /\d/.test(folded)) return null;
    // A known word stays whole, unless it is known only as shorthand for words typed together ("dienthoai"):
    // split, it reads as the words themselves, as typed with their marks.
    if (this.built.frequency.has(folded) && !ABBREVIATIONS[folded]?.includes(" ")) return null;
    // A Vietnamese syllable has one run of vowels: "odau" is two words, "tiien" a slip.
    if ((folded.match(/[aeiouy]+/g)?.length ?? 0) < 2) return null;
    const typedWithMarks = hasDiacritics(token);
    // A part is a word written often (marks and all, when the writer typed marks) …
    const countOf = (start: number, end: number) =>
      this.built.words.get(typedWithMarks ? chars.slice(start, end).join("") : folded.slice(start, end)) ?? 0;
    // … with a vowel ("ch", "kh" are never words), of two letters or more unless its marks say it is one
    // ("ở", "ạ", "ý").
    const isWord = (start: number, end: number) =>
      (end - start >= 2 || (typedWithMarks && hasDiacritics(chars[start] ?? ""))) &&
      /[aeiouy]/.test(folded.slice(start, end)) &&
      countOf(start, end) >= MIN_PART_COUNT;
    // best[i]: the reading of the first i letters in the fewest known words, the commonest among equals.
    const best: ({ parts: number; score: number; cut: number[] } | undefined)[] = [
      { parts: 0, score: 0, cut: [] },
    ];
    for (let end = 1; end <= folded.length; end++)
      for (let start = Math.max(0, end - MAX_SYLLABLE); start < end; start++) {
        const before = best[start];
        if (!before || !isWord(start, end)) continue;
        const reading = {
          parts: before.parts + 1,
          score: before.score + Math.log(countOf(start, end)),
          cut: [...before.cut, end],
        };
        const current = best[end];
        if (
          !current ||
          reading.parts < current.parts ||
          (reading.parts === current.parts && reading.score > current.score)
        )
          best[end] = reading;
      }
    const read = best[folded.length];
    if (!read || read.parts < 2 || read.parts > MAX_PARTS) return null;
    let from = 0;
    return read.cut
      .map((to) => {
        const part = chars.slice(from, to).join("");
        from = to;
        return part;
      })
      .join(" ");
  }

  /**
   * The commonest word the lessons write with marks that `token` is a phone slip of, when they (almost) never
   * write `token` itself: one letter left out ("mốn" is "muốn", "ngưi" "người", "pải" "phải"), else two
   * letters the wrong way round ("noà" "nào"), else, when the lessons do not know it bare either, one letter
   * from a key beside the right one ("kàm" "làm"). The marks typed pin the word down, so only words with the
   * same marks are candidates. Given back folded, for its accents to be restored with the marks typed.
   */
  private withSlipUndone(token: string, unknownBare: boolean): string | null {
    if ((this.built.words.get(token) ?? 0) >= MAX_SLIP_COUNT) return null;
    // A word the lessons know bare ("mát" is "mat") is more likely typed with a wrong mark than a wrong key.
    const nearKeys = unknownBare ? nearKeysOf(token) : [];
    // … and the word it is a slip of must be commoner than that bare word in all its forms: "mốn" is "muốn"
    // (1,010 against 36 for "mon"), but "cò" stays "co", not "còn" (6,835 for "co").
    const floor = unknownBare
      ? MIN_FULL_COUNT - 1
      : Math.max(MIN_FULL_COUNT - 1, this.built.words.get(fold(token)) ?? 0);
    for (const candidates of [this.deletionsWithMarks().get(token) ?? [], swapsOf(token), nearKeys]) {
      const best = this.commonest(candidates, floor);
      if (best) return fold(best);
    }
    return null;
  }

  /** The candidate the lessons write most often with its marks, if any is written more than `floor` times. */
  private commonest(candidates: string[], floor: number): string | null {
    let best: string | null = null;
    let bestCount = floor;
    for (const word of candidates) {
      const count = this.built.words.get(word) ?? 0;
      if (count > bestCount) {
        best = word;
        bestCount = count;
      }
    }
    return best;
  }

  private deletionsWithMarks(): Map<string, string[]> {
    this.markedDeletions ??= deletionIndex(
      [...this.built.words]
        .filter(([word, count]) => count >= MIN_FULL_COUNT && hasDiacritics(word))
        .map(([w]) => w),
    );
    return this.markedDeletions;
  }

  private nearest(word: string, short: boolean): string | null {
    // A letter typed twice ("tiiền", "chuyyển"): Vietnamese syllables hardly ever double a letter.
    const undoubled = word.replace(/(.)\1/g, "$1");
    if (undoubled !== word && this.built.frequency.has(undoubled)) return undoubled;
    const candidates = new Set<string>(this.built.deletions.get(word) ?? []); // a letter was left out
    // Two neighbouring letters typed the wrong way round ("tio" → "toi").
    for (const swapped of swapsOf(word)) if (this.built.frequency.has(swapped)) candidates.add(swapped);
    // A key beside the right one ("yoi" → "toi", "cab" → "can"): for a three-letter token the only change of
    // letter taken, since any letter changed would turn most of them into some other word.
    const nearKeys = short ? nearKeysOf(word).filter((v) => this.built.frequency.has(v)) : [];
    for (const variant of nearKeys) candidates.add(variant);
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
      // A three-letter token takes only a letter it left out, two letters swapped back, or a neighbouring key.
      if (
        short &&
        candidate.length !== word.length + 1 &&
        !isSwap(word, candidate) &&
        !nearKeys.includes(candidate)
      )
        continue;
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
