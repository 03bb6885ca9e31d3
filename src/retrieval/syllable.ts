import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TONE_MARKS } from "./normalize.ts";

/**
 * Whether a token is a well-formed Vietnamese syllable: an initial consonant, then one of the language's
 * rhymes, and a tone the rhyme can carry (a rhyme ending in p, t, c or ch takes only the sắc or nặng tone).
 * A syllable typed with its marks that is well formed ("huyết", "khu") is a word its writer meant, even when
 * the lessons never use it; one that is not ("hàg", "khôg", "biêt", "ngừoi") is a slip worth correcting.
 */

const SPELLING_FILE = join(import.meta.dirname, "lexicon", "syllables.txt");

/** The initials (longest first, and none) and the rhymes listed in the spelling file. */
function readSpelling(text: string): { initials: string[]; rhymes: Set<string> } {
  const initials: string[] = [];
  const rhymes = new Set<string>();
  for (const line of text.split("\n")) {
    const [key, list = ""] = line.split(":");
    const words = list.trim().split(/\s+/).filter(Boolean);
    if (key === "initials") initials.push(...words);
    else if (key === "rhymes") for (const rhyme of words) rhymes.add(rhyme);
  }
  initials.sort((a, b) => b.length - a.length).push("");
  return { initials, rhymes };
}

const { initials: INITIALS, rhymes: RHYMES } = readSpelling(readFileSync(SPELLING_FILE, "utf8"));

const TONE_MARK = new RegExp(`[${TONE_MARKS}]`, "gu");
const SAC_OR_NANG = /[\u0301\u0323]/u;
const STOP_FINAL = /(p|t|c|ch)$/;

export function isWellFormedSyllable(token: string): boolean {
  const decomposed = token.toLowerCase().normalize("NFD");
  const tones = decomposed.match(TONE_MARK) ?? [];
  if (tones.length > 1) return false;
  const toneless = decomposed.replace(TONE_MARK, "").normalize("NFC");
  if (!/^[a-zăâđêôơư]+$/u.test(toneless)) return false;
  return INITIALS.some((initial) => {
    if (!toneless.startsWith(initial)) return false;
    const rhyme = toneless.slice(initial.length);
    if (!RHYMES.has(rhyme)) return false;
    return !STOP_FINAL.test(rhyme) || (tones[0] !== undefined && SAC_OR_NANG.test(tones[0]));
  });
}
