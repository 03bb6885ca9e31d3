import { readFileSync } from "node:fs";
import { join } from "node:path";
import { foldAccents } from "../shared/fold-accents.ts";

/** The lexicon residents' shorthand is read from: data, one `token<TAB>meaning` per line. */
export const LEXICON_FILE = join(import.meta.dirname, "lexicon", "teencode.tsv");

/** A lexicon key as typed, folded and spaced the one way (the normaliser imports this table, so not it). */
const foldKey = (text: string) => foldAccents(text).toLowerCase().trim().replace(/\s+/g, " ");

export interface Lexicon {
  /** One folded token → its meaning (the original token is kept beside it). */
  words: Readonly<Record<string, string>>;
  /** A folded phrase of 2–4 words → the curriculum's term for it. */
  phrases: Readonly<Record<string, string>>;
}

/** Parses the lexicon; a key listed twice gets both meanings. Lines starting with # are comments. */
export function parseLexicon(text: string): Lexicon {
  const words: Record<string, string> = Object.create(null);
  const phrases: Record<string, string> = Object.create(null);
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [rawKey = "", meaning = ""] = line.split("\t");
    const key = foldKey(rawKey);
    if (!key || !meaning.trim()) continue;
    const table = key.includes(" ") ? phrases : words;
    const previous = table[key];
    table[key] = previous && previous !== meaning.trim() ? `${previous} ${meaning.trim()}` : meaning.trim();
  }
  return { words, phrases };
}

const lexicon = parseLexicon(readFileSync(LEXICON_FILE, "utf8"));

/** Teencode and abbreviations, keyed by the folded token ("ko" → "không", "cccd" → "căn cước công dân"). */
export const ABBREVIATIONS: Readonly<Record<string, string>> = lexicon.words;

/** Everyday phrases for curriculum terms, keyed by their folded form ("bang lai" → "giấy phép lái xe"). */
export const PHRASES: Readonly<Record<string, string>> = lexicon.phrases;
