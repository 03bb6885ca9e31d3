import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/organizer/reports/csv-text.ts";
import { REPORT_TABLES, reportCsv } from "../../../src/organizer/reports/export-csv.ts";
import { reportXlsx } from "../../../src/organizer/reports/export-xlsx.ts";
import type { Cell, PresentedReport, Table } from "../../../src/organizer/reports/present.ts";
import { createReports } from "../../../src/organizer/reports/reports.ts";
import type { Store } from "../../../src/storage/store.ts";
import { tempStoreUnscoped } from "../../helpers/core.ts";
import { testWard } from "../../helpers/ward.ts";
import { NOW, PERIOD, seedWard } from "./seed-ward.ts";

const FORMULA = "=cmd|' /C calc'!A0";

let store: Store;
let report: PresentedReport;
beforeAll(async () => {
  store = await tempStoreUnscoped();
  await seedWard(store);
  report = (await createReports(store, testWard).produce(PERIOD, { ward: true }, NOW)).presented;
});
afterAll(() => store.close());

/** The seeded report with a tổ named like a spreadsheet formula (the import itself refuses such names). */
function withFormulaLabels(presented: PresentedReport): PresentedReport {
  const labels = [FORMULA, "+1", "@SUM(A1)", "-2"];
  const rows = presented.byTo.rows.map((r, i) => [labels[i % labels.length] as string, ...r.slice(1)]);
  return { ...presented, byTo: { ...presented.byTo, rows } };
}

/** A table's header and rows as the CSV has them: the rows after its title row, up to the blank row. */
function csvTable(rows: string[][], table: Table): { columns: string[]; rows: string[][] } {
  const at = rows.findIndex((r) => r.length === 1 && r[0] === table.title);
  expect(at, `title row of "${table.title}"`).toBeGreaterThan(0);
  const end = rows.findIndex((r, i) => i > at && r.length === 1 && r[0] === "");
  return { columns: rows[at + 1] ?? [], rows: rows.slice(at + 2, end) };
}

/** A CSV row read with the types of the presented row: numbers as numbers, text as text. */
const typedLike = (csvRow: string[], presented: Cell[]) =>
  csvRow.map((text, i) => (typeof presented[i] === "number" ? Number(text) : text));

