import type { Chunk } from "../retrieval/chunk.ts";
import { contentTerms } from "../retrieval/normalize.ts";

/**
 * The asks whose answer cards quote each sentence of a lesson, as words: how residents put the need that a
 * sentence answers. A message that shares the words of those asks likely needs that sentence, even when it
 * shares none of the sentence's own words (doc2query-style expansion, from our own cards).
 */
export interface UnitAsks {
  /** For a unit's text: the folded content words of each ask that quotes it. */
  asksOf: Map<string, Set<string>[]>;
  /** How rare a word is among the lesson's asks (words every ask of the lesson uses tell units apart least). */
  idf: Map<string, number>;
}

const cache = new WeakMap<readonly Chunk[], UnitAsks>();

/** The lesson's unit asks, built once per list of its sections (the index hands out one list per lesson). */
export function unitAsksOf(lessonChunks: readonly Chunk[]): UnitAsks {
  const cached = cache.get(lessonChunks);
  if (cached) return cached;
  const asksOf = new Map<string, Set<string>[]>();
  const documentFrequency = new Map<string, number>();
  let asks = 0;
  for (const chunk of lessonChunks)
    for (const [i, ask] of chunk.asks.entries()) {
      const words = new Set(contentTerms(ask));
      asks++;
      for (const w of words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
      for (const quote of chunk.askQuotes[i] ?? []) asksOf.set(quote, [...(asksOf.get(quote) ?? []), words]);
    }
  const idf = new Map<string, number>();
  for (const [w, df] of documentFrequency) idf.set(w, Math.log(1 + asks / df));
  const built = { asksOf, idf };
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
  const weightOf = new Map<string, number>();
  for (const t of terms) {
    const weight = unitAsks.idf.get(t) ?? 0;
    total += weight;
    if (weight > 0) weightOf.set(t, weight);
  }
  return unitTexts.map((text) => {
    const asks = unitAsks.asksOf.get(text);
    if (!asks?.length || total <= 0) return [0, 0];
    let best = 0;
    const union = new Set<string>();
    for (const words of asks) {
      let shared = 0;
      for (const w of words) {
        const weight = weightOf.get(w);
        if (weight === undefined) continue;
        shared += weight;
        union.add(w);
      }
      best = Math.max(best, shared);
    }
    let together = 0;
    for (const w of union) together += weightOf.get(w) ?? 0;
    return [best / total, together / total];
  });
}
