import { learnerGroupSchema } from "../../knowledge/schema.ts";
import {
  addContribution,
  CELLS_KEY,
  type Contribution,
  clearCounts,
  contributionOf,
  countCheckin,
  deltaWrites,
  MONTHS_KEY,
} from "../../learning/aggregate-counts.ts";
import { clearMemberships, membershipsOf } from "../../learning/learner-aggregates.ts";
import { checkinField, factsOf, readRecords } from "../../learning/learner-facts.ts";
import { ALL_LEARNERS, progressKey } from "../../learning/record-keys.ts";
import type { Store, WriteOp } from "../../storage/store.ts";
import { Classes } from "../classes.ts";
import { erasedFacts } from "./erased-facts.ts";

const PAGE = 500;
const OPS_PER_CALL = 5000;

export interface RebuildResult {
  learners: number;
  erased: number;
  checkins: number;
}

/**
 * Recomputes the report counts and the membership sets from the stored facts: every registered learner,
 * the anonymous records of erased ones, and the check-ins classes keep for them. For a one-time migration,
 * or after a restore; run it with the assistant stopped (what changes meanwhile would be counted twice or
 * not at all). Check-ins recorded before the counts existed are first copied to the learner's progress.
 */
export async function rebuildAggregates(
  store: Store,
  onProgress?: (done: number) => void,
): Promise<RebuildResult> {
  await clearCounts(store);
  await clearMemberships(store);
  const classes = new Classes(store);
  const total: Contribution = new Map();
  let checkins = 0;
  for (const { id, startsAt } of await classes.held()) {
    for (const person of await classes.presentIds(id)) {
      const field = checkinField(id);
      if ((await store.hget(progressKey(person), field)) === null)
        await store.hset(progressKey(person), { [field]: startsAt.toISOString() });
    }
    for (const who of await classes.anonymousAttendees(id)) {
      const group = learnerGroupSchema.safeParse(who.group);
      if (!group.success) continue;
      countCheckin(total, { group: group.data, ...(who.to ? { to: who.to } : {}) }, startsAt.getTime());
      checkins++;
    }
  }
  let learners = 0;
  let cursor = "0";
  do {
    const page = await store.sscan(ALL_LEARNERS, cursor, PAGE);
    cursor = page.cursor;
    const ids = [...new Set(page.members)];
    const records = await Promise.all(ids.map((id) => readRecords(store, id)));
    const members = new Map<string, string[]>();
    records.forEach((r, i) => {
      addContribution(total, contributionOf(factsOf(r)));
      for (const key of membershipsOf(r.profile))
        members.set(key, [...(members.get(key) ?? []), ids[i] as string]);
    });
    await store.atomic([...members].map(([key, list]): WriteOp => ({ op: "sadd", key, members: list })));
    learners += ids.length;
    onProgress?.(learners);
  } while (cursor !== "0");
  const erased = await erasedFacts(store);
  for (const facts of erased) addContribution(total, contributionOf(facts));
  await writeCounts(store, total);
  return { learners, erased: erased.length, checkins };
}

async function writeCounts(store: Store, total: Contribution): Promise<void> {
  const delta = deltaWrites(new Map(), total);
  const ops: WriteOp[] = delta.increments.map((i) => ({ op: "hincrby", ...i }));
  if (delta.cells.length) ops.push({ op: "sadd", key: CELLS_KEY, members: delta.cells });
  if (delta.months.length) ops.push({ op: "sadd", key: MONTHS_KEY, members: delta.months });
  for (let i = 0; i < ops.length; i += OPS_PER_CALL) await store.atomic(ops.slice(i, i + OPS_PER_CALL));
}
