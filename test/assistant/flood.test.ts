import { describe, expect, it } from "vitest";
import { createAssistant } from "../../src/assistant/assistant.ts";
import { createExtractiveTutor } from "../../src/tutor/extractive-tutor.ts";
import { onboard, silentLogger, tempStore, testCurriculum, testIndex } from "../helpers/core.ts";

describe("flood control per learner", () => {
  it("answers 20 typed messages a minute, then asks politely once to slow down, then stays quiet", async () => {
    let t = Date.parse("2026-11-26T03:00:00Z");
    const assistant = createAssistant({
      store: await tempStore(),
      curriculum: await testCurriculum(),
      tutor: createExtractiveTutor({ index: await testIndex() }),
      wardName: "phường Thử",
      logger: silentLogger,
      floodPerMinute: 20,
      now: () => new Date(t),
    });
    await onboard(assistant, "u1");
    t += 61_000;
    const replies = [];
    for (let i = 0; i < 23; i++)
      replies.push(await assistant.handle({ channel: "web", userId: "u1", text: "cài vneid" }));
    expect(replies.slice(0, 20).every((r) => r.length > 0 && !r[0]?.text.includes("gửi nhanh quá"))).toBe(
      true,
    );
    expect(replies[20]?.map((r) => r.text)).toEqual([expect.stringContaining("Bạn gửi nhanh quá")]);
    expect(replies[21]).toEqual([]);
    // Another learner is not affected; button taps are not counted.
    expect(
      (await assistant.handle({ channel: "web", userId: "u2", text: "xin chào" })).length,
    ).toBeGreaterThan(0);
    expect(
      (await assistant.handle({ channel: "web", userId: "u1", action: "v1:menu" })).length,
    ).toBeGreaterThan(0);
    t += 60_000;
    expect(
      (await assistant.handle({ channel: "web", userId: "u1", text: "cài vneid" }))[0]?.text,
    ).not.toContain("gửi nhanh quá");
  });
});
