import { activityRows, reportWords, rowColumns } from "../../catalog/reports.ts";
import { GROUP_LABELS } from "../../knowledge/group-labels.ts";
import type { IndicatorRow } from "./indicator-row.ts";
import type { WardReport } from "./indicators.ts";
import { formatDay } from "./range.ts";

/** A table cell: a number, or text such as the small-cell mark. */
export type Cell = number | string;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

/** The report as every output shows it: the same cells for the bot, the dashboard, CSV and Excel. */
export interface PresentedReport {
  title: string;
  period: string;
  scope: string;
  notes: string[];
  targets: Table;
  byTo: Table;
  byGroup: Table;
  activity: Table;
  trend: Table;
}

/** What a cell counting fewer than 5 people shows instead of the number. */
export const SMALL = "< 5";
export const NO_POPULATION = reportWords.noPopulation;
const MIN_PEOPLE = 5;

/** A count of people, or SMALL under 5. */
export function people(n: number | null): Cell {
  if (n === null) return NO_POPULATION;
  return n < MIN_PEOPLE ? SMALL : n;
}

/** A percentage (one decimal) of `numerator` people; SMALL when they are fewer than 5. */
export function percent(numerator: number, denominator: number | null): Cell {
  if (!denominator) return NO_POPULATION;
  if (numerator < MIN_PEOPLE || denominator < MIN_PEOPLE) return SMALL;
  return Math.round((numerator / denominator) * 1000) / 10;
}

const C = rowColumns;
const ROW_COLUMNS: string[] = [
  C.population,
  C.registered,
  C.newInPeriod,
  C.active30,
  C.lessonsRead,
  C.modulePasses,
  C.certified,
  C.certifiedShare,
  C.aiPassed,
  C.aiPassedShare,
  C.classesHeld,
  C.attendance,
];

function rowCells(row: IndicatorRow): Cell[] {
  // Lessons read, passes and check-ins count events, not people: in a row of fewer than 5 learners they
  // tell what those few people did, so they are hidden too.
  const events = (n: number) => (row.registered < MIN_PEOPLE ? SMALL : people(n));
  return [
    people(row.population),
    people(row.registered),
    people(row.newInPeriod),
    people(row.active30),
    events(row.lessonsRead),
    events(row.modulePasses),
    people(row.certified),
    percent(row.certified, row.population),
    people(row.aiPassed),
    percent(row.aiPassed, row.registered),
    row.classesHeld,
    events(row.attendance),
  ];
}

/** Count columns (by place in ROW_COLUMNS + 1) whose percentage column shows the same people. */
const PERCENT_OF: Record<number, number> = { 7: 8, 9: 10 };

/**
 * Complementary suppression: rows that add up to a shown total must not leave a single hidden cell in a
 * column, or subtraction gives it away. In such a column the smallest shown count is hidden too (with its
 * percentage). `rows` are the parts of the total (the tổ, or the learner groups); cell 0 is the label.
 */
export function suppressComplements(rows: Cell[][]): Cell[][] {
  const out = rows.map((r) => [...r]);
  const width = out[0]?.length ?? 0;
  for (let col = 1; col < width; col++) {
    if (ROW_COLUMNS[col - 1] === C.classesHeld || ROW_COLUMNS[col - 1]?.includes("%")) continue;
    const hidden = out.filter((r) => r[col] === SMALL).length;
    if (hidden !== 1) continue;
    const shown = out
      .filter((r) => typeof r[col] === "number")
      .sort((a, b) => (a[col] as number) - (b[col] as number));
    const smallest = shown[0];
    if (!smallest) continue;
    smallest[col] = SMALL;
    const percentCol = PERCENT_OF[col];
    if (percentCol !== undefined && typeof smallest[percentCol] === "number") smallest[percentCol] = SMALL;
  }
  return out;
}

/** Applies small-cell suppression and lays the report out as the plan's reporting tables. */
export function presentReport(report: WardReport, scopeLabel: string): PresentedReport {
  const W = reportWords;
  return {
    title: W.title,
    period: W.period(formatDay(report.range.from), formatDay(report.range.to)),
    scope: scopeLabel,
    notes: reportNotes(report),
    targets: {
      title: W.targets.title,
      columns: [...W.targets.columns],
      rows: report.targets.map(targetCells),
    },
    byTo: {
      title: W.byTo.title,
      columns: [W.byTo.labelColumn, ...ROW_COLUMNS],
      rows: [
        ...suppressComplements(report.tos.map((row) => [row.label, ...rowCells(row)])),
        [report.total.label, ...rowCells(report.total)],
      ],
    },
    byGroup: {
      title: W.byGroup.title,
      columns: [W.byGroup.labelColumn, ...ROW_COLUMNS],
      rows: suppressComplements(report.groups.map((row) => [GROUP_LABELS[row.group], ...rowCells(row)])),
    },
    activity: {
      title: W.activity.title,
      columns: [...W.activity.columns],
      rows: [
        [activityRows.classesHeld, report.total.classesHeld],
        [activityRows.attendance, people(report.total.attendance)],
        [activityRows.noticesSent, report.notices.sent],
        [activityRows.noticesDelivered, people(report.notices.delivered)],
        [activityRows.noticeRecipients, people(report.notices.recipients)],
      ],
    },
    trend: {
      title: W.trend.title,
      columns: [W.trend.monthColumn, C.registered, C.certified],
      rows: report.trend.map((p) => [p.month, people(p.registered), people(p.certified)]),
    },
  };
}

/** What a reader must know to read the figures: missing population, unknown tổ, the small-cell mark. */
function reportNotes(report: WardReport): string[] {
  const notes: string[] = [];
  if (!report.populationImportedAt) notes.push(reportWords.notes.populationMissing);
  if (report.tosWithoutPopulation.length)
    notes.push(reportWords.notes.tosWithoutPopulation(report.tosWithoutPopulation.join(", ")));
  notes.push(reportWords.notes.smallCells(SMALL));
  return notes;
}

/** One row of the targets table; the gap and the people needed are hidden with a small count. */
function targetCells(t: WardReport["targets"][number]): Cell[] {
  const W = reportWords.targets;
  const hidden = t.numerator < MIN_PEOPLE || (t.denominator ?? 0) < MIN_PEOPLE;
  const goal = Math.round(t.target * 100);
  return [
    t.label,
    t.kind === "above" ? W.above(goal) : `${goal}`,
    t.measure,
    people(t.numerator),
    people(t.denominator),
    percent(t.numerator, t.denominator),
    t.gapPoints === null || hidden ? "—" : t.gapPoints,
    t.peopleNeeded === null || hidden ? "—" : t.peopleNeeded,
    t.met === null ? W.noData : t.met ? W.met : W.notMet,
  ];
}

/** "1.234" or "45,2" for people reading Vietnamese. */
export function formatCell(cell: Cell): string {
  return typeof cell === "number" ? cell.toLocaleString("vi-VN") : cell;
}
