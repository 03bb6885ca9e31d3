import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/retrieval/chunk.ts";
import { contentTerms } from "../../src/retrieval/normalize.ts";
import { askEchoes, unitAsksOf } from "../../src/tutor/unit-asks.ts";
import { lessonChunk } from "../helpers/lesson-chunk.ts";

const report = "Đến công an phường trình báo nếu bị lừa.";
const hotline = "Gọi ngay tổng đài ngân hàng để được hỗ trợ tra soát.";

/** A lesson whose cards say which sentence answers which ask. */
function lessonWithCards(): Chunk[] {
  const section = lessonChunk(1, "Khi lỡ chuyển nhầm", `${hotline}\n${report}`, "xu-ly");
  return [
    {
      ...section,
      asks: [
        "bị kẻ gian lừa mất tiền thì báo ai",
        "chuyển nhầm tiền cho người lạ",
        "mk ngân hàng bị lộ tiền mất",
      ],
      askQuotes: [[report], [hotline], [hotline]],
    },
  ];
}

const terms = (text: string) => new Set(contentTerms(text));

describe("unit asks", () => {
  it("scores a sentence by how much of the question the asks quoting it share, even with none of its own words", () => {
    const asks = unitAsksOf(lessonWithCards());
    const question = terms("toi bi ke gian lua roi bao ai bay gio");
    const [[reportEcho = 0] = [], [hotlineEcho = 0] = []] = askEchoes([report, hotline], question, asks);
    expect(reportEcho).toBeGreaterThan(0.5);
    expect(reportEcho).toBeGreaterThan(hotlineEcho);
  });

  it("gives a sentence no ask quotes nothing, and nothing for a question with no words", () => {
    const asks = unitAsksOf(lessonWithCards());
    expect(askEchoes(["Câu không ai trích."], terms("bi lua bao ai"), asks)).toEqual([[0, 0]]);
    expect(askEchoes([report], new Set(), asks)).toEqual([[0, 0]]);
  });

  it("reads teencode in the asks as the question's words are read", () => {
    const typed = terms("mk ngân hàng bị lộ");
    for (const word of terms("mật khẩu ngân hàng bị lộ")) expect(typed).toContain(word);
  });

  it("adds up the words of every ask quoting a sentence: two asks can cover what neither covers alone", () => {
    const asks = unitAsksOf(lessonWithCards());
    const [[best = 0, together = 0] = []] = askEchoes(
      [hotline],
      terms("chuyen nham nguoi la ma mk ngan hang lo"),
      asks,
    );
    expect(together).toBeGreaterThan(best);
  });

  it("weighs a word every ask of the lesson uses less than a rare one", () => {
    const asks = unitAsksOf(lessonWithCards());
    expect(asks.idf.get("tien") ?? 0).toBeLessThan(asks.idf.get("lua") ?? 0);
  });
});
