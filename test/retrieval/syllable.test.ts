import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWellFormedSyllable } from "../../src/retrieval/syllable.ts";

describe("well-formed Vietnamese syllables", () => {
  it("accepts syllables of the language, with or without marks, rare rhymes included", () => {
    for (const word of [
      "huyết",
      "khu",
      "người",
      "khuya",
      "quyết",
      "giữ",
      "gì",
      "nghiêng",
      "thuở",
      "xoong",
      "khuỷu",
      "ạ",
    ])
      expect(isWellFormedSyllable(word), word).toBe(true);
  });

  it("rejects the slips residents type: a dropped letter, a misplaced vowel, a stop without its tone", () => {
    for (const word of ["hàg", "khôg", "đug", "mạg", "ngừoi", "biêt", "cươc", "vnneid", "chuyểnn"])
      expect(isWellFormedSyllable(word), word).toBe(false);
  });

  it("lets a syllable ending in p, t, c or ch carry only the sắc or nặng tone", () => {
    expect(isWellFormedSyllable("biết")).toBe(true);
    expect(isWellFormedSyllable("việc")).toBe(true);
    expect(isWellFormedSyllable("biềt")).toBe(false);
    expect(isWellFormedSyllable("việt")).toBe(true);
    expect(isWellFormedSyllable("việtt")).toBe(false);
  });

  it("never throws, whatever is typed", () => {
    fc.assert(fc.property(fc.string(), (text) => typeof isWellFormedSyllable(text) === "boolean"));
  });
});
