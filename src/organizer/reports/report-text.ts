import { formatCell, type PresentedReport, SMALL, type Table } from "./present.ts";

/** A table's cell by row label and column name. */
function cell(table: Table, rowLabel: string, column: string): string {
  const row = table.rows.find((r) => r[0] === rowLabel);
  const i = table.columns.indexOf(column);
  return row && i >= 0 ? formatCell(row[i] ?? "") : "";
}

const isNumber = (text: string) => /^[\d.,]+$/.test(text);
const pct = (text: string) => (isNumber(text) ? `${text}%` : text);
/** " (15,8% dân số)", " (chưa có dân số)", or nothing for a hidden small cell. */
const share = (text: string, of: string) =>
  isNumber(text) ? ` (${text}% ${of})` : text === SMALL ? "" : ` (${text})`;

/** The short text summary an organizer gets in the chat (/baocao), from the same cells as every output. */
export function reportText(report: PresentedReport): string {
  const { targets, byTo, activity } = report;
  const targetLines = targets.rows.map((r) => {
    const [label, goal, , reached, over, rate, gap, needed, verdict] = r.map((c) => formatCell(c ?? ""));
    const value =
      rate === SMALL
        ? `dưới 5 người trên tổng ${over}`
        : isNumber(rate ?? "")
          ? `${pct(rate ?? "")} (${reached}/${over})`
          : rate;
    const rest =
      verdict === "Đạt"
        ? "ĐẠT"
        : gap && gap !== "—"
          ? `còn thiếu ${gap} điểm %, cần thêm ${needed} người`
          : (verdict ?? "");
    return `• ${label}: ${value}. Mục tiêu ${goal}% — ${rest}.`;
  });
  const totalLabel = byTo.rows.at(-1)?.[0] as string;
  const line = (label: string) =>
    `${cell(byTo, label, "Đã đăng ký học")} đăng ký học, ${cell(byTo, label, "Có chứng nhận")} có chứng nhận${share(cell(byTo, label, "Có chứng nhận (% dân số)"), "dân số")}, ${cell(byTo, label, "Hoạt động 30 ngày qua")} hoạt động 30 ngày qua`;
  const toLines = byTo.rows.slice(0, -1).map((r) => `• ${r[0]}: ${line(r[0] as string)}.`);
  const count = (label: string) => formatCell(activity.rows.find((r) => r[0] === label)?.[1] ?? "");
  return [
    `📊 ${report.title}`,
    `${report.scope}, ${report.period}.`,
    "",
    "Chỉ tiêu của Kế hoạch (mục III):",
    ...targetLines,
    "",
    `${totalLabel}: ${line(totalLabel)}; ${cell(byTo, totalLabel, "Bài học đã đọc")} bài học đã đọc, ${cell(byTo, totalLabel, "Lượt đạt học phần")} lượt đạt học phần, ${cell(byTo, totalLabel, "Đạt học phần AI")} người đạt học phần AI.`,
    `Lớp học: ${count("Buổi học đã tổ chức")} buổi, ${count("Lượt điểm danh")} lượt điểm danh. Thông báo: ${count("Thông báo đã gửi")}, ${count("Lượt nhận thông báo thành công")} lượt nhận thành công.`,
    "",
    "Theo tổ dân phố:",
    ...toLines,
    "",
    ...report.notes,
  ].join("\n");
}