describe("the report as one CSV", () => {
  it("opens in a spreadsheet as UTF-8: a BOM first and CRLF line endings only", () => {
    const text = reportCsv(report);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("starts with the title, scope, period and notes", () => {
    const { rows } = parseCsv(reportCsv(report));
    expect(rows.slice(0, 3)).toEqual([
      ["Báo cáo kết quả Phong trào Bình dân học vụ số"],
      ["Phạm vi", "Toàn phường"],
      ["Kỳ báo cáo", "từ 01/01/2026 đến 30/04/2026"],
    ]);
    expect(rows.slice(3, 3 + report.notes.length)).toEqual(report.notes.map((n) => ["Ghi chú", n]));
    expect(rows[3 + report.notes.length]).toEqual([""]);
  });

  it("round-trips every table in the plan's order: title, header, the presented cells", () => {
    const { rows } = parseCsv(reportCsv(report));
    const titles = REPORT_TABLES.map((name) => report[name].title);
    const titleRows = rows.filter((r) => r.length === 1 && titles.includes(r[0] as string)).map((r) => r[0]);
    expect(titleRows).toEqual(titles);
    for (const name of REPORT_TABLES) {
      const table = report[name];
      const read = csvTable(rows, table);
      expect(read.columns, name).toEqual(table.columns);
      expect(
        read.rows.map((r, i) => typedLike(r, table.rows[i] ?? [])),
        name,
      ).toEqual(table.rows);
    }
  });

  it("writes the seeded ward's numbers plainly, with a dot decimal, and small cells as text", () => {
    const lines = reportCsv(report).split("\r\n");
    expect(lines).toContain("Toàn phường,161,31,25,17,27,16,13,8.1,8,25.8,2,14");
    expect(lines).toContain("Tổ 2,50,< 5,< 5,< 5,< 5,< 5,< 5,< 5,< 5,< 5,0,< 5");
    expect(lines).toContain("2026-04,31,13");
  });

  it("neutralises text a spreadsheet would run as a formula, but not negative numbers", () => {
    const presented = withFormulaLabels(report);
    presented.activity = { ...presented.activity, rows: [["Chênh lệch", -2]] };
    const text = reportCsv(presented);
    const { rows } = parseCsv(text);
    const labels = csvTable(rows, presented.byTo).rows.map((r) => r[0]);
    expect(labels).toContain(`'${FORMULA}`);
    expect(labels).toContain("'+1");
    expect(labels).toContain("'@SUM(A1)");
    expect(labels).toContain("'-2");
    expect(labels.every((l) => !/^[=+\-@]/.test(l ?? ""))).toBe(true);
    expect(csvTable(rows, presented.activity).rows).toEqual([["Chênh lệch", "-2"]]);
  });
});

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The worksheet's header row: the first row whose cells are the table's columns. */
function headerRow(sheet: ExcelJS.Worksheet, table: Table): ExcelJS.Row {
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (table.columns.every((c, i) => row.getCell(i + 1).value === c)) return row;
  }
  throw new Error(`no header row for ${table.title}`);
}

/** A cell by row label and column name. */
function cellAt(sheet: ExcelJS.Worksheet, table: Table, label: string, column: string): ExcelJS.Cell {
  const header = headerRow(sheet, table);
  for (let n = header.number + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (row.getCell(1).value === label) return row.getCell(table.columns.indexOf(column) + 1);
  }
  throw new Error(`no row "${label}" in ${table.title}`);
}

describe("the report as an Excel workbook", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await load(await reportXlsx(report));
  });

  it("has one worksheet per table, named in Vietnamese, and says who made it", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Chỉ tiêu",
      "Theo tổ dân phố",
      "Theo nhóm",
      "Lớp học và thông báo",
      "Theo tháng",
    ]);
    expect(workbook.creator).toBe("hocvuso");
    expect(workbook.title).toContain("Báo cáo kết quả Phong trào Bình dân học vụ số");
    expect(workbook.title).toContain("từ 01/01/2026 đến 30/04/2026");
  });

  it("puts the title, scope, period and notes above a bold, frozen, wrapping header row", () => {
    for (const [i, name] of REPORT_TABLES.entries()) {
      const sheet = workbook.worksheets[i] as ExcelJS.Worksheet;
      const table = report[name];
      const header = headerRow(sheet, table);
      const above = Array.from({ length: header.number - 1 }, (_, n) => sheet.getRow(n + 1).getCell(1).value);
      expect(above.slice(0, 4), name).toEqual([
        report.title,
        table.title,
        "Phạm vi: Toàn phường",
        "Kỳ báo cáo: từ 01/01/2026 đến 30/04/2026",
      ]);
      for (const note of report.notes) expect(above).toContain(note);
      expect(header.getCell(1).font?.bold, name).toBe(true);
      expect(header.getCell(1).alignment?.wrapText, name).toBe(true);
      expect(sheet.views[0], name).toMatchObject({ state: "frozen", ySplit: header.number });
    }
  });

  it("holds exactly the presented cells below each header, numbers as numbers and small cells as text", () => {
    for (const [i, name] of REPORT_TABLES.entries()) {
      const sheet = workbook.worksheets[i] as ExcelJS.Worksheet;
      const table = report[name];
      const header = headerRow(sheet, table);
      const rows = Array.from({ length: sheet.rowCount - header.number }, (_, n) =>
        table.columns.map((_, c) => sheet.getRow(header.number + 1 + n).getCell(c + 1).value),
      );
      expect(rows, name).toEqual(table.rows);
    }
  });

  it("shows the seeded ward's hand-checked numbers, percentages with one decimal", () => {
    const sheet = workbook.getWorksheet("Theo tổ dân phố") as ExcelJS.Worksheet;
    const at = (label: string, column: string) => cellAt(sheet, report.byTo, label, column);
    expect(at("Toàn phường", "Đã đăng ký học").value).toBe(31);
    expect(at("Toàn phường", "Có chứng nhận").value).toBe(13);
    const percent = at("Toàn phường", "Có chứng nhận (% dân số)");
    expect(percent.value).toBe(8.1);
    expect(percent.numFmt).toBe("0.0");
    expect(at("Tổ 1", "Đạt học phần AI (% người học)").value).toBe(42.1);
    expect(at("Tổ 2", "Dân số").value).toBe(50);
    expect(at("Tổ 2", "Đã đăng ký học").value).toBe("< 5");
    expect(at("Tổ 2", "Đã đăng ký học").type).toBe(ExcelJS.ValueType.String);
    expect(at("Tổ 9", "Dân số").value).toBe("chưa có dân số");

    const targets = workbook.getWorksheet("Chỉ tiêu") as ExcelJS.Worksheet;
    const officials = "Cán bộ, công chức, viên chức có kiến thức, kỹ năng số";
    expect(cellAt(targets, report.targets, officials, "Tỷ lệ (%)").value).toBe(60);
    expect(cellAt(targets, report.targets, officials, "Cần thêm (người)").value).toBe(4);
    const trend = workbook.getWorksheet("Theo tháng") as ExcelJS.Worksheet;
    expect(cellAt(trend, report.trend, "2026-04", "Có chứng nhận").value).toBe(13);
    const activity = workbook.getWorksheet("Lớp học và thông báo") as ExcelJS.Worksheet;
    expect(cellAt(activity, report.activity, "Lượt nhận thông báo thành công", "Số lượng").value).toBe(18);
  });

  it("gives every column a readable width", () => {
    for (const sheet of workbook.worksheets)
      for (let c = 1; c <= sheet.columnCount; c++) {
        const width = sheet.getColumn(c).width ?? 0;
        expect(width).toBeGreaterThanOrEqual(10);
        expect(width).toBeLessThanOrEqual(50);
      }
  });

  it("keeps formula-like text as text", async () => {
    const book = await load(await reportXlsx(withFormulaLabels(report)));
    const sheet = book.getWorksheet("Theo tổ dân phố") as ExcelJS.Worksheet;
    const cell = sheet.getRow(headerRow(sheet, report.byTo).number + 1).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(FORMULA);
  });
});
