import { describe, expect, it } from "vitest";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { createRetention } from "../../src/learning/retention.ts";
import { AuditLog } from "../../src/organizer/audit.ts";
import { createReports } from "../../src/organizer/reports/reports.ts";
import { Roles } from "../../src/organizer/roles.ts";
import type { Store } from "../../src/storage/store.ts";
import { onboard, silentLogger, tempStore, testAssistant } from "../helpers/core.ts";
import { testWard } from "../helpers/ward.ts";
import { NOW, PERIOD, seedWard } from "../organizer/reports/seed-ward.ts";

/** Every key and value in the store that mentions the text. */
async function mentions(store: Store, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const key of await store.keys("")) {
    if (key.includes(text)) found.push(key);
    const values = await Promise.all([
      store.get(key).catch(() => null),
      store
        .hgetall(key)
        .then(JSON.stringify)
        .catch(() => ""),
      store
        .smembers(key)
        .then(JSON.stringify)
        .catch(() => ""),
      store
        .lrange(key, 0, -1)
        .then(JSON.stringify)
        .catch(() => ""),
    ]);
    if (values.some((v) => v?.includes(text))) found.push(key);
  }
  return found;
}

/** The consenting learners' ids, sorted, as the learner store lists them. */
async function consenting(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for await (const id of new LearnerStore(store).consenting()) ids.push(id);
  return ids.sort();
}

describe("erasure keeps the ward's counts", () => {
  it("erasing a certified learner removes every trace of them but not their place in the report", async () => {
    const store = await tempStore();
    await seedWard(store);
    const before = (await createReports(store, testWard).produce(PERIOD, { ward: true }, NOW)).raw;
    const assistant = await testAssistant(store, undefined, () => NOW);
    await assistant.erasePerson("tg:a0");
    expect(await mentions(store, "tg:a0")).toEqual([]);
    const after = (await createReports(store, testWard).produce(PERIOD, { ward: true }, NOW)).raw;
    expect(after.total).toEqual(before.total);
    expect(after.groups).toEqual(before.groups);
    expect(after.trend).toEqual(before.trend);
    expect(after.tos).toEqual(before.tos);
  });
});

describe("retention (RETENTION_MONTHS)", () => {
  it("removes learners inactive for the set months, keeps the active ones and organizers, and counts them still", async () => {
    const store = await tempStore();
    let now = new Date("2025-01-10T03:00:00Z");
    const assistant = await testAssistant(store, undefined, () => now);
    for (const id of ["old", "organizer"]) await onboard(assistant, id);
    now = new Date("2026-01-10T03:00:00Z");
    await onboard(assistant, "recent");
    const roles = new Roles(store, [], new AuditLog(store));
    const admin = { personId: "x", admin: true, scope: { ward: true as const } };
    await roles.grant(admin, "web:organizer", { ward: true }, now);
    now = new Date("2026-02-15T03:00:00Z");
    const retention = createRetention({
      store,
      months: 12,
      erase: (id) => assistant.erasePerson(id),
      isOrganizer: async (id) => (await roles.of(id, [id])) !== null,
      logger: silentLogger,
      now: () => now,
    });
    expect(await retention.runOnce()).toEqual({ erased: 1 });
    expect(await mentions(store, "web:old")).toEqual([]);
    expect(await consenting(store)).toEqual(["web:organizer", "web:recent"]);
    const report = await createReports(store, testWard).produce(
      { from: "2025-01-01", to: "2026-02-15" },
      { ward: true },
      now,
    );
    expect(report.raw.total.registered).toBe(3);
    expect(await retention.runOnce()).toEqual({ erased: 0 });
  });

  it("does nothing when RETENTION_MONTHS is 0", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store, undefined, () => new Date("2020-01-01T03:00:00Z"));
    await onboard(assistant, "old");
    const retention = createRetention({
      store,
      months: 0,
      erase: (id) => assistant.erasePerson(id),
      isOrganizer: async () => false,
      logger: silentLogger,
    });
    expect(await retention.runOnce()).toEqual({ erased: 0 });
    expect(await consenting(store)).toEqual(["web:old"]);
  });
});
