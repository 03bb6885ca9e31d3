import { describe, expect, it } from "vitest";
import { isMedical, onlyLooksMedical } from "../../src/tutor/medical.ts";

describe("a declined message that only looks medical", () => {
  it("is a money or order matter that names nothing of health", () => {
    expect(onlyLooksMedical("bị trừ tiền không rõ lý do")).toBe(true);
    expect(onlyLooksMedical("bi tru tien trong tai khoan khong ro ly do")).toBe(true);
  });

  it("keeps the doctor's advice for anything that might name health, money words or not", () => {
    expect(onlyLooksMedical("tim đập nhanh, hồi hộp không rõ lý do")).toBe(false);
    expect(onlyLooksMedical("mẹ bầu bị tiền sản giật không rõ lý do")).toBe(false);
    expect(onlyLooksMedical("con bị béo phì, mất tiền khám mãi không rõ lý do")).toBe(false);
    expect(onlyLooksMedical("bị đau bụng sau khi chuyển tiền")).toBe(false);
  });
});

describe("asking whether something happened to you", () => {
  it("is a self-diagnosis when it may be an illness", () => {
    expect(isMedical("dạo này hay đau đầu, có phải bị bệnh gì không")).toBe(true);
    expect(isMedical("tê bì chân tay, khát nước suốt, có phải bị làm sao không")).toBe(true);
  });

  it("is no doctor's matter when it is a trick, a hacked or blocked account, or the word is 'biết'", () => {
    for (const text of [
      "tôi chuyển tiền cho shop rồi mà không thấy hàng, có phải bị lừa không",
      "chuyển 15 triệu thì app bắt quét mặt, có phải bị hack không hay quy định mới",
      "co phai bi khoa tai khoan ko",
      "máy cứ tự mở quảng cáo có phải bị virus không",
      "trên mạng nhiều app quá, tôi có phải biết dùng hết không",
    ])
      expect(isMedical(text), text).toBe(false);
  });
});
