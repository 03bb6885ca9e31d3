/**
 * A word typed in Telex on a keyboard that did not turn it into Vietnamese ("tieenf" for "tiền", "nguwowif"
 * for "người", "ddc" left alone), folded: the tone letter dropped, doubled vowels and "dd" single, "w" gone.
 * Vietnamese syllables never end in s, f, r, x or j, so a final one is a tone key. Null when nothing in the
 * word looks like Telex.
 */
export function foldedFromTelex(word: string): string | null {
  const lower = word.toLowerCase();
  if (!/^[a-z]+$/.test(lower) || lower.length < 2) return null;
  let body = lower;
  const last = body.at(-1) ?? "";
  // A tone key pressed twice ("theess") is still a tone key.
  if ("sfrxj".includes(last) && /[aeiouy]/.test(body.slice(0, -1)))
    body = body.slice(0, body.at(-2) === last ? -2 : -1);
  // … or typed straight after the vowel, before the final consonant ("tiefn", "muosn").
  else body = body.replace(/([aeiouy])[sfrxj](?=(c|ch|m|n|ng|nh|p|t)$)/, "$1");
  body = body
    .replace(/dd/g, "d")
    .replace(/([aeo])w?\1/g, "$1")
    .replace(/([aeiouy])w/g, "$1")
    .replace(/w([aeiouy])/g, "$1");
  return body !== lower && body.length > 0 ? body : null;
}
