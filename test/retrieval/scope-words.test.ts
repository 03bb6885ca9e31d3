import { describe, expect, it } from "vitest";
import { ScopeWords } from "../../src/retrieval/scope-words.ts";

const asks = [
  "lỡ đọc mã otp cho người lạ rồi",
  "quên mật khẩu vneid",
  "cach quet ma qr tra tien",
  "bấm nhầm link lạ thì sao",
];
const outside = [
  "làm sổ đỏ mất bao lâu",
  "lãi suất ngân hàng nào cao",
  "so do dat dung ten ai",
  "xổ số hôm nay",
];

describe("scope words", () => {
  it("leans inside for words residents use with lessons and outside for words of other matters", () => {
    const words = ScopeWords.build(asks, outside);
    expect(words.logOdds("bị lộ mã OTP")).toBeGreaterThan(0);
    expect(words.logOdds("sổ đỏ nhà tôi")).toBeLessThan(0);
  });

  it("reads words without accents as their accented forms, and teencode by its meaning", () => {
    const words = ScopeWords.build(asks, outside);
    expect(words.logOdds("so do nha toi")).toBeCloseTo(words.logOdds("sổ đỏ nhà tôi"));
    expect(words.logOdds("quen mk vneid")).toBeGreaterThan(0);
  });

  it("is neutral about words it has never seen", () => {
    expect(ScopeWords.build(asks, outside).logOdds("xqzv")).toBe(0);
    expect(ScopeWords.build(asks, outside).lean("xqzv").perFeature).toBe(0);
  });

  it("leans per known word or pair whatever the message's length, where the sum grows with its words", () => {
    const words = ScopeWords.build(asks, outside);
    const short = "quên mật khẩu";
    const long = "quên mật khẩu vneid, lỡ đọc mã otp";
    // The sum grows with the words the counts know; the lean per word does not.
    expect(words.logOdds(long)).toBeGreaterThan(words.logOdds(short));
    expect(words.lean(short).perFeature).toBeGreaterThan(0);
    expect(words.lean(short).perFeature).toBeCloseTo(words.logOdds(short) / 5);
    expect(words.lean("sổ đỏ").perFeature).toBeLessThan(0);
  });
});
