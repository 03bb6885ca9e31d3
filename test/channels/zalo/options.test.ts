import { describe, expect, it } from "vitest";
import { resolveChoice } from "../../../src/channels/zalo/options.ts";
import { optionHint, renderReplies } from "../../../src/channels/zalo/render.ts";

const four = ["v1:a", "v1:b", "v1:c", "v1:d"].map((action, i) => ({ label: `L${i + 1}`, action }));

describe("typed answers to numbered options", () => {
  it.each([
    ["1", "v1:a"],
    ["2.", "v1:b"],
    [" 3 ", "v1:c"],
    ["4)", "v1:d"],
    ["b", "v1:b"],
    ["C", "v1:c"],
    ["đáp án 3", "v1:c"],
    ["Đáp án: 2", "v1:b"],
    ["dap an c", "v1:c"],
    ["câu 2", "v1:b"],
    ["Chọn 2", "v1:b"],
    ["số 4", "v1:d"],
    ["chon d", "v1:d"],
  ])("%j → %s", (text, action) => {
    expect(resolveChoice(text, four)).toBe(action);
  });

  it("treats a number out of range, another letter or a sentence as text", () => {
    for (const text of ["0", "5", "12", "e", "đ", "à", "1 2", "có", "tôi chọn 2 vì", "", "2 3"])
      expect(resolveChoice(text, four), text).toBeNull();
  });

  it("maps nothing when no options are remembered", () => {
    expect(resolveChoice("1", [])).toBeNull();
  });
});

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
