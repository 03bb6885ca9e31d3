import { describe, expect, it } from "vitest";
import { onlyLooksMedical } from "../../src/tutor/medical.ts";

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
