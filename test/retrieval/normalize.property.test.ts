import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentTerms, expandTokens, fold, normalizeText, tokenize } from "../../src/retrieval/normalize.ts";

/** Any UTF-16 code unit, lone surrogates included: what a buggy client or a cut message can send. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: codeUnit, maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

/** The Vietnamese alphabet: 12 vowels × 6 tones in both cases, đ/Đ and the other Latin consonants. */
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
const LOWER = [
  ...VOWELS.flatMap((v) => TONES.map((t) => `${v}${t}`.normalize("NFC"))),
  ..."bcdđghklmnpqrstvx".split(""),
];
const LETTERS = [...LOWER, ...LOWER.map((l) => l.toUpperCase())];
/** What each letter folds to: the base letter without any mark, đ → d. */
const BASE = (letter: string) =>
  letter.normalize("NFD").replace(/\p{M}/gu, "").replace("đ", "d").replace("Đ", "D");

const UNTONED = LETTERS.filter((l) => !/[\u0300\u0301\u0303\u0309\u0323]/.test(l.normalize("NFD")));
/** A word has at most one tone mark, as Vietnamese syllables do. */
const vietnameseWord = fc
  .tuple(
    fc.array(fc.constantFrom(...UNTONED), { minLength: 1, maxLength: 7 }),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom(...LETTERS))),
  )
  .map(([letters, toned]) => {
    // A copy: fast-check reuses generated values while shrinking, so they must not be mutated.
    const word = [...letters];
    if (toned) word.splice(toned[0] % (word.length + 1), 0, toned[1]);
    return word.join("");
  });
const vietnameseText = fc
  .array(fc.tuple(vietnameseWord, fc.constantFrom(" ", "  ", ", ", ". ", "\n", "? ", " - ")), {
    maxLength: 12,
  })
  .map((words) => words.map(([w, sep]) => `${w}${sep}`).join(""));

/** A syllable with oa/oe/uy spelled both ways: the tone on the first vowel (hòa) and on the second (hoà). */
const oldAndNewPlacement = fc
  .tuple(
    fc.constantFrom("", "h", "kh", "th", "x", "ng", "q"),
    fc.constantFrom(["o", "a"], ["o", "e"], ["u", "y"], ["O", "A"], ["U", "Y"]),
    fc.constantFrom("\u0300", "\u0301", "\u0303", "\u0309", "\u0323"),
    fc.boolean(),
  )
  .map(([onset, [first, second], tone, upper]) => {
    const cased = (t: string) => (upper ? t.toUpperCase() : t);
    return [
      cased(`${onset}${first}${tone}${second}`).normalize("NFC"),
      cased(`${onset}${first}${second}${tone}`).normalize("NFC"),
    ] as const;
  });

describe("fold() on any input", () => {
  it("never throws, even on lone surrogates and control characters", () => {
    fc.assert(fc.property(anyText, (s) => void fold(s)));
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
    );
  });

  it("leaves no combining diacritic (U+0300–U+036F) and no đ/Đ behind", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(fold(s)).not.toMatch(/[\u0300-\u036fđĐ]/);
      }),
    );
  });

  it("gives the same result for composed (NFC) and decomposed (NFD) input", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(fold(s.normalize("NFD"))).toBe(fold(s));
        expect(fold(s.normalize("NFC"))).toBe(fold(s));
      }),
    );
  });

  it("is never longer than the decomposed input (it only removes marks, then recomposes)", () => {
    // Not "never longer than the input": a character excluded from composition stays decomposed,
    // e.g. Devanagari qa (U+0958) folds to two code units.
    expect(fold("\u0958")).toHaveLength(2);
    fc.assert(
      fc.property(anyText, (s) => {
        expect(fold(s).length).toBeLessThanOrEqual(s.normalize("NFD").length);
      }),
    );
  });

  it("leaves ASCII text exactly as it is", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 80 }), (s) => {
        expect(fold(s)).toBe(s);
      }),
    );
  });
});

describe("fold() on Vietnamese", () => {
  it("turns every Vietnamese letter into its one ASCII base letter", () => {
    expect(LETTERS).toHaveLength(2 * (12 * 6 + 17));
    for (const letter of LETTERS) {
      expect(fold(letter), letter).toBe(BASE(letter));
      expect(fold(letter), letter).toMatch(/^[a-zA-Z]$/);
    }
    expect(fold("Ứng dụng ĐỊNH DANH điện tử")).toBe("Ung dung DINH DANH dien tu");
  });

  it("gives ASCII text with exactly one character per letter, in order", () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        const folded = fold(s);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
        expect(folded).toMatch(/^[\x00-\x7f]*$/);
        expect(folded).toHaveLength([...s.normalize("NFC")].length);
        expect(folded).toBe([...s.normalize("NFC")].map(BASE).join(""));
      }),
    );
  });

  it("folds text typed with tone marks in the old or new place (hòa/hoà, thúy/thuý) alike", () => {
    fc.assert(
      fc.property(oldAndNewPlacement, ([oldStyle, newStyle]) => {
        expect(fold(oldStyle)).toBe(fold(newStyle));
      }),
    );
  });
});

describe("normalizeText() and tokens", () => {
  it("puts the tone mark in one place, so the old and new spellings of oa/oe/uy are one word", () => {
    fc.assert(
      fc.property(oldAndNewPlacement, ([oldStyle, newStyle]) => {
        expect(normalizeText(oldStyle)).toBe(normalizeText(newStyle));
        expect(normalizeText(oldStyle)).toBe(newStyle.normalize("NFC").toLowerCase());
      }),
    );
  });

  it("gives lower-case letters and digits separated by single spaces, on any input", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = normalizeText(s);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/ {2}/);
        expect(out).toMatch(/^[\p{L}\p{N} ]*$/u);
        for (const token of tokenize(s)) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });

  it("commutes with folding on Vietnamese text, so accented and folded forms index alike", () => {
    // oă, oâ, oê are not the diphthongs oa, oe: a tone typed on the o stays there, the word stays whole.
    expect(normalizeText("HÒĂC hóâ xòê")).toBe("hòăc hóâ xòê");
    fc.assert(
      fc.property(vietnameseText, (s) => {
        expect(fold(normalizeText(s))).toBe(normalizeText(fold(s)));
      }),
    );
  });

  it("expands any words, the names of Object.prototype's members included, into words", () => {
    const tricky = fc.constantFrom(
      ...Object.getOwnPropertyNames(Object.prototype).map((n) => n.toLowerCase()),
      "constructor",
      "proto",
      "ko",
      "dc",
      "cccd",
      "ntn",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky, anyText), { maxLength: 8 }), (words) => {
        const text = words.join(" ");
        for (const term of expandTokens(tokenize(text))) expect(term).toMatch(/^[\p{L}\p{N}]+$/u);
        for (const term of contentTerms(text)) expect(typeof term).toBe("string");
      }),
    );
    expect(contentTerms("constructor")).toEqual(["constructor"]);
  });
});
