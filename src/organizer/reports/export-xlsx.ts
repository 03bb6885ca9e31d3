import type ExcelJS from "exceljs";
import { exportWords } from "../../catalog/reports.ts";
import { REPORT_TABLES } from "./export-csv.ts";
import { type Cell, NO_POPULATION, type PresentedReport, SMALL, type Table } from "./present.ts";

/** The worksheet of each table (Excel allows at most 31 characters and none of []:*?/\). */
export const SHEET_NAMES: Record<(typeof REPORT_TABLES)[number], string> = exportWords.sheets;

const MIN_WIDTH = 10;
const MAX_WIDTH = 50;
/** Header text wraps, so a long header needs no wider column than this. */
const HEADER_WIDTH = 16;

/**
 * The report as an Excel workbook: one worksheet per table, each with the report's title, scope, period and
 * notes on top, a bold frozen header row, numbers as numbers (percent columns with one decimal) and the
 * "< 5" marks as text.
 */
export async function reportXlsx(presented: PresentedReport): Promise<Buffer> {
  // Loaded on the first export, not at start-up (the library takes about a third of a second to load).
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "hocvuso";
  workbook.title = `${presented.title} — ${presented.scope}, ${presented.period}`;
  workbook.subject = presented.title;
  for (const name of REPORT_TABLES) addSheet(workbook, SHEET_NAMES[name], presented, presented[name]);
  const written = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(written) ? written : Buffer.from(written as ArrayBuffer);
}

function addSheet(workbook: ExcelJS.Workbook, name: string, presented: PresentedReport, table: Table): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([presented.title]).font = { bold: true, size: 14 };
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  sheet.addRow([exportWords.labelled(exportWords.scope, presented.scope)]);
  sheet.addRow([exportWords.labelled(exportWords.period, presented.period)]);
  for (const note of presented.notes) sheet.addRow([note]).font = { italic: true };
  sheet.addRow([]);

  const header = sheet.addRow(table.columns);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  sheet.views = [{ state: "frozen", ySplit: header.number, xSplit: 0 }];

  const percentColumns = table.columns.map((c) => c.includes("%"));
  for (const cells of table.rows) {
    const row = sheet.addRow(cells);
    row.eachCell((cell, column) => {
      const value = cells[column - 1];
      if (typeof value === "number") cell.numFmt = percentColumns[column - 1] ? "0.0" : "#,##0";
      else if (column > 1 && isMark(value)) cell.alignment = { horizontal: "right" };
      else if (typeof value === "string" && value.length > MAX_WIDTH)
        cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
  table.columns.forEach((column, i) => {
    const longest = Math.max(
      Math.min(column.length, HEADER_WIDTH),
      ...table.rows.map((r) => displayLength(r[i])),
    );
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

/** Text standing in for a number ("< 5", "—", "chưa có dân số"): aligned with the numbers. */
const MARKS = new Set<Cell | undefined>([SMALL, NO_POPULATION, "—"]);
const isMark = (value: Cell | undefined) => MARKS.has(value);

function displayLength(cell: Cell | undefined): number {
  if (cell === undefined) return 0;
  return typeof cell === "number" ? cell.toLocaleString("en-US").length : cell.length;
}
