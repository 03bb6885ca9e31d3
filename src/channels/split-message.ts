/**
 * Splits a long message into parts of at most `max` characters, preferring paragraph breaks, then line
 * breaks, then spaces; a single word longer than `max` is cut. Parts are never empty and, joined with the
 * separators they were split on, give back the original text (apart from trimmed whitespace at the cuts).
 */
export function splitMessage(text: string, max: number): string[] {
  if (max < 1) throw new RangeError("max must be at least 1");
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = bestCut(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

function bestCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator);
    if (at > 0) return at;
  }
  // No separator: cut at max, but never between the two halves of a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff && max > 1 ? max - 1 : max;
}
