import { expandTokens, fold, isStopword, tokenize } from "./normalize.ts";

/**
 * Terms an index sees for a text: accented syllables ("a:"), folded syllables ("f:"), folded bigrams
 * ("b:", the shape of most Vietnamese words) — so accented and unaccented spellings meet in "f:"/"b:",
 * while accents, when typed, add precision through "a:". A document's terms repeat as its words do; a query's
 * (`expand`: teencode expanded) are distinct.
 */
export function indexTerms(text: string, options: { expand?: boolean } = {}): readonly string[] {
  if (!options.expand) return termsOf(text, false);
  // A query (expanded) is searched in several indexes in a row: its terms are worked out once, each
  // given once (a search reads a term's posting once, however often the query says it).
  const known = recentQueries.get(text);
  if (known) return known;
  const terms = [...new Set(termsOf(text, true))];
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
  let previous: TokenFacts | null = null;
  for (const token of tokens) {
    const facts = factsOf(token);
    if (facts.term) terms.push(facts.term);
    if (facts.accented) terms.push(facts.accented);
    if (previous !== null && !(facts.stop && previous.stop))
      terms.push(`b:${previous.folded}_${facts.folded}`);
    previous = facts;
  }
  return terms;
}

/** What every term list needs of one token, worked out once per distinct token (texts repeat their words). */
interface TokenFacts {
  folded: string;
  stop: boolean;
  /** "f:" + folded, or null for a function word. */
  term: string | null;
  /** "a:" + the token when it carries marks and is no function word. */
  accented: string | null;
  trigrams: readonly string[];
}

const TOKEN_FACTS_LIMIT = 50_000;
const tokenFacts = new Map<string, TokenFacts>();

function factsOf(token: string): TokenFacts {
  const known = tokenFacts.get(token);
  if (known) return known;
  const folded = fold(token);
  const stop = isStopword(token);
  const facts: TokenFacts = {
    folded,
    stop,
    term: stop ? null : `f:${folded}`,
    accented: stop || folded === token ? null : `a:${token}`,
    trigrams: stop || folded.length < 3 ? [] : trigramsOfFolded(folded),
  };
  if (tokenFacts.size >= TOKEN_FACTS_LIMIT) tokenFacts.clear();
  tokenFacts.set(token, facts);
  return facts;
}

function trigramsOfFolded(folded: string): string[] {
  const padded = `^${folded}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(`c:${padded.slice(i, i + 3)}`);
  return grams;
}

/** Character trigrams of folded content words, which survive typos ("vneld" still shares "vne"). */
export function charTrigrams(text: string): string[] {
  return trigramsOfTokens(expandTokens(tokenize(text)));
}

function trigramsOfTokens(tokens: string[]): string[] {
  const grams: string[] = [];
  for (const token of tokens) for (const gram of factsOf(token).trigrams) grams.push(gram);
  return grams;
}
