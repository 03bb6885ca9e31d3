import { expandTokens, fold, STOPWORDS, tokenize } from "./normalize.ts";

/**
 * Terms an index sees for a text: accented syllables ("a:"), folded syllables ("f:"), folded bigrams
 * ("b:", the shape of most Vietnamese words) — so accented and unaccented spellings meet in "f:"/"b:",
 * while accents, when typed, add precision through "a:".
 */
export function indexTerms(text: string, options: { expand?: boolean } = {}): string[] {
  const raw = tokenize(text);
  const tokens = options.expand ? expandTokens(raw) : raw;
  const terms: string[] = [];
  let previous: string | null = null;
  for (const token of tokens) {
    const folded = fold(token);
    const stop = STOPWORDS.has(folded);
    if (!stop) {
      terms.push(`f:${folded}`);
      if (folded !== token) terms.push(`a:${token}`);
    }
    if (previous !== null && !(stop && STOPWORDS.has(previous))) terms.push(`b:${previous}_${folded}`);
    previous = folded;
  }
  return terms;
}

/** Character trigrams of folded content words, which survive typos ("vneld" still shares "vne"). */
export function charTrigrams(text: string): string[] {
  const grams: string[] = [];
  for (const token of expandTokens(tokenize(text))) {
    const folded = fold(token);
    if (STOPWORDS.has(folded) || folded.length < 3) continue;
    const padded = `^${folded}$`;
    for (let i = 0; i + 3 <= padded.length; i++) grams.push(`c:${padded.slice(i, i + 3)}`);
  }
  return grams;
}
