import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/storage/redis/redis-store.ts";
import { cleanTestRedis, connectTestRedis, REDIS_URL } from "../helpers/redis.ts";
import { fakeClock, recordingSender, seedLearners, testOrganizer, testRuntime } from "./helpers.ts";

let first: RedisStore | null = null;
let second: RedisStore | null = null;
beforeAll(async () => {
  first = await connectTestRedis(); // skips with a visible notice without Redis, fails when REQUIRE_REDIS=1
  if (first) {
    const prefix = `test:two-senders-${Date.now()}:`;
    await first.close();
    first = await RedisStore.connect({ url: REDIS_URL, prefix, commandTimeoutMs: 2000 });
    second = await RedisStore.connect({ url: REDIS_URL, prefix, commandTimeoutMs: 2000 });
  }
});
afterAll(async () => {
  if (second) await second.close();
  if (first) await cleanTestRedis(first);
});

describe("two sender instances on one Redis", () => {
  it("send each recipient a broadcast exactly once (one instance holds the lease)", async ({ skip }) => {
    if (!first || !second) return skip();
    const clock = fakeClock("2026-12-01T02:00:00Z");
    const people = await seedLearners(first, 300);
    const shared = recordingSender();
    const sentBy = { a: 0, b: 0 };
    const senderFor = (who: "a" | "b") => ({
      async send(userId: string, replies: { text: string }[]) {
        sentBy[who]++;
        return shared.sender.send(userId, replies);
      },
    });
    const orgA = testOrganizer(first);
    const orgB = testOrganizer(second);
    const { id } = await orgA.outbox.create(
      {
        kind: "notice",
        text: "Họp tổ",
        audienceLabel: "cả phường",
        createdBy: "system",
        sendAt: clock.now(),
        urgent: false,
      },
      people,
      clock.now(),
    );
    const a = testRuntime(orgA, { telegram: senderFor("a") }, clock, {
      ratePerSecond: 1000,
      chatSpacingMs: 0,
    });
    const b = testRuntime(orgB, { telegram: senderFor("b") }, clock, {
      ratePerSecond: 1000,
      chatSpacingMs: 0,
    });
    for (let round = 0; round < 3; round++) await Promise.all([a.runOnce(), b.runOnce()]);
    const counts = shared.counts();
    expect(counts.size).toBe(300);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(sentBy.a === 0 || sentBy.b === 0).toBe(true); // exactly one instance sent it
    expect(await orgB.outbox.counts(id)).toMatchObject({ sent: 300, ambiguous: 0, pending: 0 });
  });
});
