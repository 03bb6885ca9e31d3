import { describe, expect, it } from "vitest";
import { Pacer } from "../../src/organizer/paced-sender.ts";

/** A pacer on a virtual clock: sleeping advances time instantly. */
function virtualPacer(ratePerSecond: number, chatSpacingMs: number) {
  let clock = 0;
  const pacer = new Pacer({
    ratePerSecond,
    chatSpacingMs,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  });
  return { pacer, now: () => clock };
}

describe("paced sender", () => {
  it("catches up a slot missed by a stalled worker, but any second still holds at most 25 + 1 sends", async () => {
    let t = 0;
    const pacer = new Pacer({
      ratePerSecond: 25,
      chatSpacingMs: 0,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    });
    const sent: number[] = [];
    for (let i = 0; i < 200; i++) {
      if (i % 10 === 0) t += 300; // the worker stalls now and then (a slow disk)
      await pacer.acquire(`chat-${i}`);
      sent.push(t);
    }
    // Right after a stall, one missed slot goes at once together with the current one.
    expect(sent[11]).toBe(sent[10]);
    for (const start of sent)
      expect(sent.filter((at) => at >= start && at < start + 1000).length).toBeLessThanOrEqual(26);
  });

  it("spaces sends at the global rate", async () => {
    const { pacer, now } = virtualPacer(25, 1000);
    const times: number[] = [];
    for (const chat of ["a", "b", "c", "d"]) {
      await pacer.acquire(chat);
      times.push(now());
    }
    expect(times).toEqual([0, 40, 80, 120]);
  });

  it("keeps a chat's own spacing without holding every other chat back", async () => {
    const waits: number[] = [];
    const pacer = new Pacer({
      ratePerSecond: 25,
      chatSpacingMs: 1000,
      now: () => 0, // a frozen clock: each acquire reports how long it would wait
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await pacer.acquire("a");
    await pacer.acquire("a"); // the same chat again: its 1 s spacing
    await pacer.acquire("b"); // another chat: only the global rate
    expect(waits).toEqual([1000, 80]);
  });

  it("holds everyone back after a 429 for its retry_after", async () => {
    const { pacer, now } = virtualPacer(25, 0);
    await pacer.acquire("a");
    pacer.pause(2000);
    await pacer.acquire("b");
    expect(now()).toBeGreaterThanOrEqual(2000);
  });
});
