import { describe, expect, it } from "vitest";
import { asksForSteps } from "../../src/tutor/how-to-steps.ts";

describe("how-to steps", () => {
  it("hears a request for the procedure itself in 'cách', 'hướng dẫn', 'bấm vào đâu', not in a bare 'thế nào'", () => {
    expect(asksForSteps("cách kích hoạt vneid")).toBe(true);
    expect(asksForSteps("huong dan em dang ky voi")).toBe(true);
    expect(asksForSteps("bam vao dau de doi mat khau")).toBe(true);
    expect(asksForSteps("Tôi phải dặn con thế nào?")).toBe(false);
    expect(asksForSteps("chân yếu không ra trụ sở được, có cách nào khác không")).toBe(false);
  });

  it("hears 'I don't know how to' as a request for the steps, in any spelling, but not 'không biết có nên'", () => {
    expect(asksForSteps("ko bít chuyển tiền qua đt")).toBe(true);
    expect(asksForSteps("bà không biết cài zalo")).toBe(true);
    expect(asksForSteps("khong biet co nen bam vao link khong")).toBe(false);
  });
});
