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
export const NO_POPULATION = "chưa có dân số";
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

const ROW_COLUMNS = [
  "Dân số",
  "Đã đăng ký học",
  "Đăng ký mới trong kỳ",
  "Hoạt động 30 ngày qua",
  "Bài học đã đọc",
  "Lượt đạt học phần",
  "Có chứng nhận",
  "Có chứng nhận (% dân số)",
  "Đạt học phần AI",
  "Đạt học phần AI (% người học)",
  "Buổi học",
  "Lượt điểm danh",
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
    if (ROW_COLUMNS[col - 1] === "Buổi học" || ROW_COLUMNS[col - 1]?.includes("%")) continue;
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
  const period = `từ ${formatDay(report.range.from)} đến ${formatDay(report.range.to)}`;
  const notes: string[] = [];
  if (!report.populationImportedAt)
    notes.push("Chưa nhập dân số theo tổ dân phố: chưa tính được tỷ lệ trên dân số.");
  if (report.tosWithoutPopulation.length)
    notes.push(`Có người học ở tổ chưa có trong bảng dân số: ${report.tosWithoutPopulation.join(", ")}.`);
  notes.push(`Ô dưới 5 người ghi "${SMALL}" để không lộ thông tin cá nhân.`);
  return {
    title: "Báo cáo kết quả Phong trào Bình dân học vụ số",
    period,
    scope: scopeLabel,
    notes,
    targets: {
      title: "Chỉ tiêu (mục III của Kế hoạch)",
      columns: [
        "Chỉ tiêu",
        "Mục tiêu (%)",
        "Cách tính",
        "Số người đạt",
        "Trên tổng số",
        "Tỷ lệ (%)",
        "Còn thiếu (điểm %)",
        "Cần thêm (người)",
        "Đánh giá",
      ],
      rows: report.targets.map((t) => {
        const hidden = t.numerator < MIN_PEOPLE || (t.denominator ?? 0) < MIN_PEOPLE;
        return [
          t.label,
          `${t.kind === "above" ? "trên " : ""}${Math.round(t.target * 100)}`,
          t.measure,
          people(t.numerator),
          people(t.denominator),
          percent(t.numerator, t.denominator),
          t.gapPoints === null || hidden ? "—" : t.gapPoints,
          t.peopleNeeded === null || hidden ? "—" : t.peopleNeeded,
          t.met === null ? "Chưa có số liệu" : t.met ? "Đạt" : "Chưa đạt",
        ];
      }),
    },
    byTo: {
      title: "Theo tổ dân phố",
      columns: ["Tổ dân phố", ...ROW_COLUMNS],
      rows: [
        ...suppressComplements(report.tos.map((row) => [row.label, ...rowCells(row)])),
        [report.total.label, ...rowCells(report.total)],
      ],
    },
    byGroup: {
      title: "Theo nhóm người học",
      columns: ["Nhóm", ...ROW_COLUMNS],
      rows: suppressComplements(report.groups.map((row) => [GROUP_LABELS[row.group], ...rowCells(row)])),
    },
    activity: {
      title: "Lớp học và thông báo",
      columns: ["Nội dung", "Số lượng"],
      rows: [
        ["Buổi học đã tổ chức", report.total.classesHeld],
        ["Lượt điểm danh", people(report.total.attendance)],
        ["Thông báo đã gửi", report.notices.sent],
        ["Lượt nhận thông báo thành công", people(report.notices.delivered)],
        ["Lượt người nhận theo danh sách", people(report.notices.recipients)],
      ],
    },
    trend: {
      title: "Theo tháng (lũy kế)",
      columns: ["Tháng", "Đã đăng ký học", "Có chứng nhận"],
      rows: report.trend.map((p) => [p.month, people(p.registered), people(p.certified)]),
    },
  };
}

/** "1.234" or "45,2" for people reading Vietnamese. */
export function formatCell(cell: Cell): string {
  return typeof cell === "number" ? cell.toLocaleString("vi-VN") : cell;
}
