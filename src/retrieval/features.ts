import { expandTokens, fold, isStopword, tokenize } from "./normalize.ts";

/**
 * Terms an index sees for a text: accented syllables ("a:"), folded syllables ("f:"), folded bigrams
 * ("b:", the shape of most Vietnamese words) — so accented and unaccented spellings meet in "f:"/"b:",
 * while accents, when typed, add precision through "a:".
 */
export function indexTerms(text: string, options: { expand?: boolean } = {}): string[] {
  const raw = tokenize(text);
  const tokens = options.expand ? expandTokens(raw) : raw;
  const terms: string[] = [];
  let previous: { folded: string; stop: boolean } | null = null;
  for (const token of tokens) {
    const folded = fold(token);
    const stop = isStopword(token);
    if (!stop) {
      terms.push(`f:${folded}`);
      if (folded !== token) terms.push(`a:${token}`);
    }
    if (previous !== null && !(stop && previous.stop)) terms.push(`b:${previous.folded}_${folded}`);
    previous = { folded, stop };
  }
  return terms;
}

/** Character trigrams of folded content words, which survive typos ("vneld" still shares "vne"). */
export function charTrigrams(text: string): string[] {
  const grams: string[] = [];
  for (const token of expandTokens(tokenize(text))) {
    const folded = fold(token);
    if (isStopword(token) || folded.length < 3) continue;
    const padded = `^${folded}$`;
    for (let i = 0; i + 3 <= padded.length; i++) grams.push(`c:${padded.slice(i, i + 3)}`);
  }
  return grams;
}
