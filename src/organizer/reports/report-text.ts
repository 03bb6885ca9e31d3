import { activityRows, rowColumns as C, reportWords, reportTextWords as T } from "../../catalog/reports.ts";
import { type Cell, formatCell, type PresentedReport, SMALL, type Table } from "./present.ts";

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
  const { byTo, activity } = report;
  const totalLabel = byTo.rows.at(-1)?.[0] as string;
  const line = (label: string) =>
    T.people(
      cell(byTo, label, C.registered),
      cell(byTo, label, C.certified),
      share(cell(byTo, label, C.certifiedShare), T.ofPopulation),
      cell(byTo, label, C.active30),
    );
  const toLines = byTo.rows.slice(0, -1).map((r) => `• ${r[0]}: ${line(r[0] as string)}.`);
  const count = (label: string) => formatCell(activity.rows.find((r) => r[0] === label)?.[1] ?? "");
  const A = activityRows;
  return [
    `📊 ${report.title}`,
    `${report.scope}, ${report.period}.`,
    "",
    T.targetsHeading,
    ...report.targets.rows.map(targetLine),
    "",
    `${totalLabel}: ${line(totalLabel)}; ${T.learning(cell(byTo, totalLabel, C.lessonsRead), cell(byTo, totalLabel, C.modulePasses), cell(byTo, totalLabel, C.aiPassed))}`,
    T.activity(count(A.classesHeld), count(A.attendance), count(A.noticesSent), count(A.noticesDelivered)),
    "",
    T.byToHeading,
    ...toLines,
    "",
    ...report.notes,
  ].join("\n");
}

/** "• label: 42,1% (120/285). Mục tiêu 50% — còn thiếu 7,9 điểm %, cần thêm 23 người." */
function targetLine(row: Cell[]): string {
  const [label, goal, , reached, over, rate, gap, needed, verdict] = row.map((c) => formatCell(c ?? ""));
  const value =
    rate === SMALL
      ? T.fewerThanFive(over ?? "")
      : isNumber(rate ?? "")
        ? `${pct(rate ?? "")} (${reached}/${over})`
        : rate;
  const rest =
    verdict === reportWords.targets.met
      ? T.met
      : gap && gap !== "—"
        ? T.gap(gap, needed ?? "")
        : (verdict ?? "");
  return T.target(label ?? "", value ?? "", goal ?? "", rest);
}
