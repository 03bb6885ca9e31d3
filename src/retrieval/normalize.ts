import { accentedStopwords, numberUnits } from "../catalog/words.ts";
import { foldAccents } from "../shared/fold-accents.ts";
import { ABBREVIATIONS, PHRASES } from "./abbreviations.ts";

/** The combining marks of the five tones other than ngang. */
export const TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
/** oa, oe, uy with the tone on the first vowel; not oă, oâ, oê, which are other vowels (no mark follows). */
const OLD_TONE_PLACEMENT = new RegExp(
  `(o)([${TONE_MARKS}])([ae])(?![\u0302\u0306])|(u)([${TONE_MARKS}])(y)`,
  "g",
);

// One search normalises and folds the same query and words several times (lexical, dense, coverage):
// short inputs are remembered, and the last few long ones (a resident's long story is read a dozen times in
// one turn). Each cache is emptied when full, so memory stays bounded.
const NON_ASCII = /[\u0080-\uffff]/;
const CACHE_LIMIT = 20_000;
const CACHED_LENGTH = 200;
const LONG_CACHE_LIMIT = 16;

/** Results by input: up to CACHE_LIMIT short inputs and the last LONG_CACHE_LIMIT long ones. */
class Remembered<T> {
  private readonly short = new Map<string, T>();
  private readonly long = new Map<string, T>();

  get(input: string, compute: () => T): T {
    const long = input.length > CACHED_LENGTH;
    const kept = long ? this.long : this.short;
    const hit = kept.get(input);
    if (hit !== undefined) return hit;
    const value = compute();
    if (kept.size >= (long ? LONG_CACHE_LIMIT : CACHE_LIMIT)) kept.clear();
    kept.set(input, value);
    return value;
  }
}

const normalized = new Remembered<string>();
const folded = new Remembered<string>();
const expanded = new Remembered<readonly string[]>();

/**
 * NFC, lower case, one tone-mark placement (hòa → hoà, thúy → thuý), punctuation and emoji to spaces.
 * Never throws; the result is idempotent.
 */
export function normalizeText(input: string): string {
  if (typeof input !== "string" || input.length === 0) return "";
  return normalized.get(input, () => normalizeUncached(input));
}

function normalizeUncached(input: string): string {
  const decomposed = input.normalize("NFD").toLowerCase();
  const placed = decomposed.replace(OLD_TONE_PLACEMENT, (_m, o, mark, ae, u, mark2, y) =>
    o !== undefined ? `${o}${ae}${mark}` : `${u}${y}${mark2}`,
  );
  return placed
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Removes Vietnamese diacritics: NFD, drop combining marks, đ → d. Idempotent. */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return folded.get(text, () => foldUncached(text));
}

const foldUncached = foldAccents;

export function hasDiacritics(token: string): boolean {
  for (const char of token) if ((char.codePointAt(0) ?? 0) > 0x7f) return true;
  return false;
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(" ") : [];
}

/** A table's own entry only: a typed "constructor" must not find Object.prototype.constructor. */
const lookup = (table: Readonly<Record<string, string>>, key: string) =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** Tokens of a query with teencode and abbreviations expanded (originals kept, expansions appended). */
export function expandTokens(tokens: string[]): string[] {
  return [...expanded.get(tokens.join(" "), (): readonly string[] => expandUncached(tokens))];
}

/** First words of the phrase table: a long text looks phrases up only where one can start. */
const PHRASE_STARTS = new Set(Object.keys(PHRASES).map((key) => key.split(" ")[0] ?? ""));

/** A number with a shorthand unit: "500k" (nghìn đồng), "2tr" (triệu đồng), "15t" (tuổi), "12h" (giờ). */
const NUMBER_WITH_UNIT = /^\d+(?:[.,]\d+)?(k|tr|t|h)$/;

function expandUncached(tokens: string[]): string[] {
  const out: string[] = [];
  const folded = tokens.map(fold);
  for (const [i, token] of tokens.entries()) {
    out.push(token);
    const unit = NUMBER_WITH_UNIT.exec(folded[i] ?? "")?.[1];
    if (unit) out.push(...tokenize(numberUnits[unit] ?? ""));
    const expansion = lookup(ABBREVIATIONS, folded[i] ?? "");
    if (expansion && fold(expansion) !== folded[i]) out.push(...tokenize(expansion));
    if (!PHRASE_STARTS.has(folded[i] ?? "")) continue;
    for (const length of [2, 3, 4]) {
      const phrase = lookup(PHRASES, folded.slice(i, i + length).join(" "));
      if (phrase) out.push(...tokenize(phrase));
    }
  }
  return out;
}

/** Function words, as typed with diacritics. */
const ACCENTED_STOPWORDS = new Set(accentedStopwords.split(/\s+/));

/**
 * The same words without diacritics, minus those whose folded form is also a content word
 * (bạn/bán → "ban", thế/thẻ → "the", đang/đăng → "dang", lại/lãi → "lai", chú/chữ → "chu" …).
 */
const FOLDED_STOPWORDS = new Set(
  (
    "a oi nhe nha ha vay thi la va voi cua cac nhung mot cai toi tui minh to em ong " +
    "co duoc bi se roi nua cung ra vao len nay kia nao gi sao dau nhi thoi luon neu khi trong lam nhu xin giup ad admin"
  ).split(/\s+/),
);

/** True for function words; a token typed with diacritics is judged by its accented form. */
export function isStopword(token: string): boolean {
  return hasDiacritics(token) ? ACCENTED_STOPWORDS.has(token) : FOLDED_STOPWORDS.has(token);
}

/** Folded content words of a query, for coverage and scope checks. */
export function contentTerms(text: string): string[] {
  return expandTokens(tokenize(text))
    .filter((t) => !isStopword(t))
    .map(fold);
}
