import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitMessage } from "../../src/channels/split-message.ts";

/** Text rich in the separators the splitter looks for, with Vietnamese, emoji and other whitespace. */
const piece = fc.constantFrom(
  "a",
  "Bước",
  "ệ",
  "😀",
  "👨‍👩‍👧",
  "𝔸",
  " ",
  "  ",
  "\n",
  "\n\n",
  "\n\n\n",
  "\t",
  "\r\n",
  "\u00a0",
  "\u3000",
  "\ufeff",
  "\u200b",
  ".",
);
const structured = fc.array(piece, { maxLength: 300 }).map((p) => p.join(""));
/** Well-formed text: whole code points only, astral ones included. */
const wellFormed = fc.oneof(
  structured,
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 150 }),
);
/** Any UTF-16 code units, lone surrogates included. */
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 300,
});
const limit = fc.oneof(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 400 }));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nonSpace = (s: string) => s.replace(/\s/g, "");

/**
 * True when the parts are, in order, pieces of the text separated only by whitespace: nothing is
 * reordered, duplicated or invented, and only whitespace is lost at the cuts.
 */
function piecesInOrder(text: string, parts: string[]): boolean {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    if (found < 0 || text.slice(at, found).trim() !== "") return false;
    at = found + part.length;
  }
  return text.slice(at).trim() === "";
}

describe("splitMessage properties", () => {
  it("never gives a part longer than the limit, nor an empty or whitespace-only one", () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, anyUnits), limit, (text, max) => {
        for (const part of splitMessage(text, max)) {
          expect(part.length).toBeLessThanOrEqual(max);
          expect(part.trim()).not.toBe("");
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps every non-whitespace character, in order, as contiguous pieces of the text", () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, anyUnits), limit, (text, max) => {
        const parts = splitMessage(text, max);
        expect(nonSpace(parts.join(""))).toBe(nonSpace(text));
        expect(piecesInOrder(text, parts)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("gives back a message that fits as it is (trimmed)", () => {
    fc.assert(
      fc.property(wellFormed, (text) => {
        const trimmed = text.trim();
        expect(splitMessage(text, Math.max(1, trimmed.length))).toEqual(trimmed ? [trimmed] : []);
      }),
    );
  });

  it("never cuts between the two halves of a surrogate pair", () => {
    fc.assert(
      fc.property(wellFormed, limit, (text, max) => {
        for (const part of splitMessage(text, max)) expect(part).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 1000 },
    );
    // Only a limit of one code unit cannot hold an astral character; then it has to be cut.
    expect(splitMessage("😀", 1)).toHaveLength(2);
  });

  it("cuts at a paragraph break, line break or space rather than inside a word that fits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("a", "ư", "😀"), minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom(" ", "\n", "\n\n"),
        fc.integer({ min: 20, max: 60 }),
        (words, separator, max) => {
          // Every word fits, so no word is ever cut.
          const parts = splitMessage(words.join(separator), max);
          expect(parts.flatMap((p) => p.split(/\s+/))).toEqual(words);
        },
      ),
    );
  });

  it("terminates quickly on any input, even a long one with a tiny limit", () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, anyUnits), limit, (text, max) => {
        expect(splitMessage(text, max).length).toBeLessThanOrEqual(text.length);
      }),
    );
    const started = performance.now();
    const big = `${"Bước 1: mở ứng dụng 😀 ".repeat(5000)}${"x".repeat(20_000)}`;
    const parts = splitMessage(big, 2);
    expect(parts.length).toBeGreaterThan(50_000);
    expect(splitMessage(big, 4096).every((p) => p.length <= 4096)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses a limit below one instead of looping", () => {
    for (const max of [0, -1, Number.NEGATIVE_INFINITY])
      expect(() => splitMessage("abc", max)).toThrow(RangeError);
  });
});
