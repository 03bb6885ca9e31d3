import { describe, expect, it } from "vitest";
import { FloodGuard } from "../../src/shared/flood-guard.ts";

describe("flood guard", () => {
  it("lets 20 messages a minute through, asks once to slow down, then drops until the window frees", () => {
    let t = 0;
    const guard = new FloodGuard(20, 60_000, () => t);
    const verdicts = Array.from({ length: 23 }, () => {
      t += 100;
      return guard.check("tg:1");
    });
    expect(verdicts.slice(0, 20).every((v) => v === "ok")).toBe(true);
    expect(verdicts.slice(20)).toEqual(["slow-down", "drop", "drop"]);
    expect(guard.check("tg:2")).toBe("ok");
    t += 60_000;
    expect(guard.check("tg:1")).toBe("ok");
  });

  it("forgets quiet senders so memory stays bounded", () => {
    let t = 0;
    const guard = new FloodGuard(5, 1000, () => t, 100);
    for (let i = 0; i < 1000; i++) {
      t += 50;
      guard.check(`ip-${i}`);
    }
    expect((guard as unknown as { recent: Map<string, number[]> }).recent.size).toBeLessThanOrEqual(101);
  });
});
