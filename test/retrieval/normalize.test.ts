import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentTerms, expandTokens, fold, normalizeText, tokenize } from "../../src/retrieval/normalize.ts";

describe("Vietnamese normalisation", () => {
  it("folds accents and đ", () => {
    expect(fold("Cách kích hoạt tài khoản định danh")).toBe("Cach kich hoat tai khoan dinh danh");
    expect(fold("ĐĂNG KÝ")).toBe("DANG KY");
  });

  it("puts tone marks in one place, so hòa and hoà, thúy and thuý are the same word", () => {
    expect(normalizeText("hòa")).toBe(normalizeText("hoà"));
    expect(normalizeText("Thúy")).toBe(normalizeText("thuý"));
    expect(normalizeText("khỏe")).toBe(normalizeText("khoẻ"));
  });

  it("treats decomposed (NFD) input like composed input", () => {
    expect(normalizeText("Việt Nam".normalize("NFD"))).toBe("việt nam");
  });

  it("lower-cases and turns punctuation and emoji into spaces", () => {
    expect(normalizeText("VNeID???  mức-2 😀👍")).toBe("vneid mức 2");
  });

  it("expands teencode and abbreviations while keeping the original token", () => {
    expect(expandTokens(tokenize("ko dc j"))).toEqual(["ko", "không", "dc", "được", "j", "gì"]);
    expect(expandTokens(tokenize("cccd"))).toEqual(["cccd", "căn", "cước", "công", "dân"]);
    expect(expandTokens(tokenize("ntn"))).toEqual(["ntn", "như", "thế", "nào"]);
  });

  it("keeps content words whose folded form collides with a function word", () => {
    expect(contentTerms("đăng ký thẻ bán hàng")).toEqual(["dang", "ky", "the", "ban", "hang"]);
    expect(contentTerms("tôi đang ở nhà thì thế nào")).toEqual(["nha"]);
  });

  it("folding is idempotent and never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
    );
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => void fold(s)));
  });

  it("normalisation is idempotent and never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});
