import { describe, expect, it } from "vitest";
import { charTrigrams, indexTerms, termsAndTrigrams } from "../../src/retrieval/features.ts";

describe("index terms", () => {
  it("gives each content word its folded term, its accented term when it has marks, and the pairs it forms", () => {
    expect(indexTerms("Mã OTP")).toEqual(["f:ma", "a:mã", "f:otp", "b:ma_otp"]);
  });

  it("gives a function word no term of its own, and no pair with another function word", () => {
    const terms = indexTerms("tôi là người");
    expect(terms).not.toContain("f:toi");
    expect(terms).not.toContain("b:toi_la");
    expect(terms).toContain("b:la_nguoi");
    expect(terms).toContain("a:người");
  });

  it("reads a word the same however often the curriculum repeats it", () => {
    const once = indexTerms("kích hoạt VNeID");
    const text = Array.from({ length: 50 }, () => "kích hoạt VNeID").join(" ");
    const many = indexTerms(text);
    expect(many.slice(0, once.length)).toEqual(once);
    expect(many.filter((t) => t === "a:kích")).toHaveLength(50);
  });

  it("gives a query's terms once each, however often it says them", () => {
    const terms = indexTerms("mã OTP, mã OTP", { expand: true });
    expect(terms).toEqual([...new Set(terms)]);
    expect(terms).toContain("b:otp_ma");
  });

  it("expands teencode in a query only when asked to", () => {
    expect(indexTerms("ko bít")).not.toContain("f:khong");
    expect(indexTerms("ko bít", { expand: true })).toContain("f:biet");
  });
});

describe("character trigrams", () => {
  it("pads each folded content word, so a typo still shares its first and last letters", () => {
    expect(charTrigrams("khoản")).toEqual(["c:^kh", "c:kho", "c:hoa", "c:oan", "c:an$"]);
    expect(charTrigrams("khoảng")).toEqual(expect.arrayContaining(["c:^kh", "c:kho", "c:hoa", "c:oan"]));
  });

  it("leaves out function words and words under three letters", () => {
    expect(charTrigrams("tôi đi chợ")).toEqual(["c:^ch", "c:cho", "c:ho$"]);
  });

  it("come with the terms from one reading of the text, for the embedding", () => {
    const text = "Không bao giờ đưa mã OTP cho ai";
    const { terms, trigrams } = termsAndTrigrams(text);
    expect([...new Set(terms)]).toEqual(indexTerms(text, { expand: true }));
    expect(trigrams).toEqual(charTrigrams(text));
  });
});
