import { toDanPhoWords } from "../catalog/learning.ts";
import { LEARNER_GROUPS, type LearnerGroup } from "../knowledge/schema.ts";
import { VN_OFFSET_MS } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import type { LearnerFacts } from "./learner-facts.ts";

/**
 * The ward's counts per cell (tổ dân phố × learner group) and Vietnam day, kept as facts change so a report
 * reads O(cells × days) instead of every learner. This module owns the `agg:` keys.
 *
 * Metrics: r registrations, l lessons first read, p module passes, a AI-module passes, c valid certificates,
 * k check-ins (on the class's day), v the change of "active in the 30 days before" (+1 where a learner's
 * active window opens, −1 past where it closes; its running sum up to a day is the people active then).
 */
export type Metric = "r" | "l" | "p" | "a" | "c" | "k" | "v";
export const METRICS: readonly Metric[] = ["r", "l", "p", "a", "c", "k", "v"];
/** Metrics whose all-time total is kept, so "by the end of the period" needs only the days after it. */
const CUMULATIVE: readonly Metric[] = ["r", "a", "c"];

/** The row of learners who gave no tổ dân phố. */
export const NO_TO = toDanPhoWords.undeclared;
/** The AI module: passing it is how the report counts "biết sử dụng công cụ AI". */
export const AI_MODULE = "tri-tue-nhan-tao";
const DAY_MS = 86_400_000;
const ACTIVE_DAYS = 30;

export const CELLS_KEY = "agg:cells";
export const MONTHS_KEY = "agg:months";
const cellOf = (to: string, group: LearnerGroup) => `${to}|${group}`;
const monthKey = (cell: string, month: string) => `agg:${cell}:${month}`;
const totalKey = (cell: string) => `agg:${cell}:all`;
/** Every key of the aggregates starts with this. */
const AGGREGATES_PREFIX = "agg:";

/** The Vietnam day number of an instant (days since 1970-01-01, Vietnam time). */
export const dayNumber = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
/** `YYYY-MM-DD` of a day number. */
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** What one learner adds to the counts: `key \u0000 field` → amount. */
export type Contribution = Map<string, number>;
const SEP = "\u0000";

function add(out: Contribution, cell: string, metric: Metric, day: number, by = 1): void {
  const iso = isoOf(day);
  const k = `${monthKey(cell, iso.slice(0, 7))}${SEP}${metric}${iso.slice(8)}`;
  out.set(k, (out.get(k) ?? 0) + by);
  if (CUMULATIVE.includes(metric)) {
    const t = `${totalKey(cell)}${SEP}${metric}`;
    out.set(t, (out.get(t) ?? 0) + by);
  }
}

/** The counts one learner (or an erased learner's anonymous record) adds to its cell. */
export function contributionOf(facts: LearnerFacts | null): Contribution {
  const out: Contribution = new Map();
  if (!facts) return out;
  const cell = cellOf(facts.to ?? NO_TO, facts.group);
  add(out, cell, "r", dayNumber(facts.registeredAt));
  for (const t of facts.reads) add(out, cell, "l", dayNumber(t));
  for (const [module, t] of Object.entries(facts.passes)) {
    add(out, cell, "p", dayNumber(t));
    if (module === AI_MODULE) add(out, cell, "a", dayNumber(t));
  }
  if (facts.certifiedAt !== undefined) add(out, cell, "c", dayNumber(facts.certifiedAt));
  for (const t of facts.checkins ?? []) add(out, cell, "k", dayNumber(t));
  const active = [facts.registeredAt, ...facts.reads, ...Object.values(facts.passes)];
  if (facts.lastSeenAt !== undefined) active.push(facts.lastSeenAt);
  // A day of activity d makes the learner active for periods ending (exclusive) on days d+1 … d+30.
  const days = [...new Set(active.map(dayNumber))].sort((x, y) => x - y);
  let open: [number, number] | null = null;
  for (const d of days) {
    if (open && d + 1 <= open[1] + 1) open[1] = d + ACTIVE_DAYS;
    else {
      if (open) closeWindow(out, cell, open);
      open = [d + 1, d + ACTIVE_DAYS];
    }
  }
  if (open) closeWindow(out, cell, open);
  return out;
}

/** Adds one check-in at a class (on its day) to a cell: an erased learner's, kept by the class. */
export function countCheckin(out: Contribution, who: { to?: string; group: LearnerGroup }, at: number): void {
  add(out, cellOf(who.to ?? NO_TO, who.group), "k", dayNumber(at));
}

