import { describe, expect, it } from "vitest";
import { AppError, errorCode } from "../../src/shared/app-error.ts";

describe("the code of a thrown value, for logs", () => {
  it("is the value's code, else its class name, else the fallback — never its message", () => {
    expect(errorCode(new AppError("store-closed", "Redis 10.0.0.5 refused"))).toBe("store-closed");
    expect(errorCode(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(
      "ECONNREFUSED",
    );
    expect(errorCode(new TypeError("số điện thoại 0912345678 sai"))).toBe("TypeError");
    expect(errorCode({ code: 42 })).toBe("unknown");
    expect(errorCode(null)).toBe("unknown");
    expect(errorCode("a thrown string", "llm-error")).toBe("llm-error");
  });
});
