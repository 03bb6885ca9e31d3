import { describe, expect, it } from "vitest";
import { renderForTerminal, resolveNumberedChoice } from "../../../src/channels/cli/render.ts";

const options = [
  { label: "Đồng ý", action: "v1:consent:yes" },
  { label: "Không đồng ý", action: "v1:consent:no" },
];

describe("terminal chat rendering", () => {
  it("numbers the options of the last reply and strips emphasis marks", () => {
    const { text } = renderForTerminal([{ text: "*Chào* bạn" }, { text: "Đồng ý không?", options }]);
    expect(text).toBe("Chào bạn\n\nĐồng ý không?\n  1) Đồng ý\n  2) Không đồng ý");
  });

  it("maps a typed number to its option and anything else to nothing", () => {
    expect(resolveNumberedChoice("2", options)).toBe("v1:consent:no");
    expect(resolveNumberedChoice(" 1. ", options)).toBe("v1:consent:yes");
    expect(resolveNumberedChoice("3", options)).toBeNull();
    expect(resolveNumberedChoice("2 con mèo", options)).toBeNull();
  });
});
