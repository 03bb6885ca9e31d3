import type { DiacriticRestorer } from "./diacritics.ts";
import { hasDiacritics, tokenize } from "./normalize.ts";
import type { SpellCorrector } from "./spelling.ts";

/**
 * A message as the indexes see it: words typed without their spaces split apart, unknown syllables corrected
 * toward the lessons' words, then accents
 * restored; a corrected syllable keeps the marks its writer typed ("hàg" → "hàng", "mún" → "muốn").
 */
export function queryText(message: string, spelling: SpellCorrector, restorer: DiacriticRestorer): string {
  const spaced = spelling.segment(message);
  const typed = tokenize(spaced);
  const corrected = tokenize(spelling.correct(spaced));
  const typedAs = corrected.map((token, i) => {
    const original = typed[i] ?? "";
    return token !== original && hasDiacritics(original) ? original : undefined;
  });
  return restorer.restore(corrected.join(" "), typedAs).join(" ");
}
