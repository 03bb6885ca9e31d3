/**
 * The words one slip away from a typed word, as a phone keyboard makes them: a letter left out or typed too
 * many, two letters the wrong way round, a key beside the right one. Letters are code points, so a syllable
 * written with its marks ("người") is edited letter by letter, marks and all.
 */

/** The letters around each key of a phone's QWERTY keyboard (same row, and the rows above and below). */
const KEY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const KEY_NEIGHBOURS: Record<string, string[]> = Object.fromEntries(
  KEY_ROWS.flatMap((row, r) =>
    [...row].map((key, i) => {
      const near = [row[i - 1], row[i + 1]];
      // The middle row sits half a key right of the top one, the bottom row one and a half.
      const shifts = [0, 0.5, 1.5];
      for (const other of [r - 1, r + 1]) {
        const line = KEY_ROWS[other];
        if (!line) continue;
        const at = i + (shifts[r] ?? 0) - (shifts[other] ?? 0);
        near.push(line[Math.floor(at)], line[Math.ceil(at)]);
      }
      return [key, [...new Set(near.filter((k): k is string => Boolean(k)))]];
    }),
  ),
);

/** The word with each letter left out in turn. */
export function deletionsOf(word: string): string[] {
  const letters = [...word];
  return letters.map((_, i) => [...letters.slice(0, i), ...letters.slice(i + 1)].join(""));
}

/** The word with each pair of neighbouring letters the other way round. */
export function swapsOf(word: string): string[] {
  const letters = [...word];
  const out: string[] = [];
  for (let i = 0; i + 1 < letters.length; i++)
    out.push([...letters.slice(0, i), letters[i + 1], letters[i], ...letters.slice(i + 2)].join(""));
  return out;
}

/** The word with one letter typed on a key beside it, every way; a letter keeps its marks ("kàm" → "làm"). */
export function nearKeysOf(word: string): string[] {
  const letters = [...word];
  const out: string[] = [];
  for (const [i, letter] of letters.entries()) {
    const [base, ...marks] = letter.normalize("NFD");
    for (const key of KEY_NEIGHBOURS[base ?? ""] ?? [])
      out.push(
        [...letters.slice(0, i), (key + marks.join("")).normalize("NFC"), ...letters.slice(i + 1)].join(""),
      );
  }
  return out;
}

/** Two different words of the same letters, two neighbouring ones the other way round. */
export function isSwap(a: string, b: string): boolean {
  return (
    a.length === b.length &&
    a !== b &&
    withinOneEdit(a, b) &&
    [...a].sort().join("") === [...b].sort().join("")
  );
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && j === (i ?? 0) + 1 && a[i ?? 0] === b[j ?? 0] && a[j ?? 0] === b[i ?? 0];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** Each word with one letter left out → the words it came from: a typed word's lookup for a letter it missed. */
export function deletionIndex(words: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const word of words)
    for (const variant of deletionsOf(word)) {
      const list = index.get(variant);
      if (!list) index.set(variant, [word]);
      else if (!list.includes(word)) list.push(word);
    }
  return index;
}
