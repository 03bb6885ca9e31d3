import { QUESTION_LOG_WORDS, reportMessages as rm } from "../catalog/assistant-reports.ts";
import type { Reply } from "../messaging/message.ts";
import type { Organizer } from "../organizer/roles.ts";
import { vietnamDate } from "../shared/vietnam-time.ts";
import type { OrgScope } from "./organizer-context.ts";

const SHOWN = 30;

/** /nhatky [bat|tat|xem]: ward organizers turn the anonymised question log on or off, or read its gaps. */
export async function questionLogReply(
  scope: OrgScope,
  organizer: Organizer,
  args: string,
): Promise<Reply[]> {
  if (!organizer.scope.ward) return [{ text: rm.questionLogWardOnly }];
  const log = scope.org.questionLog;
  const word = args.trim().toLowerCase();
  const now = scope.ctx.now();
  const on = (QUESTION_LOG_WORDS.on as readonly string[]).includes(word);
  if (on || (QUESTION_LOG_WORDS.off as readonly string[]).includes(word)) {
    await log.setEnabled(on);
    await scope.org.audit.record({
      at: now.toISOString(),
      actor: organizer.personId,
      action: on ? "question-log-on" : "question-log-off",
    });
    return [{ text: on ? rm.questionLogOn : rm.questionLogOff }];
  }
  if (word === QUESTION_LOG_WORDS.show) {
    const all = await log.month(vietnamDate(now).slice(0, 7));
    const refused = all.filter((q) => q.refused).slice(-SHOWN);
    if (!refused.length) return [{ text: rm.questionLogEmpty }];
    return [
      {
        text: rm.questionLogRefused(
          refused.map((q) => `• ${q.day.slice(8)}/${q.day.slice(5, 7)}: ${q.text}`),
          all.length,
        ),
      },
    ];
  }
  return [{ text: rm.questionLogStatus(await log.enabled()) }];
}
