import type { LearnerGroup } from "../../knowledge/schema.ts";
import { type CellCounts, dayNumber, readCells } from "../../learning/aggregate-counts.ts";
import type { Store } from "../../storage/store.ts";
import type { Audience, Scope } from "../audience.ts";
import { type Population, PopulationStore } from "./population.ts";
import { type ReportRange, rangeBounds } from "./range.ts";

export interface ClassFacts {
  startsAt: number;
  /** The tổ the class was for; absent when for the whole ward. */
  tos?: string[];
  /** The learner group the class was for; absent when for every group. */
  group?: LearnerGroup;
  /** Everyone who checked in (kept after a learner's erasure). */
  present: number;
}

export interface BroadcastFacts {
  createdAt: number;
  recipients: number;
  sent: number;
}

/** Everything a report is computed from, read once from the store: counts, never a learner's record. */
export interface WardSnapshot {
  population: Population | null;
  /** The counts of each tổ × group cell in scope, from the first day of the period's first month on. */
  cells: CellCounts[];
  classes: ClassFacts[];
  broadcasts: BroadcastFacts[];
}

/** Reads the snapshot of a period and scope: O(cells × months) of counts, the classes and the notices. */
export async function collectSnapshot(store: Store, range: ReportRange, scope: Scope): Promise<WardSnapshot> {
  const monthStart = rangeBounds({ from: `${range.from.slice(0, 7)}-01`, to: range.to }).start;
  const [population, cells, classes, broadcasts] = await Promise.all([
    new PopulationStore(store).load(),
    readCells(store, (to) => scope.ward || scope.tos.includes(to), dayNumber(monthStart)),
    classFacts(store),
    broadcastFacts(store),
  ]);
  return { population, cells, classes, broadcasts };
}

async function classFacts(store: Store): Promise<ClassFacts[]> {
  const out: ClassFacts[] = [];
  for (const { member: id, score } of await store.zrangeByScore(
    "classes:by-start",
    0,
    Number.MAX_SAFE_INTEGER,
  )) {
    const record = await store.hgetall(`class:${id}`);
    if (!record.startsAt) continue;
    const audience = JSON.parse(record.audience ?? "{}") as Audience;
    out.push({
      startsAt: score,
      present: Number(record.n_present ?? 0),
      ...(audience.tos?.length ? { tos: audience.tos } : {}),
      ...(audience.group ? { group: audience.group } : {}),
    });
  }
  return out;
}

async function broadcastFacts(store: Store): Promise<BroadcastFacts[]> {
  const out: BroadcastFacts[] = [];
  for (const { member: id, score } of await store.zrangeByScore("bc:all", 0, Number.MAX_SAFE_INTEGER)) {
    const record = await store.hgetall(`bc:${id}`);
    if (record.kind !== "notice") continue;
    const final = record.final ? (JSON.parse(record.final) as { sent?: number }) : null;
    const sent = final
      ? (final.sent ?? 0)
      : Object.values(await store.hgetall(`bc:${id}:st`)).filter((s) => s === "sent").length;
    out.push({ createdAt: score, recipients: Number(record.total ?? 0), sent });
  }
  return out;
}
