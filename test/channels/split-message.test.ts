import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitMessage } from "../../src/channels/split-message.ts";

describe("splitMessage", () => {
  it("keeps a short message whole", () => {
    expect(splitMessage("Xin chào", 4096)).toEqual(["Xin chào"]);
  });

  it("splits on paragraph boundaries before line breaks or spaces", () => {
    const a = "Đoạn một ".repeat(10).trim();
    const b = "Đoạn hai ".repeat(10).trim();
    expect(splitMessage(`${a}\n\n${b}`, a.length + 5)).toEqual([a, b]);
  });

  it("falls back to a space when a paragraph is longer than the limit", () => {
    expect(splitMessage("một hai ba bốn", 8)).toEqual(["một hai", "ba bốn"]);
  });

  it("cuts a word longer than the limit", () => {
    expect(splitMessage("a".repeat(10), 4)).toEqual(["aaaa", "aaaa", "aa"]);
  });

  it("never splits an emoji's surrogate pair", () => {
    const parts = splitMessage("a😀b", 2);
    expect(parts.join("")).toBe("a😀b");
    for (const part of parts) expect(part).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
  });

  it("gives parts within the limit that keep every non-space character in order", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 50 }), (text, max) => {
        const parts = splitMessage(text, max);
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(max);
          expect(part.length).toBeGreaterThan(0);
        }
        expect(parts.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }),
    );
  });
});
