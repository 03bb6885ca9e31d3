import { describe, expect, it } from "vitest";
import { quotesByLesson } from "../../src/retrieval/card-quotes.ts";
import type { AskTarget } from "../../src/retrieval/chunk.ts";

const asks: AskTarget[] = [
  { text: "bị lừa chuyển tiền", chunk: 0, quotes: ["Gọi ngay ngân hàng.", "Báo công an phường."] },
  { text: "chuyển nhầm tài khoản", chunk: 0, quotes: ["Gọi ngay ngân hàng."] },
  { text: "quên mật khẩu", chunk: 1, quotes: ["Bấm Quên mật khẩu."] },
  { text: "không có thẻ", chunk: 1, quotes: [] },
];
const lessonOf = (chunk: number) => (chunk === 0 ? "a/chuyen-tien" : "b/mat-khau");

describe("quotesByLesson", () => {
  it("gives a lesson's best-ranked ask's sentences full weight and its next asks less", () => {
    const quotes = quotesByLesson([[0, 1]], asks, lessonOf).get("a/chuyen-tien");
    expect(quotes?.get("Gọi ngay ngân hàng.")).toBeCloseTo(1 + 1 / 2);
    expect(quotes?.get("Báo công an phường.")).toBeCloseTo(1);
  });

  it("ranks each lesson's asks on their own, so another lesson's asks above do not lower them", () => {
    const quotes = quotesByLesson([[0, 2]], asks, lessonOf);
    expect(quotes.get("b/mat-khau")?.get("Bấm Quên mật khẩu.")).toBeCloseTo(1);
  });

  it("adds up the rankings by words and by cosine", () => {
    const quotes = quotesByLesson([[1], [1, 0]], asks, lessonOf).get("a/chuyen-tien");
    expect(quotes?.get("Gọi ngay ngân hàng.")).toBeCloseTo(1 + 1 + 1 / 2);
    expect(quotes?.get("Báo công an phường.")).toBeCloseTo(1 / 2);
  });

  it("counts an ask without a card in the ranking without quoting anything", () => {
    const quotes = quotesByLesson([[3, 2]], asks, lessonOf).get("b/mat-khau");
    expect(quotes?.get("Bấm Quên mật khẩu.")).toBeCloseTo(1 / 2);
  });
});
