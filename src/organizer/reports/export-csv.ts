import { exportWords } from "../../catalog/reports.ts";
import { formatCsv } from "./csv-text.ts";
import type { Cell, PresentedReport, Table } from "./present.ts";

/** The tables in the order of the plan's reporting layout. */
export const REPORT_TABLES = ["targets", "byTo", "byGroup", "activity", "trend"] as const;

/**
 * The whole report as one CSV for spreadsheets: a heading block (title, scope, period, notes), then each
 * table as a title row, a header row, its rows and a blank row. Numbers stay numbers (dot decimal); "< 5"
 * and other text cells stay text.
 */
export function reportCsv(presented: PresentedReport): string {
  const rows: Cell[][] = [
    [presented.title],
    [exportWords.scope, presented.scope],
    [exportWords.period, presented.period],
    ...presented.notes.map((note) => [exportWords.note, note]),
    [],
  ];
  for (const name of REPORT_TABLES) rows.push(...tableRows(presented[name]));
  return formatCsv(rows);
}

function tableRows(table: Table): Cell[][] {
  return [[table.title], table.columns, ...table.rows, []];
}
