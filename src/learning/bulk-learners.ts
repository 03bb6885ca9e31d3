import type { LearnerGroup } from "../knowledge/schema.ts";
import type { Store, WriteOp } from "../storage/store.ts";
import { CELLS_KEY, contributionOf, deltaWrites, MONTHS_KEY } from "./aggregate-counts.ts";
import { membershipsOf } from "./learner-aggregates.ts";
import { factsOf } from "./learner-facts.ts";
import { ALL_LEARNERS, learnerKey, progressKey } from "./record-keys.ts";

/** A learner who finished onboarding, as a migration, a test or the benchmark brings them in. */
export interface BulkLearner {
  id: string;
  group: LearnerGroup;
  to?: string;
  /** When they agreed (ISO). */
  consentAt: string;
  /** The Vietnam day they last used the assistant, `YYYY-MM-DD`. */
  seenOn?: string;
  /** Lesson id → first read (ISO). */
  reads?: Record<string, string>;
}

/**
 * Writes ready learners, many per atomic store call, with exactly the keys the learner stores write one by
 * one (profile, learners:all, membership sets, the counts of their cell): the fast path of the benchmark and
 * of tests that need thousands of learners. Counts of one batch are summed before they are written.
 */
export async function writeLearnersInBulk(store: Store, learners: readonly BulkLearner[]): Promise<void> {
  const ops: WriteOp[] = [];
  const counts = new Map<string, number>();
  const cells = new Set<string>();
  const months = new Set<string>();
  const members = new Map<string, string[]>();
  for (const l of learners) {
    const profile: Record<string, string> = {
      step: "ready",
      createdAt: l.consentAt,
      consentAt: l.consentAt,
      group: l.group,
      mode: "normal",
      aggv: "1",
      ...(l.to ? { to: l.to } : {}),
      ...(l.seenOn ? { seenOn: l.seenOn } : {}),
    };
    const progress = Object.fromEntries(
      Object.entries(l.reads ?? {}).map(([lesson, at]) => [`read:${lesson}`, at]),
    );
    ops.push({ op: "hset", key: learnerKey(l.id), fields: profile });
    if (Object.keys(progress).length) ops.push({ op: "hset", key: progressKey(l.id), fields: progress });
    for (const key of membershipsOf(profile)) members.set(key, [...(members.get(key) ?? []), l.id]);
    const delta = deltaWrites(
      new Map(),
      contributionOf(factsOf({ profile, progress, certId: null, cert: {} })),
    );
    for (const i of delta.increments) {
      const k = `${i.key}\u0000${i.field}`;
      counts.set(k, (counts.get(k) ?? 0) + i.by);
    }
    for (const c of delta.cells) cells.add(c);
    for (const m of delta.months) months.add(m);
  }
  ops.push({ op: "sadd", key: ALL_LEARNERS, members: learners.map((l) => l.id) });
  for (const [key, ids] of members) ops.push({ op: "sadd", key, members: ids });
  for (const [k, by] of counts) {
    const [key, field] = k.split("\u0000") as [string, string];
    ops.push({ op: "hincrby", key, field, by });
  }
  if (cells.size) ops.push({ op: "sadd", key: CELLS_KEY, members: [...cells] });
  if (months.size) ops.push({ op: "sadd", key: MONTHS_KEY, members: [...months] });
  await store.atomic(ops);
}
