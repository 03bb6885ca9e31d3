import type { Chunk } from "../retrieval/chunk.ts";
import { contentTerms } from "../retrieval/normalize.ts";

/**
 * The asks whose answer cards quote each sentence of a lesson, as words: how residents put the need that a
 * sentence answers. A message that shares the words of those asks likely needs that sentence, even when it
 * shares none of the sentence's own words (doc2query-style expansion, from our own cards).
 */
export interface UnitAsks {
  /** Every folded content word of the lesson's asks, numbered (the lists below hold these numbers). */
  vocabulary: Map<string, number>;
  /** The words of each ask of the lesson. */
  askWords: Int32Array[];
  /** For a unit's text: the asks that quote it (indexes into `askWords`). */
  asksOf: Map<string, number[]>;
  /** For a unit's text: every word of the asks quoting it, each once, in the order they first come. */
  wordsOf: Map<string, Int32Array>;
  /** How rare a word is among the lesson's asks (words every ask of the lesson uses tell units apart least). */
  idf: Map<string, number>;
}

const cache = new WeakMap<readonly Chunk[], UnitAsks>();

/** The lesson's unit asks, built once per list of its sections (the index hands out one list per lesson). */
export function unitAsksOf(lessonChunks: readonly Chunk[]): UnitAsks {
  const cached = cache.get(lessonChunks);
  if (cached) return cached;
  const vocabulary = new Map<string, number>();
  const numberOf = (word: string) => {
    const known = vocabulary.get(word);
    if (known !== undefined) return known;
    vocabulary.set(word, vocabulary.size);
    return vocabulary.size - 1;
  };
  const askWords: Int32Array[] = [];
  const asksOf = new Map<string, number[]>();
  const wordSets = new Map<string, Set<number>>();
  const documentFrequency = new Map<string, number>();
  for (const chunk of lessonChunks)
    for (const [i, ask] of chunk.asks.entries()) {
      const terms = [...new Set(contentTerms(ask))];
      const words = terms.map(numberOf);
      const at = askWords.push(Int32Array.from(words)) - 1;
      for (const w of terms) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
      for (const quote of chunk.askQuotes[i] ?? []) {
        asksOf.set(quote, [...(asksOf.get(quote) ?? []), at]);
        const union = wordSets.get(quote) ?? new Set<number>();
        for (const w of words) union.add(w);
        wordSets.set(quote, union);
      }
    }
  const idf = new Map<string, number>();
  for (const [w, df] of documentFrequency) idf.set(w, Math.log(1 + askWords.length / df));
  const wordsOf = new Map([...wordSets].map(([quote, words]) => [quote, Int32Array.from(words)]));
  const built = { vocabulary, askWords, asksOf, wordsOf, idf };
  cache.set(lessonChunks, built);
  return built;
}

/**
 * How closely each unit's asks echo the question: the best share, weighted by rarity, of the question's words
 * that one ask quoting the unit also uses; and the same share over all its asks' words together.
 */
export function askEchoes(unitTexts: string[], terms: Set<string>, unitAsks: UnitAsks): [number, number][] {
  // Only the question's words that some ask of the lesson uses can be shared (a long story has many that none
  // uses); the rest only add to the total. An ask has a few words and a long story many: each ask's words are
  // looked up among the question's, not the other way round.
  let total = 0;
  const weightOf = new Float64Array(unitAsks.vocabulary.size);
  for (const t of terms) {
    const weight = unitAsks.idf.get(t) ?? 0;
    total += weight;
    const word = unitAsks.vocabulary.get(t);
    if (weight > 0 && word !== undefined) weightOf[word] = weight;
  }
  if (total <= 0) return unitTexts.map(() => [0, 0]);
  // Each ask is weighed once, however many units its card quotes.
  const shared = unitAsks.askWords.map((words) => {
    let sum = 0;
    for (const w of words) sum += weightOf[w] ?? 0;
    return sum;
  });
  return unitTexts.map((text) => {
    const asks = unitAsks.asksOf.get(text);
    if (!asks?.length) return [0, 0];
    let best = 0;
    for (const ask of asks) best = Math.max(best, shared[ask] ?? 0);
    let together = 0;
    for (const w of unitAsks.wordsOf.get(text) ?? []) together += weightOf[w] ?? 0;
    return [best / total, together / total];
  });
}
