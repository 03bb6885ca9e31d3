import { describe, expect, it } from "vitest";
import { createExtractiveTutor } from "../../src/tutor/extractive-tutor.ts";
import { testIndex } from "../helpers/core.ts";

const tutor = async () => createExtractiveTutor({ index: await testIndex() });

describe("extractive tutor", () => {
  it("answers a how-to question with the lesson's numbered steps and cites the lesson", async () => {
    const answer = await (await tutor()).answer("cách kích hoạt tài khoản VNeID");
    expect(answer.refused).toBe(false);
    expect(answer.text).toMatch(/^1\. /);
    expect(answer.text).toContain("Xem bài: Kích hoạt tài khoản định danh điện tử");
    expect(answer.sources[0]).toMatchObject({ module: "vneid", lesson: "vneid/kich-hoat" });
    const words = answer.text.split(/\s+/).length;
    expect(words).toBeLessThanOrEqual(140);
  });

  it("says it does not know, kindly, for questions outside the curriculum", async () => {
    for (const q of [
      "kết quả xổ số miền bắc hôm nay",
      "gia vang sjc hom nay bao nhieu",
      "ngày mai trời có mưa không",
    ]) {
      const answer = await (await tutor()).answer(q);
      expect(answer, q).toMatchObject({ refused: true, reason: "out-of-scope", sources: [] });
      expect(answer.text).toContain("chưa có thông tin này");
    }
  });

  it("sends symptoms and medicine questions to a doctor or 115", async () => {
    for (const q of ["tôi bị đau đầu uống thuốc gì", "con toi sot 39 do phai lam sao"]) {
      const answer = await (await tutor()).answer(q);
      expect(answer, q).toMatchObject({ refused: true, reason: "medical" });
      expect(answer.text).toContain("115");
    }
  });

  it("still answers how to use digital health tools", async () => {
    const answer = await (await tutor()).answer("cách xem sổ sức khỏe điện tử trên vneid");
    expect(answer.refused).toBe(false);
    expect(answer.sources[0]?.module).toBe("y-te-so");
  });

  it("refuses gibberish with low confidence", async () => {
    const answer = await (await tutor()).answer("xqzv blorf wumple trazz");
    expect(answer).toMatchObject({ refused: true, reason: "low-confidence" });
  });

  it("warns the learner who sends personal data, and does not echo it", async () => {
    const answer = await (await tutor()).answer("số cccd của tôi 001234567890, kích hoạt vneid thế nào");
    expect(answer.text).toContain("đừng gửi số căn cước");
    expect(answer.text).not.toContain("001234567890");
  });

  it("resolves a follow-up about a step from the previous question", async () => {
    const t = await tutor();
    const answer = await t.answer("bước 3 là sao?", ["cách kích hoạt vneid"]);
    expect(answer.text).toMatch(/^Bước 3: Nhập số định danh/);
  });

  it("uses the previous question for a vague follow-up", async () => {
    const t = await tutor();
    const followed = await t.answer("còn cách nào khác không?", [
      "cách kích hoạt vneid khi không có điện thoại thông minh",
    ]);
    expect(followed.sources[0]?.module).toBe("vneid");
  });
});
