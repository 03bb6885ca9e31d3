import { describe, expect, it } from "vitest";
import { optionHint } from "../../../src/catalog/zalo.ts";
import { renderReplies } from "../../../src/channels/zalo/render.ts";

describe("numbered rendering", () => {
  it("reads naturally for each number of options", () => {
    expect(optionHint(1)).toBe("Trả lời 1 để chọn.");
    expect(optionHint(2)).toBe("Trả lời 1 hoặc 2.");
    expect(optionHint(3)).toBe("Trả lời 1, 2 hoặc 3.");
    expect(optionHint(4)).toBe("Trả lời 1, 2, 3 hoặc 4.");
    expect(optionHint(13)).toBe("Trả lời bằng số từ 1 đến 13.");
  });

  it("numbers options after the text, without doubling numbers already in labels", () => {
    const { texts, options } = renderReplies([
      { text: "Xin chào" },
      {
        text: "Chọn *một* chủ đề:",
        options: [
          { label: "1. Điện thoại", action: "v1:x" },
          { label: "An toàn", action: "v1:y" },
        ],
      },
    ]);
    expect(texts).toEqual(["Xin chào", "Chọn một chủ đề:\n\n1. Điện thoại\n2. An toàn\n\nTrả lời 1 hoặc 2."]);
    expect(options.map((o) => o.action)).toEqual(["v1:x", "v1:y"]);
  });
});