/** Adds `from` into `into`. */
export function addContribution(into: Contribution, from: Contribution): void {
  for (const [k, n] of from) into.set(k, (into.get(k) ?? 0) + n);
}

function closeWindow(out: Contribution, cell: string, [from, to]: [number, number]): void {
  add(out, cell, "v", from, 1);
  add(out, cell, "v", to + 1, -1);
}

/** The hincrby writes that turn `before` into `after`, and the cell and months registry entries. */
export function deltaWrites(before: Contribution, after: Contribution) {
  const increments: { key: string; field: string; by: number }[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const by = (after.get(k) ?? 0) - (before.get(k) ?? 0);
    if (!by) continue;
    const [key, field] = k.split(SEP) as [string, string];
    increments.push({ key, field, by });
  }
  const cells = new Set<string>();
  const months = new Set<string>();
  for (const k of after.keys()) {
    const key = k.split(SEP)[0] as string;
    const match = /^agg:(.+)\|([a-z-]+):(\d{4}-\d{2}|all)$/.exec(key);
    if (!match) continue;
    cells.add(`${match[1]}|${match[2]}`);
    if (match[3] !== "all") months.add(match[3] as string);
  }
  return { increments, cells: [...cells], months: [...months] };
}

/** One cell's counts: all-time totals of r, a, c and the per-day amounts of every metric read. */
export interface CellCounts {
  to: string;
  group: LearnerGroup;
  totals: Record<Metric, number>;
  /** Metric → day number → amount, for the days read. */
  days: Record<Metric, Map<number, number>>;
}

/** The cells whose tổ passes `includeTo`, with every day from `fromDay` on (O(cells × months)). */
export async function readCells(
  store: Store,
  includeTo: (to: string) => boolean,
  fromDay: number,
): Promise<CellCounts[]> {
  const firstMonth = isoOf(fromDay).slice(0, 7);
  const months = (await store.smembers(MONTHS_KEY)).filter((m) => m >= firstMonth).sort();
  const cells = (await store.smembers(CELLS_KEY))
    .map((cell) => {
      const cut = cell.lastIndexOf("|");
      return { cell, to: cell.slice(0, cut), group: cell.slice(cut + 1) as LearnerGroup };
    })
    .filter((c) => includeTo(c.to) && (LEARNER_GROUPS as readonly string[]).includes(c.group));
  return Promise.all(
    cells.map(async ({ cell, to, group }) => {
      const [total, ...byMonth] = await Promise.all([
        store.hgetall(totalKey(cell)),
        ...months.map((m) => store.hgetall(monthKey(cell, m))),
      ]);
      const days = Object.fromEntries(
        METRICS.map((m) => [m, new Map<number, number>()]),
      ) as CellCounts["days"];
      byMonth.forEach((fields, i) => {
        const month = months[i] as string;
        for (const [field, value] of Object.entries(fields)) {
          const metric = field[0] as Metric;
          const day = dayNumber(Date.parse(`${month}-${field.slice(1)}T00:00:00Z`) - VN_OFFSET_MS);
          days[metric]?.set(day, (days[metric].get(day) ?? 0) + Number(value));
        }
      });
      const totals = Object.fromEntries(
        METRICS.map((m) => [m, Number(total?.[m] ?? 0)]),
      ) as CellCounts["totals"];
      return { to, group, totals, days };
    }),
  );
}

/** Every stored count, and the cells and months listed, as they stand (to compare two states of the counts). */
export interface StoredCounts {
  cells: string[];
  months: string[];
  /** One entry per cell and month ("all" for the all-time totals) with its fields as numbers. */
  counts: { cell: string; month: string; fields: Record<string, number> }[];
}

export async function readStoredCounts(store: Store): Promise<StoredCounts> {
  const counts: StoredCounts["counts"] = [];
  for (const key of await store.keys(AGGREGATES_PREFIX)) {
    if (key === CELLS_KEY || key === MONTHS_KEY) continue;
    const cut = key.lastIndexOf(":");
    const fields = Object.entries(await store.hgetall(key)).map(([f, n]): [string, number] => [f, Number(n)]);
    counts.push({
      cell: key.slice(AGGREGATES_PREFIX.length, cut),
      month: key.slice(cut + 1),
      fields: Object.fromEntries(fields),
    });
  }
  return { cells: await store.smembers(CELLS_KEY), months: await store.smembers(MONTHS_KEY), counts };
}

/** Deletes every count (before a rebuild). */
export async function clearCounts(store: Store): Promise<void> {
  const keys = await store.keys(AGGREGATES_PREFIX);
  for (let i = 0; i < keys.length; i += 1000) await store.del(...keys.slice(i, i + 1000));
}
