import { describe, expect, it } from "vitest";
import { redactPersonalData } from "../../src/tutor/redact.ts";

describe("personal data redaction", () => {
  it("replaces a 12-digit ID number", () => {
    expect(redactPersonalData("số cccd của tôi là 001234567890 nhé")).toEqual({
      text: "số cccd của tôi là [số định danh] nhé",
      found: ["id-number"],
    });
  });

  it("replaces phone numbers written in several ways", () => {
    for (const phone of ["0912345678", "0912 345 678", "+84912345678", "091.234.5678"]) {
      const { text, found } = redactPersonalData(`gọi cho tôi ${phone}`);
      expect(text).toBe("gọi cho tôi [số điện thoại]");
      expect(found).toEqual(["phone"]);
    }
  });

  it("replaces OTP-like codes and bank account numbers", () => {
    expect(redactPersonalData("mã OTP là 482913").text).toBe("[mã OTP]");
    expect(redactPersonalData("stk 1903 5555 1234 thì sao").text).toBe("[số tài khoản] thì sao");
  });

  it("leaves ordinary numbers alone", () => {
    const text = "chuyển trên 10 triệu cần sinh trắc học, mật khẩu 8 đến 20 ký tự, từ năm 2025";
    expect(redactPersonalData(text)).toEqual({ text, found: [] });
  });
});
