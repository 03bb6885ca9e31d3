import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/retrieval/chunk.ts";
import { contentTerms } from "../../src/retrieval/normalize.ts";
import { BODY_MAX_WORDS, compose } from "../../src/tutor/compose.ts";
import { UNIT_FEATURE_NAMES } from "../../src/tutor/unit-features.ts";
import type { UnitModel } from "../../src/tutor/unit-model.ts";
import {
  afterScam,
  askEchoOnly,
  body,
  cardsOnly,
  chunk,
  composeIn,
  hit,
  lesson,
  overlapOnly,
  recap,
  steps,
} from "../helpers/compose-fixtures.ts";

describe("compose", () => {
  it("quotes the advice from whichever section holds it, not only the chosen one", () => {
    const composed = compose({
      hit,
      chosen: steps,
      lessonChunks: lesson,
      terms: ["tong", "dai", "tra", "soat", "cong", "an", "trinh", "bao"],
      question: "chuyen nham roi goi tong dai tra soat hay trinh bao cong an",
      kind: "xu-ly",
      model: overlapOnly,
    });
    const all = [composed.direct, ...composed.points].join("\n");
    expect(all).toContain("Gọi ngay tổng đài ngân hàng");
    expect(all).toContain("Đến công an phường trình báo");
  });

  it("quotes what the answer cards of the asks nearest the message quote, with no word of the question in it", () => {
    const quoted = "Đến công an phường trình báo nếu bị lừa.";
    const answer = (quotes: Map<string, number>) =>
      compose({
        hit: { ...hit, quotes },
        chosen: steps,
        lessonChunks: lesson,
        terms: ["mat", "sach", "tien"],
        question: "ba bi mat sach tien roi",
        kind: null,
        model: cardsOnly,
      });
    expect(answer(new Map([[quoted, 1.5]])).direct).toBe(quoted);
    const without = answer(new Map());
    expect([without.direct, ...without.points]).not.toContain(quoted);
  });

  it("values a sentence by the one thing asked that it answers best, not by its share of the whole message", () => {
    const photos = chunk(
      4,
      "Ảnh giấy tờ",
      [
        "Đặt giấy tờ lên bàn phẳng, chụp thẳng cho rõ chữ.",
        "Cất vào album riêng cho gọn.",
        "Ảnh đẹp giúp bán hàng tốt hơn.",
      ].join("\n"),
    );
    const byClause = (name: string): UnitModel => ({
      ...overlapOnly,
      relevance: {
        ...overlapOnly.relevance,
        weights: UNIT_FEATURE_NAMES.map((feature) => (feature === name ? 4 : 0)),
      },
    });
    const question = "chụp giấy tờ thế nào cho rõ chữ, cất ở đâu cho gọn";
    const answer = (model: UnitModel) => {
      const composed = compose({
        hit: { ...hit, chunks: [photos], chunkScores: [1] },
        chosen: photos,
        lessonChunks: [photos],
        terms: contentTerms(question),
        question,
        kind: null,
        model,
      });
      return [composed.direct, ...composed.points];
    };
    expect(answer(byClause("clause_overlap"))).toContain("Cất vào album riêng cho gọn.");
    expect(answer(byClause("clause_overlap"))).not.toContain("Ảnh đẹp giúp bán hàng tốt hơn.");
    expect(answer(byClause("overlap_of_question"))).not.toContain("Cất vào album riêng cho gọn.");
  });

  it("quotes the sentence whose card answers asks worded like the message, though it shares no word with it", () => {
    const quoted = "Đến công an phường trình báo nếu bị lừa.";
    const withCards = { ...afterScam, asks: ["kẻ gian gạt mất tiền thì kêu ai"], askQuotes: [[quoted]] };
    const sections = [lesson[0] as Chunk, steps, withCards, recap];
    const answer = (question: string) => {
      const composed = compose({
        hit: { ...hit, chunks: [steps, withCards, recap, lesson[0] as Chunk] },
        chosen: steps,
        lessonChunks: sections,
        terms: [...new Set(question.split(" "))],
        question,
        kind: null,
        model: askEchoOnly,
      });
      return [composed.direct, ...composed.points];
    };
    expect(answer("ke gian gat tien roi keu ai")).toContain(quoted);
    expect(answer("so tai khoan nguoi nhan")).not.toContain(quoted);
  });

  it("opens with a sentence that stands alone (no step, no lead-in ending in a colon) and keeps the body within the limit", () => {
    const composed = compose({
      hit,
      chosen: steps,
      lessonChunks: lesson,
      terms: ["buoc", "ma", "otp", "nhap"],
      question: "nhap ma otp buoc nao",
      kind: null,
      model: overlapOnly,
    });
    expect(composed.direct).not.toMatch(/:\s*$/);
    expect(steps.text).not.toContain(composed.direct);
    expect(body(composed.points)).toBeLessThanOrEqual(BODY_MAX_WORDS);
    expect(new Set(composed.points).size).toBe(composed.points.length);
  });

  it("opens a section on its own with its first sentence and steps when there is no question", () => {
    const composed = compose({ hit, chosen: afterScam, lessonChunks: lesson, terms: [], model: overlapOnly });
    expect(composed.direct).toBe("Gọi ngay tổng đài ngân hàng để được hỗ trợ tra soát.");
    expect(composed.points).toEqual(["Đến công an phường trình báo nếu bị lừa."]);
  });

  it("keeps parallel statements that share most words but each say something of their own, and drops a repeat", () => {
    const screenshot = chunk(
      1,
      "Chụp màn hình",
      [
        "Trên iPhone có Face ID, bạn nhấn cùng lúc nút sườn và nút tăng âm lượng để chụp màn hình.",
        "Nhấn cùng lúc nút nguồn và nút giảm âm lượng để chụp màn hình.",
        "Nhấn cùng lúc nút sườn và nút tăng âm lượng để chụp màn hình.",
      ].join("\n"),
    );
    const composed = composeIn(
      [screenshot],
      ["chup", "man", "hinh", "nhan", "nut", "am", "luong", "iphone", "android"],
      "chup man hinh iphone, android nhan nut am luong nao",
      null,
    );
    const all = [composed.direct, ...composed.points];
    expect(all).toContain("Nhấn cùng lúc nút nguồn và nút giảm âm lượng để chụp màn hình.");
    expect(all).toContain(
      "Trên iPhone có Face ID, bạn nhấn cùng lúc nút sườn và nút tăng âm lượng để chụp màn hình.",
    );
    expect(all).not.toContain("Nhấn cùng lúc nút sườn và nút tăng âm lượng để chụp màn hình.");
  });

  it("shows a short list whole once it quotes two of its bullets, the one the question does not name included", () => {
    const groups = chunk(
      1,
      "Lớp cho từng nhóm",
      [
        "Phường mở lớp cho từng nhóm:",
        "- Người già: có lớp học chậm riêng.",
        "- Học sinh: học cùng nhà trường.",
        "- Người khuyết tật: có lớp phù hợp.",
        "Lớp người già học vào sáng thứ bảy.",
      ].join("\n"),
    );
    const composed = composeIn(
      [groups],
      ["gia", "khuyet", "tat"],
      "lop cho nguoi gia, nguoi khuyet tat",
      null,
    );
    expect(composed.points).toEqual([
      "Phường mở lớp cho từng nhóm:",
      "• Người già: có lớp học chậm riêng.",
      "• Học sinh: học cùng nhà trường.",
      "• Người khuyết tật: có lớp phù hợp.",
    ]);
  });
});
