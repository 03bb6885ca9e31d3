import type { DiacriticRestorer } from "./diacritics.ts";
import { hasDiacritics, tokenize } from "./normalize.ts";
import type { SpellCorrector } from "./spelling.ts";

/**
 * A message as the indexes see it: unknown syllables corrected toward the lessons' words, then accents
 * restored; a corrected syllable keeps the marks its writer typed ("hàg" → "hàng", "mún" → "muốn").
 */
export function queryText(message: string, spelling: SpellCorrector, restorer: DiacriticRestorer): string {
  const typed = tokenize(message);
  const corrected = tokenize(spelling.correct(message));
  const typedAs = corrected.map((token, i) => {
    const original = typed[i] ?? "";
    return token !== original && hasDiacritics(original) ? original : undefined;
  });
  return restorer.restore(corrected.join(" "), typedAs).join(" ");
}
