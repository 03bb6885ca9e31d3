import { describe, expect, it } from "vitest";
import { type DecisionModel, FEATURE_NAMES, loadDecisionModel } from "../../src/tutor/decision.ts";
import { createExtractiveTutor } from "../../src/tutor/extractive-tutor.ts";
import { testIndex } from "../helpers/core.ts";

const tutor = async (decision?: DecisionModel) =>
  createExtractiveTutor({
    index: await testIndex(),
    onlineLesson: { id: "dich-vu-cong/nop-ho-so", title: "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công" },
    ...(decision ? { decision } : {}),
  });

/** A decision model that always gives the same verdict, to test each branch on its own. */
function always(verdict: "answer" | "clarify" | "refuse"): DecisionModel {
  const zero = FEATURE_NAMES.map(() => 0);
  const flat = { mean: zero, scale: zero.map(() => 1), weights: zero, bias: 0 };
  return {
    scope: flat,
    confidence: flat,
    thresholds: {
      refuse: verdict === "refuse" ? 0.9 : 0.1,
      clarify: verdict === "clarify" ? 0.9 : 0.1,
    },
    fitted: { split: "test", messages: 0, at: "" },
  };
}

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

describe("extractive tutor", () => {
  it("answers a how-to question with a direct sentence, then the lesson's numbered steps, and cites the lesson", async () => {
    const answer = await (await tutor()).answer("cách kích hoạt tài khoản VNeID");
    expect(answer.refused).toBe(false);
    expect(answer.sources[0]).toMatchObject({ module: "vneid", lesson: "vneid/kich-hoat" });
    expect(answer.parts?.direct).toBeTruthy();
    expect(answer.parts?.points[0]).toMatch(/^1\. Mở ứng dụng VNeID/);
    expect(answer.text).toContain("Xem bài: Kích hoạt tài khoản định danh điện tử");
    // The steps' own words (their numbers aside) stay within 80.
    const stepWords = (answer.parts?.points ?? []).map((p) => p.replace(/^\d+\.\s+/, ""));
    expect(wordsOf(stepWords.join(" "))).toBeLessThanOrEqual(80);
  });

  it("answers a message typed without spaces, or in Telex a keyboard left unconverted, as the same message typed well", async () => {
    const t = await tutor();
    const well = await t.answer("muốn chuyển tiền cho con qua điện thoại thì làm thế nào");
    expect(well.refused).toBe(false);
    for (const typed of [
      "muốn chuyểntiền cho con qua điệnthoại thì làm thế nào",
      "muoons chuyeenr tieenf cho con qua ddieenj thoaij thif lamf theess naof",
    ]) {
      const answer = await t.answer(typed);
      expect(answer.refused, typed).toBe(false);
      expect(answer.sources[0]?.lesson, typed).toBe(well.sources[0]?.lesson);
    }
  });

  it("answers a forgotten password from the troubleshooting lesson's section, not an introduction", async () => {
    const answer = await (await tutor()).answer("tôi quên mật khẩu vneid thì phải làm sao");
    expect(answer.sources[0]?.lesson).toBe("vneid/su-co-thuong-gap");
    const body = [answer.parts?.direct, ...(answer.parts?.points ?? [])].join("\n");
    expect(body).toContain('"Quên mật khẩu"');
    expect(body).not.toMatch(/Đừng lo\. Phần lớn sự cố/);
  });

  it("answers how to install VNeID with the store steps, not a question back or another app's steps", async () => {
    for (const q of ["cach cai vneid tren dien thoai", "cach tai vneid"]) {
      const answer = await (await tutor()).answer(q);
      expect(answer.refused, q).toBe(false);
      expect(answer.sources[0]?.lesson, q).toBe("vneid/gioi-thieu-muc-do");
      expect(answer.text, q).toContain('Chạm ô tìm kiếm và gõ "VNeID".');
    }
  });

  it("answers an account someone else logged into with the steps to take it back", async () => {
    const answer = await (await tutor()).answer("check acc zalo bị login lạ thì sao");
    expect(answer.sources[0]?.lesson).toBe("an-toan-so/otp-mat-khau");
    expect(answer.text).toContain("Tìm mục quản lý thiết bị đăng nhập và đăng xuất mọi máy lạ.");
  });

  it("answers how to tell a scam message from the lesson on recognising scams, with its warning signs", async () => {
    const answer = await (await tutor()).answer("làm sao để biết tin nhắn là lừa đảo");
    expect(answer.sources[0]?.lesson).toBe("an-toan-so/nhan-dien-lua-dao");
    expect(answer.text).toContain("Giục gấp, dọa nạt, bảo bạn giữ bí mật.");
  });

  it("never shows a bullet twice or a doubled bullet mark", async () => {
    const t = await tutor();
    for (const q of ["dấu hiệu tin nhắn lừa đảo", "bị lừa chuyển tiền rồi phải làm gì", "otp là gì"]) {
      const answer = await t.answer(q);
      expect(answer.text, q).not.toMatch(/•\s*•/);
      const lines = answer.text.split("\n").filter((l) => l.trim());
      expect(new Set(lines).size, q).toBe(lines.length);
    }
  });

  it("declines everyday questions outside the curriculum, kindly", async () => {
    for (const q of ["kết quả xổ số miền bắc hôm nay", "cách trồng rau sạch ở ban công"]) {
      const answer = await (await tutor()).answer(q);
      expect(answer, q).toMatchObject({ refused: true, sources: [] });
      expect(answer.text).toMatch(/chưa có thông tin này/);
    }
  });

  it("refers administrative procedures we don't teach to the ward office, with the online lesson where it applies", async () => {
    const answer = await (await tutor()).answer("làm lại thẻ căn cước bị mất thì cần giấy tờ gì");
    expect(answer).toMatchObject({ refused: true, reason: "referral", sources: [] });
    expect(answer.text).toContain("Công an phường");
  });

  it("names the office that handles the procedure, chosen by the words that matter", async () => {
    const t = await tutor();
    const residence = await t.answer("đăng ký tạm trú cho người thuê trọ cần những gì");
    expect(residence).toMatchObject({ refused: true, reason: "referral" });
    expect(residence.text).toContain("Công an phường");
    const marriage = await t.answer("hai đứa muốn đăng ký kết hôn thì cần mang giấy tờ gì");
    expect(marriage).toMatchObject({ refused: true, reason: "referral" });
    expect(marriage.text).toContain("Trung tâm Phục vụ hành chính công phường");
  });

  it("sends symptoms and medicine questions to a doctor or 115", async () => {
    for (const q of ["tôi bị đau đầu uống thuốc gì", "con toi sot 39 do phai lam sao"]) {
      const answer = await (await tutor()).answer(q);
      expect(answer, q).toMatchObject({ refused: true, reason: "medical" });
      expect(answer.text).toContain("115");
    }
  });

  it("tells a resident who asks whether to trust an app's medical advice to see a doctor, then gives the lesson", async () => {
    const t = await tutor();
    for (const q of [
      "bà bị nhức đầu mấy hôm nay, thằng cháu bảo gõ hỏi cái AI xem bà bị bệnh gì, uống thuốc gì, nên không",
      "ba hoi cai ung dung tro chuyen thi no bao benh gi voi uong thuoc gi, ba mua theo co duoc khong",
    ]) {
      const answer = await t.answer(q);
      expect(answer.refused, q).toBe(false);
      expect(answer.parts?.warning, q).toContain("115");
      expect(answer.text.indexOf("115"), q).toBeLessThan(answer.text.indexOf("Xem bài"));
      expect(["tri-tue-nhan-tao", "y-te-so"], q).toContain(answer.sources[0]?.module);
    }
    // "hỏi ai" (whom to ask) is not an app: still a doctor's matter only.
    const whom = await t.answer("tôi bị đau đầu uống thuốc gì, hỏi ai bây giờ");
    expect(whom).toMatchObject({ refused: true, reason: "medical" });
  });

  it("answers a long story whose illness is not what it asks, after the doctor's advice", async () => {
    const answer = await (await tutor()).answer(
      "Con tôi bị sốt xuất huyết nằm viện mấy hôm, em gái tôi ở quê lên ở nhà tôi một tuần để trông cháu giúp. " +
        "Sáng nay bác tổ trưởng đi qua nhắc nhà có người ở lại qua đêm thì phải báo công an. Tôi sáng vào viện, " +
        "chiều đi làm, không có thời gian lên phường. Có cách nào báo mà không phải đi không?",
    );
    expect(answer.refused).toBe(false);
    expect(answer.sources[0]?.lesson).toBe("vneid/tien-ich");
    expect(answer.parts?.warning).toContain("115");
    expect(answer.text.indexOf("115")).toBeLessThan(answer.text.indexOf("VNeID"));
  });

  it("never sends a money matter to a doctor because it is worded like a symptom, and keeps symptoms there", async () => {
    const t = await tutor();
    for (const q of ["bị trừ tiền không rõ lý do", "bi tru tien trong tai khoan khong ro ly do"]) {
      const answer = await t.answer(q);
      expect(answer.text, q).not.toContain("115");
      expect(answer.text, q).not.toContain("bác sĩ");
    }
    const heart = await t.answer("tim đập nhanh, hồi hộp không rõ lý do");
    expect(heart).toMatchObject({ refused: true, reason: "medical" });
  });

  it("still answers how to use digital health tools", async () => {
    const answer = await (await tutor()).answer("cách xem sổ sức khỏe điện tử trên vneid");
    expect(answer.refused).toBe(false);
    expect(answer.sources[0]?.module).toBe("y-te-so");
  });

  it("says plainly it does not understand gibberish, without guessing a topic", async () => {
    const answer = await (await tutor()).answer("xqzv blorf wumple trazz");
    expect(answer).toMatchObject({ refused: true, reason: "low-confidence" });
  });

  it("asks back with the top lessons in order when unsure, and never refuses then", async () => {
    const answer = await (await tutor(always("clarify"))).answer("cách kích hoạt tài khoản VNeID");
    expect(answer).toMatchObject({ refused: false, clarify: true });
    expect(answer.sources.length).toBeGreaterThanOrEqual(2);
    expect(answer.sources.length).toBeLessThanOrEqual(3);
    expect(answer.text).toMatch(/^Mình chưa chắc bạn hỏi việc nào\. Ý bạn là:\n1\. /);
    expect(answer.text).toContain(`1. ${answer.sources[0]?.title}`);
  });

  it("follows the fitted decision: a model that declines everything declines", async () => {
    const answer = await (await tutor(always("refuse"))).answer("cách kích hoạt tài khoản VNeID");
    expect(answer.refused).toBe(true);
  });

  it("explains a section chosen after a question back", async () => {
    const answer = await (await tutor()).explain("vneid/su-co-thuong-gap", 1);
    expect(answer?.sources[0]?.lesson).toBe("vneid/su-co-thuong-gap");
    expect(answer?.context).toEqual({ lesson: "vneid/su-co-thuong-gap", section: 1 });
  });

  it("warns the learner who sends personal data, and does not echo it", async () => {
    const answer = await (await tutor()).answer("số cccd của tôi 001234567890, kích hoạt vneid thế nào");
    expect(answer.text).toContain("đừng gửi số căn cước");
    expect(answer.text).not.toContain("001234567890");
    expect(answer.parts?.warning).toContain("đừng gửi số căn cước");
  });

  it("answers 'bước 3', then 'bước tiếp theo', from the last answered lesson", async () => {
    const t = await tutor();
    const first = await t.answer("cách kích hoạt vneid");
    expect(first.context?.lesson).toBe("vneid/kich-hoat");
    const third = await t.answer("bước 3 là sao?", first.context);
    expect(third.text).toMatch(/^Bước 3: Nhập số định danh/);
    expect(third.context?.step).toBe(3);
    const fourth = await t.answer("thế còn bước tiếp theo", third.context);
    expect(fourth.text).toMatch(/^Bước 4: /);
  });

  it("says how many steps there are when asked for one that doesn't exist", async () => {
    const t = await tutor();
    const first = await t.answer("cách kích hoạt vneid");
    const answer = await t.answer("bước 30", first.context);
    expect(answer.text).toMatch(/không có bước 30/);
  });

  it("gives another section of the same lesson for 'còn cách nào khác'", async () => {
    const t = await tutor();
    const first = await t.answer("tôi quên mật khẩu vneid thì phải làm sao");
    const other = await t.answer("còn cách nào khác không?", first.context);
    expect(other.sources[0]?.lesson).toBe(first.context?.lesson);
    expect(other.context?.section).not.toBe(first.context?.section);
  });

  it("loads the committed decision model, fitted on the dev split", () => {
    const model = loadDecisionModel();
    expect(model.fitted.split).toBe("dev");
    expect(model.scope.weights).toHaveLength(FEATURE_NAMES.length);
    expect(model.confidence.weights).toHaveLength(FEATURE_NAMES.length);
  });
});
