import { describe, expect, it } from "vitest";
import { typedChoice, typedChoiceIndex } from "../../src/messaging/choice.ts";

const four = ["v1:a", "v1:b", "v1:c", "v1:d"].map((action, i) => ({ label: `L${i + 1}`, action }));

describe("typed picks among options, read the same on every channel", () => {
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
    expect(typedChoice(text, four)).toBe(action);
  });

  it("treats a number out of range, another letter or a sentence as text", () => {
    for (const text of ["0", "5", "12", "e", "đ", "à", "1 2", "có", "tôi chọn 2 vì", "", "2 3"])
      expect(typedChoice(text, four), text).toBeNull();
  });

  it("maps nothing when no options are remembered", () => {
    expect(typedChoice("1", [])).toBeNull();
  });
});

describe("the place of a typed pick", () => {
  it("is 0-based and bounded by the number of options", () => {
    expect(typedChoiceIndex("1", 2)).toBe(0);
    expect(typedChoiceIndex("B.", 2)).toBe(1);
    expect(typedChoiceIndex("3", 2)).toBeNull();
    expect(typedChoiceIndex("a", 0)).toBeNull();
  });
});
