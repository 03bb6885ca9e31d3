import { expandTokens, fold, isStopword, tokenize } from "./normalize.ts";

/**
 * Terms an index sees for a text: accented syllables ("a:"), folded syllables ("f:"), folded bigrams
 * ("b:", the shape of most Vietnamese words) — so accented and unaccented spellings meet in "f:"/"b:",
 * while accents, when typed, add precision through "a:".
 */
export function indexTerms(text: string, options: { expand?: boolean } = {}): readonly string[] {
  if (!options.expand) return termsOf(text, false);
  // One query is searched in several indexes in a row: its terms are worked out once.
  const known = recentQueries.get(text);
  if (known) return known;
  const terms = termsOf(text, true);
  if (recentQueries.size >= RECENT_QUERIES) recentQueries.delete(recentQueries.keys().next().value as string);
  recentQueries.set(text, terms);
  return terms;
}

const RECENT_QUERIES = 16;
const recentQueries = new Map<string, readonly string[]>();

function termsOf(text: string, expand: boolean): string[] {
  const raw = tokenize(text);
  return termsOfTokens(expand ? expandTokens(raw) : raw);
}

/** A text's expanded terms and character trigrams, tokenised and expanded once (for embedding). */
export function termsAndTrigrams(text: string): { terms: string[]; trigrams: string[] } {
  const tokens = expandTokens(tokenize(text));
  return { terms: termsOfTokens(tokens), trigrams: trigramsOfTokens(tokens) };
}

function termsOfTokens(tokens: string[]): string[] {
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
  return trigramsOfTokens(expandTokens(tokenize(text)));
}

function trigramsOfTokens(tokens: string[]): string[] {
  const grams: string[] = [];
  for (const token of tokens) {
    const folded = fold(token);
    if (isStopword(token) || folded.length < 3) continue;
    const padded = `^${folded}$`;
    for (let i = 0; i + 3 <= padded.length; i++) grams.push(`c:${padded.slice(i, i + 3)}`);
  }
  return grams;
}
