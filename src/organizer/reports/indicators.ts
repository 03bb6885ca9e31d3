import { LEARNER_GROUPS, type LearnerGroup } from "../../knowledge/schema.ts";
import type { WardTarget } from "../../knowledge/ward-schema.ts";
import { VN_OFFSET_MS } from "../../shared/vietnam-time.ts";
import type { Scope } from "../audience.ts";
import type { IndicatorRow } from "./indicator-row.ts";
import type { LearnerFacts } from "./learner-facts.ts";
import { type ReportRange, rangeBounds } from "./range.ts";
import type { ClassFacts, WardSnapshot } from "./snapshot.ts";
import { evaluateTargets, type TargetResult } from "./targets.ts";

const DAY_MS = 86_400_000;
/** The AI module: passing it is how the report counts "biết sử dụng công cụ AI". */
export const AI_MODULE = "tri-tue-nhan-tao";
/** The row of learners who gave no tổ dân phố. */
export const NO_TO = "Chưa khai báo tổ";

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
  const inScope = (to: string | undefined) => scope.ward || (to !== undefined && scope.tos.includes(to));
  const learners = snapshot.learners.filter((l) => l.registeredAt < end && inScope(l.to));
  const population = (snapshot.population?.tos ?? []).filter((p) => inScope(p.to));
  const popOf = (to: string | null, group: LearnerGroup | null): number | null => {
    if (!snapshot.population) return null;
    const rows = to === null ? population : population.filter((p) => p.to === to);
    if (!rows.length) return null;
    return rows.reduce((sum, p) => sum + (group ? p.byGroup[group] : sumGroups(p.byGroup)), 0);
  };
  const classes = snapshot.classes.filter((c) => c.startsAt >= start && c.startsAt < end);
  /** A row: the learners it counts (`who`) and the classes held for it (`classFor`). */
  const row = (
    label: string,
    population: number | null,
    who: (p: Pick<LearnerFacts, "to" | "group">) => boolean,
    classFor: (c: ClassFacts) => boolean,
  ): IndicatorRow => ({
    label,
    population,
    ...learnerCounts(learners.filter(who), start, end),
    classesHeld: classes.filter(classFor).length,
    attendance: classes.reduce((n, c) => n + c.attendees.filter(who).length, 0),
  });

  const toNames = scope.ward
    ? unique([...population.map((p) => p.to), ...learners.map((l) => l.to ?? NO_TO)])
    : [...scope.tos];
  const tos = toNames.sort(compareTo).map((to) =>
    row(
      to,
      popOf(to, null),
      (p) => (p.to ?? NO_TO) === to,
      (c) => c.tos?.includes(to) ?? false,
    ),
  );
  const total = row(
    scope.ward ? "Toàn phường" : "Tổng các tổ phụ trách",
    popOf(null, null),
    (p) => inScope(p.to),
    (c) => scope.ward || (c.tos?.some((t) => scope.tos.includes(t)) ?? false),
  );
  // Check-ins of people erased since still count for the ward.
  if (scope.ward) total.attendance = classes.reduce((n, c) => n + c.present, 0);
  const groups = LEARNER_GROUPS.map((group) => ({
    group,
    ...row(
      group,
      popOf(null, group),
      (p) => p.group === group && inScope(p.to),
      (c) => c.group === group,
    ),
  }));
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
    notices: scope.ward
      ? {
          sent: notices.length,
          recipients: notices.reduce((n, b) => n + b.recipients, 0),
          delivered: notices.reduce((n, b) => n + b.sent, 0),
        }
      : { sent: 0, recipients: 0, delivered: 0 },
    trend: trend(learners, range),
    tosWithoutPopulation: snapshot.population
      ? tos
          .filter((t) => t.registered > 0 && t.label !== NO_TO && !withPopulation.has(t.label))
          .map((t) => t.label)
      : [],
  };
}

type LearnerCounts = Pick<
  IndicatorRow,
  "registered" | "newInPeriod" | "active30" | "lessonsRead" | "modulePasses" | "certified" | "aiPassed"
>;

function learnerCounts(learners: LearnerFacts[], start: number, end: number): LearnerCounts {
  const within = (t: number | undefined) => t !== undefined && t >= start && t < end;
  const by = (t: number | undefined) => t !== undefined && t < end;
  const activeSince = end - 30 * DAY_MS;
  const active = (l: LearnerFacts) =>
    [l.lastSeenAt, l.registeredAt, ...l.reads, ...Object.values(l.passes)].some(
      (t) => t !== undefined && t >= activeSince && t < end,
    );
  return {
    registered: learners.length,
    newInPeriod: learners.filter((l) => within(l.registeredAt)).length,
    active30: learners.filter(active).length,
    lessonsRead: learners.reduce((n, l) => n + l.reads.filter(within).length, 0),
    modulePasses: learners.reduce((n, l) => n + Object.values(l.passes).filter(within).length, 0),
    certified: learners.filter((l) => by(l.certifiedAt)).length,
    aiPassed: learners.filter((l) => by(l.passes[AI_MODULE])).length,
  };
}

/** Month by month up to the end of the period (at most the 12 months before it). */
function trend(learners: LearnerFacts[], range: ReportRange): TrendPoint[] {
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
    const end = Math.min(nextMonth, rangeBounds(range).end);
    return {
      month,
      registered: learners.filter((l) => l.registeredAt < end).length,
      certified: learners.filter((l) => l.certifiedAt !== undefined && l.certifiedAt < end).length,
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
