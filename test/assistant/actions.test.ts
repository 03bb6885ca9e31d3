import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Action, act, decodeAction, encodeAction } from "../../src/assistant/actions.ts";

describe("action codec", () => {
  it("round-trips every kind of action", () => {
    const actions: Action[] = [
      { kind: "consent", arg: "yes" },
      { kind: "group", arg: "hoc-sinh" },
      { kind: "to-skip" },
      { kind: "menu" },
      { kind: "module", arg: "thuong-mai-dien-tu" },
      { kind: "lesson", arg: "thuong-mai-dien-tu/anh-mo-ta-san-pham" },
    ];
    for (const action of actions) expect(decodeAction(encodeAction(action))).toEqual(action);
  });

  it("keeps every encoded action within Telegram's 64-byte callback limit", () => {
    expect(Buffer.byteLength(act("lesson", "thuong-mai-dien-tu/anh-mo-ta-san-pham"))).toBeLessThanOrEqual(64);
  });

  it("never throws and never accepts arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (raw) => {
        const decoded = decodeAction(raw);
        if (decoded !== null) expect(encodeAction(decoded)).toBe(raw);
      }),
    );
  });
});
