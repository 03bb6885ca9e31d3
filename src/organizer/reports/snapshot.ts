import type { LearnerGroup } from "../../knowledge/schema.ts";
import { type CellCounts, dayNumber, readCells } from "../../learning/aggregate-counts.ts";
import type { Store } from "../../storage/store.ts";
import type { Scope } from "../audience.ts";
import { Classes } from "../classes.ts";
import { Outbox } from "../outbox.ts";
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
  const classes = new Classes(store);
  const out: ClassFacts[] = [];
  for (const { id, startsAt } of await classes.held()) {
    const record = await classes.get(id);
    if (!record) continue;
    out.push({
      startsAt: startsAt.getTime(),
      present: record.present,
      ...(record.audience.tos?.length ? { tos: record.audience.tos } : {}),
      ...(record.audience.group ? { group: record.audience.group } : {}),
    });
  }
  return out;
}

function broadcastFacts(store: Store): Promise<BroadcastFacts[]> {
  return new Outbox(store).noticeTotals();
}
