import { describe, expect, it } from "vitest";
import { renderForTerminal } from "../../../src/channels/cli/render.ts";
import { typedChoice } from "../../../src/messaging/choice.ts";

const options = [
  { label: "Đồng ý", action: "v1:consent:yes" },
  { label: "Không đồng ý", action: "v1:consent:no" },
];

describe("terminal chat rendering", () => {
  it("numbers the options of the last reply and strips emphasis marks", () => {
    const { text } = renderForTerminal([{ text: "*Chào* bạn" }, { text: "Đồng ý không?", options }]);
    expect(text).toBe(
      "Chào bạn\n\nĐồng ý không?\n  1) Đồng ý\n  2) Không đồng ý\n(Gõ số từ 1 đến 2 rồi nhấn Enter để chọn.)",
    );
  });

  it("does not list quiz answers twice (the question letters them) and says to type a letter or a number", () => {
    const question = {
      text: "Câu 1/10\nHỏi gì?\nA. Một\nB. Hai",
      options: [
        { label: "A", action: "v1:ans:abcdef.0.0", full: "A. Một" },
        { label: "B", action: "v1:ans:abcdef.0.1", full: "B. Hai" },
      ],
    };
    const { text, options } = renderForTerminal([question]);
    expect(text).toBe(
      "Câu 1/10\nHỏi gì?\nA. Một\nB. Hai\n(Gõ chữ A hoặc B, hoặc số 1 đến 2, rồi nhấn Enter.)",
    );
    expect(typedChoice("2", options)).toBe("v1:ans:abcdef.0.1");
  });

  it("writes a reply's link out in full", () => {
    const { text } = renderForTerminal([
      {
        text: "Chứng nhận",
        link: { label: "Xem, in chứng nhận", url: "https://hocvuso.test/chung-nhan/HVS-1?k=2" },
      },
    ]);
    expect(text).toBe("Chứng nhận\nXem, in chứng nhận: https://hocvuso.test/chung-nhan/HVS-1?k=2");
  });

  it("maps a typed number to its option and anything else to nothing", () => {
    expect(typedChoice("2", options)).toBe("v1:consent:no");
    expect(typedChoice(" 1. ", options)).toBe("v1:consent:yes");
    expect(typedChoice("3", options)).toBeNull();
    expect(typedChoice("2 con mèo", options)).toBeNull();
  });
});
