import { reportWords } from "../../catalog/reports.ts";
import { LEARNER_GROUPS, type LearnerGroup } from "../../knowledge/schema.ts";
import type { WardTarget } from "../../knowledge/ward-schema.ts";
import { AI_MODULE, type CellCounts, dayNumber, NO_TO } from "../../learning/aggregate-counts.ts";
import { VN_OFFSET_MS } from "../../shared/vietnam-time.ts";
import type { Scope } from "../audience.ts";
import type { IndicatorRow } from "./indicator-row.ts";
import { type ReportRange, rangeBounds } from "./range.ts";
import type { ClassFacts, WardSnapshot } from "./snapshot.ts";
import { evaluateTargets, type TargetResult } from "./targets.ts";

export { AI_MODULE, NO_TO };

export interface TrendPoint {
  /** `YYYY-MM`. */
  month: string;
  /** Registered and certified by the end of that month (or of the period). */
  registered: number;
  certified: number;
}

export interface WardReport {
  range: ReportRange;
  scope: Scope;
  generatedAt: string;
  populationImportedAt: string | null;
  /** The scope's total: the ward, or the organizer's tổ together. */
  total: IndicatorRow;
  tos: IndicatorRow[];
  groups: (IndicatorRow & { group: LearnerGroup })[];
  targets: TargetResult[];
  notices: { sent: number; recipients: number; delivered: number };
  trend: TrendPoint[];
  /** Tổ where learners registered but the population has no row (their residents are not counted). */
  tosWithoutPopulation: string[];
}

/** Computes every indicator of a period for a scope from one snapshot. */
export function computeReport(
  snapshot: WardSnapshot,
  range: ReportRange,
  scope: Scope,
  now: Date,
  targets: readonly WardTarget[],
): WardReport {
  const { start, end } = rangeBounds(range);
  const { cells, population, tos, total, groups } = indicatorRows(snapshot, range, scope);
  const notices = snapshot.broadcasts.filter((b) => b.createdAt >= start && b.createdAt < end);
  const withPopulation = new Set(population.map((p) => p.to));
  return {
    range,
    scope,
    generatedAt: now.toISOString(),
    populationImportedAt: snapshot.population?.importedAt ?? null,
    total,
    tos,
    groups,
    targets: evaluateTargets(total, groups, targets),
    notices: scope.ward ? noticeTotals(notices) : { sent: 0, recipients: 0, delivered: 0 },
    trend: trend(cells, range),
    tosWithoutPopulation: snapshot.population
      ? tos
          .filter((t) => t.registered > 0 && t.label !== NO_TO && !withPopulation.has(t.label))
          .map((t) => t.label)
      : [],
  };
}

/** The rows of the period in the scope: each tổ, the total, each learner group; with the cells and population read. */
function indicatorRows(snapshot: WardSnapshot, range: ReportRange, scope: Scope) {
  const { start, end } = rangeBounds(range);
  const inScope = (to: string | undefined) => scope.ward || (to !== undefined && scope.tos.includes(to));
  const cells = snapshot.cells.filter((c) => inScope(c.to));
  const days = { start: dayNumber(start), end: dayNumber(end) };
  const population = (snapshot.population?.tos ?? []).filter((p) => inScope(p.to));
  const popOf = populationOf(snapshot.population ? population : null);
  const classes = snapshot.classes.filter((c) => c.startsAt >= start && c.startsAt < end);
  const row = rowBuilder(cells, classes, days);

  const registeredTos = cells.filter((c) => registeredBy(c, days.end) > 0).map((c) => c.to);
  const toNames = scope.ward ? unique([...population.map((p) => p.to), ...registeredTos]) : [...scope.tos];
  const tos = toNames.sort(compareTo).map((to) =>
    row(
      to,
      popOf(to, null),
      (c) => c.to === to,
      (c) => c.tos?.includes(to) ?? false,
    ),
  );
  const total = row(
    scope.ward ? reportWords.wholeWard : reportWords.totalOfTos,
    popOf(null, null),
    (c) => inScope(c.to),
    (c) => scope.ward || (c.tos?.some((t) => scope.tos.includes(t)) ?? false),
  );
  // Check-ins of people erased since still count for the ward.
  if (scope.ward) total.attendance = classes.reduce((n, c) => n + c.present, 0);
  const groups = LEARNER_GROUPS.map((group) => ({
    group,
    ...row(
      group,
      popOf(null, group),
      (c) => c.group === group && inScope(c.to),
      (c) => c.group === group,
    ),
  }));
  return { cells, population, tos, total, groups };
}

type Population = NonNullable<WardSnapshot["population"]>["tos"];

