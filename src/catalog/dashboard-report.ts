/**
 * What the dashboard's report page and its charts say. Plain text only: the markup and the escaping stay in
 * src/http/dashboard/. Arguments documented as "marked up" or "escaped" are inserted as they come.
 */

import { reportWords, rowColumns, targetColumns } from "./reports.ts";

/**
 * Column names and verdicts of the report's tables, taken from the report presenter's own words
 * (catalog/reports.ts): the page finds its cells by these, so they cannot drift apart.
 */
export const reportColumns = {
  certifiedPercent: rowColumns.certifiedShare,
  verdict: targetColumns.verdict,
  percent: targetColumns.percent,
  gap: targetColumns.gap,
  needed: targetColumns.needed,
  met: targetColumns.met,
  outOf: targetColumns.outOf,
  method: targetColumns.method,
  target: targetColumns.target,
} as const;

export const reportVerdicts = { met: reportWords.targets.met, unmet: reportWords.targets.notMet } as const;

/** The report page. */
export const reportPageText = {
  pageTitle: "Bảng số liệu — Bình dân học vụ số",
  rangeHeading: "Kỳ báo cáo",
  from: "Từ ngày",
  to: "Đến ngày",
  show: "Xem báo cáo",
  presets: {
    halfYear: "6 tháng (báo cáo trước 20/5)",
    wholeYear: "Cả năm",
    lastYear: "Năm trước",
  },
  period: "Kỳ báo cáo",
  downloadCsv: "Tải CSV",
  downloadExcel: "Tải Excel",
  certifiedByTo: "Tỷ lệ có chứng nhận theo tổ dân phố",
  notes: "Ghi chú",
  contactsHeading: "Thông tin liên hệ tại phường",
  contactsHint:
    "Địa chỉ, giờ làm việc của Công an phường, Trung tâm Phục vụ hành chính công phường… mà trợ lý kèm theo " +
    "khi chỉ người dân đến đó.",
  contactsLink: "Xem và sửa",
  /** The tooltip of a hidden ("< 5") cell. */
  hiddenTitle: "Dưới 5 người: không hiện số để bảo vệ thông tin cá nhân",
  swipe: "Vuốt ngang để xem hết các cột.",
  /** The accessible name of a table's scrolling box; `title` comes escaped. */
  tableRegion: (title: string) => `Bảng số liệu: ${title}`,
  noData: "Chưa có số liệu.",
  monthlyTable: "Xem bảng số liệu theo tháng",
  trendSeries: { enrolled: "Đã đăng ký học", certified: "Có chứng nhận" },
  certifiedCaption: (targetPercent: number) =>
    `Đường gạch đứt là mục tiêu ${targetPercent}%. Ô gạch chéo: dưới 5 người, không hiện số.`,
} as const;

/** The targets table; on a phone each row becomes a card whose boxes carry these labels. */
export const targetsText = {
  indicator: "Chỉ tiêu",
  reached: "Đạt được",
  target: "Mục tiêu",
  gap: "Còn thiếu (điểm %)",
  verdict: "Đánh giá",
  /** "12 / 40 người": the numbers come formatted. */
  people: (met: string, outOf: string) => `${met} / ${outOf} người`,
  /** Under the gap; `count` comes escaped. */
  needMore: (count: string) => `cần thêm ${count} người`,
} as const;

/** The charts' words; their text summaries are read out by screen readers. */
export const chartText = {
  /** The summary of the bar chart; `bars` are "label value" pairs. */
  certifiedSummary: (targetPercent: number, bars: string[]) =>
    `Tỷ lệ có chứng nhận trên dân số, mục tiêu ${targetPercent}%: ${bars.join("; ")}.`,
  hiddenBar: "< 5 người (ẩn)",
  target: (targetPercent: number) => `Mục tiêu ${targetPercent}%`,
  hiddenValue: "dưới 5 người, không hiện số",
  noPopulation: "chưa có dân số",
  /** The summary of the trend chart; `lines` are one "label month value, …" per series. */
  trendSummary: (lines: string[]) => `Lũy kế theo tháng: ${lines.join("; ")}.`,
  hiddenPoint: "dưới 5",
  /** A month in words: "tháng 3/2026". */
  month: (month: number, year: string) => `tháng ${month}/${year}`,
} as const;
