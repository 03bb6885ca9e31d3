import { REPORT_FILLER_WORDS, reportMessages as rm } from "../catalog/assistant-reports.ts";
import type { Reply } from "../messaging/message.ts";
import { parseReportRange } from "../organizer/reports/range.ts";
import { reportText } from "../organizer/reports/report-text.ts";
import type { Organizer } from "../organizer/roles.ts";
import type { OrgScope } from "./organizer-context.ts";

const DATE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/g;
/** Words allowed around the dates (catalog/assistant-reports.ts). */
const FILLER = new Set(REPORT_FILLER_WORDS);

/** /baocao [từ ngày] [đến ngày]: the report of the organizer's scope as a short text. */
export async function reportReply(scope: OrgScope, organizer: Organizer, args: string): Promise<Reply[]> {
  const dates = args.match(DATE) ?? [];
  const words = args
    .replace(DATE, " ")
    .split(/[\s,–—-]+/)
    .filter(Boolean);
  if (dates.length > 2 || !words.every((w) => FILLER.has(w.toLowerCase()))) return [{ text: rm.reportUsage }];
  const parsed = parseReportRange(dates[0], dates[1], scope.ctx.now());
  if (!parsed.ok)
    return [{ text: parsed.error === "format" ? rm.badDate(parsed.text ?? "") : rm.endBeforeStart }];
  const { presented } = await scope.org.reports.produce(parsed.range, organizer.scope, scope.ctx.now());
  return [{ text: `${reportText(presented)}\n\n${rm.dashboardHint}` }];
}

/** /quantri: a one-time code for the organizers' web dashboard, sent only in a private chat. */
export async function dashboardLoginReply(scope: OrgScope, organizer: Organizer): Promise<Reply[]> {
  const code = await scope.org.dashboard.issueCode(organizer.personId);
  scope.logger.info({ channel: scope.inbound.channel }, "dashboard code issued");
  return [{ text: rm.dashboardCode(code, `${scope.ctx.publicUrl}/quan-tri/dang-nhap`) }];
}
