import { describe, expect, it } from "vitest";
import { clearCounts, readStoredCounts } from "../../../src/learning/aggregate-counts.ts";
import { Certificates } from "../../../src/learning/certificates.ts";
import { clearMemberships, readMemberships } from "../../../src/learning/learner-aggregates.ts";
import { LearnerStore } from "../../../src/learning/learner-store.ts";
import { ProgressStore } from "../../../src/learning/progress-store.ts";
import { Classes } from "../../../src/organizer/classes.ts";
import { aggregatesKeeper } from "../../../src/organizer/reports/erased-facts.ts";
import { rebuildAggregates } from "../../../src/organizer/reports/rebuild-aggregates.ts";
import { createReports } from "../../../src/organizer/reports/reports.ts";
import type { Store } from "../../../src/storage/store.ts";
import { tempStore } from "../../helpers/core.ts";
import { useTestRedis } from "../../helpers/redis.ts";
import { testWard } from "../../helpers/ward.ts";
import { NOW, PERIOD, seedWard } from "./seed-ward.ts";

/**
 * The counts and membership sets as they stand, read through their owners: zero fields and empty sets left
 * out, members sorted, and only the cells and months that hold a count (a learner passing through a cell
 * while onboarding leaves it listed, empty, which reads as zeros).
 */
async function countsAndMembers(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const cells = new Set<string>();
  const months = new Set<string>();
  const stored = await readStoredCounts(store);
  for (const { cell, month, fields } of stored.counts) {
    const nonZero = Object.entries(fields).filter(([, n]) => n !== 0);
    if (!nonZero.length) continue;
    out[`counts ${cell} ${month}`] = Object.fromEntries(nonZero.sort());
    cells.add(cell);
    if (month !== "all") months.add(month);
  }
  expect(stored.cells.sort()).toEqual(expect.arrayContaining([...cells]));
  expect(stored.months.sort()).toEqual(expect.arrayContaining([...months]));
  const { byTo, byGroup } = await readMemberships(store);
  for (const [to, members] of Object.entries(byTo)) if (members.length) out[`to ${to}`] = members.sort();
  for (const [group, members] of Object.entries(byGroup))
    if (members.length) out[`group ${group}`] = members.sort();
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** Erases a person the way /xoadulieu does for the parts that touch reports. */
async function erase(store: Store, id: string): Promise<void> {
  await aggregatesKeeper(store).erase(id, [id]);
  await new LearnerStore(store).erase(id);
  await new ProgressStore(store).erase(id);
  await new Classes(store).erase([id]);
  await new Certificates(store, "seed-secret-0123456789abcdef").erase(id);
}

/** The seeded ward, then moves between tổ and groups, a late read and pass, a declined consent, erasures. */
async function scriptedWard(store: Store): Promise<void> {
  await seedWard(store);
  const learners = new LearnerStore(store);
  const progress = new ProgressStore(store);
  await learners.setTo("tg:a0", "Tổ 3"); // moves with its reads, passes, certificate and check-in
  await learners.setMode("tg:a0", true);
  await learners.setTo("tg:a6", undefined); // no tổ any more
  await learners.setMode("tg:a6", false);
  await learners.setGroup("zl:b1", "lao-dong");
  await learners.setMode("zl:b1", false);
  await learners.markSeen("tg:d0", "2026-05-02");
  await progress.markRead("tg:d1", "vneid/bai-1", new Date("2026-05-03T02:00:00Z"));
  await progress.recordQuiz("tg:d1", "tri-tue-nhan-tao", 1, true, new Date("2026-05-04T02:00:00Z"));
  await learners.declineConsent("tg:e1", new Date("2026-05-05T02:00:00Z"));
  await erase(store, "tg:a1"); // certified, checked in at the Tổ 1 class
  await erase(store, "web:c0"); // certified, checked in at the ward class
  await erase(store, "tg:i0");
}

function rebuildSuite(name: string, open: () => Promise<Store | null>) {
  describe(`rebuilding the report counts (${name})`, () => {
    it("recomputes from the stored facts exactly what was kept as the facts changed", async (ctx) => {
      const store = await open();
      if (!store) return ctx.skip();
      await scriptedWard(store);
      const maintained = await countsAndMembers(store);
      const reports = createReports(store, testWard);
      const before = await reports.produce(PERIOD, { ward: true }, NOW);
      expect(maintained["to Tổ 3"]).toContain("tg:a0");
      expect(maintained["to Tổ 1"]).not.toContain("tg:a1");
      expect(maintained["group lao-dong"]).toContain("zl:b1");

      const result = await rebuildAggregates(store);

      expect(await countsAndMembers(store)).toEqual(maintained);
      expect(result).toMatchObject({ erased: 3, checkins: 2 }); // tg:a1 and web:c0 had checked in
      const after = await reports.produce(PERIOD, { ward: true }, NOW);
      expect(after.raw).toEqual({ ...before.raw, generatedAt: after.raw.generatedAt });
    });

    it("rebuilds the counts and membership sets of a store that never had them", async (ctx) => {
      const store = await open();
      if (!store) return ctx.skip();
      await scriptedWard(store);
      const maintained = await countsAndMembers(store);
      await clearCounts(store);
      await clearMemberships(store);
      expect(await countsAndMembers(store)).toEqual({});

      await rebuildAggregates(store);

      expect(await countsAndMembers(store)).toEqual(maintained);
    });
  });
}

rebuildSuite("embedded", tempStore);
const redis = useTestRedis();
rebuildSuite("Redis", async () => {
  const store = redis();
  if (store) for (const key of await store.keys("")) await store.del(key);
  return store;
});
