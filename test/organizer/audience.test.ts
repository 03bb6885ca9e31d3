import { describe, expect, it } from "vitest";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { AUDIENCE_BATCH, audiencePages, resolveAudience } from "../../src/organizer/audience.ts";
import type { Store } from "../../src/storage/store.ts";
import { tempStore } from "../helpers/core.ts";
import { seedLearners, testOrganizer } from "./helpers.ts";

const notCertified = { isCertified: async () => false };

/** The store, with a count of every key it was asked to read. */
function countingReads(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const counted = new Set([
    "get",
    "hget",
    "hgetall",
    "smembers",
    "sismember",
    "sscan",
    "zrangeByScore",
    "lrange",
  ]);
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (counted.has(String(name))) reads++;
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, reads: () => reads };
}

describe("audiences", () => {
  it("reads only the members of the audience's tổ, however many learners the ward has", async () => {
    const store = await tempStore();
    await seedLearners(store, 3000, { to: "Tổ 1" });
    const few = await seedLearners(store, 4, { to: "Tổ 2", prefix: "t2-" });
    const { store: counting, reads } = countingReads(store);

    expect(await resolveAudience({ store: counting, ...notCertified }, { tos: ["Tổ 2"] })).toEqual(
      few.sort(),
    );
    expect(reads()).toBeLessThan(10);
  });

  it("hands a large audience over in pages, never all ids at once, each person once", async () => {
    const store = await tempStore();
    const people = await seedLearners(store, 2500, { to: "Tổ 3" });
    const pages: number[] = [];
    const seen = new Set<string>();
    for await (const page of audiencePages({ store, ...notCertified }, { tos: ["Tổ 3"] })) {
      pages.push(page.length);
      for (const id of page) seen.add(id);
    }
    expect(Math.max(...pages)).toBeLessThanOrEqual(AUDIENCE_BATCH);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(seen.size).toBe(people.length);
  });

  it("queues an audience straight into the outbox with its count and reach, and queues nothing for nobody", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const people = await seedLearners(store, 1200, { group: "hoc-sinh" });
    const input = {
      kind: "notice" as const,
      text: "Họp tổ",
      audienceLabel: "học sinh",
      createdBy: "tg:admin",
      sendAt: new Date("2026-06-01T02:00:00Z"),
      urgent: false,
    };
    const now = new Date("2026-06-01T02:00:00Z");

    const queued = await org.queue({ group: "hoc-sinh" }, input, now);

    expect(queued.recipients).toBe(people.length);
    expect(queued.reach.reachable).toBe(people.length);
    expect(await org.preview({ group: "hoc-sinh" })).toEqual({ recipients: 1200, reach: queued.reach });
    const states = await org.outbox.states(queued.id ?? "");
    expect(Object.keys(states).sort()).toEqual([...people].sort());
    expect((await org.outbox.get(queued.id ?? ""))?.status).toBe("scheduled");
    expect((await org.queue({ group: "can-bo" }, input, now)).id).toBeNull();
  });

  it("follows a learner who moves to another tổ, and forgets one who erased their data", async () => {
    const store = await tempStore();
    const learners = new LearnerStore(store);
    const [mover, leaver] = await seedLearners(store, 2, { to: "Tổ 4" });
    await learners.setTo(mover as string, "Tổ 5");
    await learners.setMode(mover as string, true);
    await learners.erase(leaver as string);

    expect(await resolveAudience({ store, ...notCertified }, { tos: ["Tổ 4"] })).toEqual([]);
    expect(await resolveAudience({ store, ...notCertified }, { tos: ["Tổ 5"] })).toEqual([mover]);
    expect(await resolveAudience({ store, ...notCertified }, {})).toEqual([mover]);
  });
});