/** Residents of a tổ (or all the scope's) and of a group (or all); null without a population or its row. */
function populationOf(population: Population | null) {
  return (to: string | null, group: LearnerGroup | null): number | null => {
    if (!population) return null;
    const rows = to === null ? population : population.filter((p) => p.to === to);
    if (!rows.length) return null;
    return rows.reduce((sum, p) => sum + (group ? p.byGroup[group] : sumGroups(p.byGroup)), 0);
  };
}

/** A row builder over the period: the cells a row counts (`who`) and the classes held for it (`classFor`). */
function rowBuilder(cells: CellCounts[], classes: ClassFacts[], days: { start: number; end: number }) {
  return (
    label: string,
    population: number | null,
    who: (c: Pick<CellCounts, "to" | "group">) => boolean,
    classFor: (c: ClassFacts) => boolean,
  ): IndicatorRow => {
    const { attendance, ...counts } = cellCounts(cells.filter(who), days);
    return { label, population, ...counts, classesHeld: classes.filter(classFor).length, attendance };
  };
}

/** Notices sent in the period, the recipients they listed and the messages delivered. */
function noticeTotals(notices: WardSnapshot["broadcasts"]): WardReport["notices"] {
  return {
    sent: notices.length,
    recipients: notices.reduce((n, b) => n + b.recipients, 0),
    delivered: notices.reduce((n, b) => n + b.sent, 0),
  };
}

type CellTotals = Omit<IndicatorRow, "label" | "population" | "classesHeld">;

/** The sum of a metric over the days from `from` (inclusive) to `to` (exclusive). */
function sumDays(series: Map<number, number>, from: number, to: number): number {
  let n = 0;
  for (const [day, v] of series) if (day >= from && day < to) n += v;
  return n;
}

const INFINITE_DAY = Number.MAX_SAFE_INTEGER;
/** People registered before day `end`: the all-time total less the registrations on or after it. */
const registeredBy = (c: CellCounts, end: number) => c.totals.r - sumDays(c.days.r, end, INFINITE_DAY);

/** A row's counts over its cells, for the days [start, end). */
function cellCounts(cells: CellCounts[], days: { start: number; end: number }): CellTotals {
  const { start, end } = days;
  const sum = (f: (c: CellCounts) => number) => cells.reduce((n, c) => n + f(c), 0);
  return {
    registered: sum((c) => registeredBy(c, end)),
    newInPeriod: sum((c) => sumDays(c.days.r, start, end)),
    // The running sum of v up to `end` is the people active in the 30 days before; v sums to 0 overall.
    active30: sum((c) => -sumDays(c.days.v, end + 1, INFINITE_DAY)),
    lessonsRead: sum((c) => sumDays(c.days.l, start, end)),
    modulePasses: sum((c) => sumDays(c.days.p, start, end)),
    certified: sum((c) => c.totals.c - sumDays(c.days.c, end, INFINITE_DAY)),
    aiPassed: sum((c) => c.totals.a - sumDays(c.days.a, end, INFINITE_DAY)),
    attendance: sum((c) => sumDays(c.days.k, start, end)),
  };
}

/** Month by month up to the end of the period (at most the 12 months before it). */
function trend(cells: CellCounts[], range: ReportRange): TrendPoint[] {
  const months: string[] = [];
  let [y, m] = range.to.slice(0, 7).split("-").map(Number) as [number, number];
  const first = range.from.slice(0, 7);
  for (let i = 0; i < 12; i++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    months.unshift(month);
    if (month <= first) break;
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return months.map((month) => {
    const [yy, mm] = month.split("-").map(Number) as [number, number];
    const nextMonth = Date.UTC(yy, mm, 1) - VN_OFFSET_MS;
    const end = dayNumber(Math.min(nextMonth, rangeBounds(range).end));
    return {
      month,
      registered: cells.reduce((n, c) => n + registeredBy(c, end), 0),
      certified: cells.reduce((n, c) => n + c.totals.c - sumDays(c.days.c, end, INFINITE_DAY), 0),
    };
  });
}

function sumGroups(byGroup: Record<LearnerGroup, number>): number {
  return LEARNER_GROUPS.reduce((n, g) => n + (byGroup[g] ?? 0), 0);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** "Tổ 2" before "Tổ 10"; named tổ after numbered ones; learners without a tổ last. */
function compareTo(a: string, b: string): number {
  if (a === NO_TO || b === NO_TO) return a === NO_TO ? (b === NO_TO ? 0 : 1) : -1;
  const na = /^Tổ (\d+)$/.exec(a)?.[1];
  const nb = /^Tổ (\d+)$/.exec(b)?.[1];
  if (na && nb) return Number(na) - Number(nb);
  if (na || nb) return na ? -1 : 1;
  return a.localeCompare(b, "vi");
}
