import { organizerMessages as om } from "../catalog/assistant-organizer.ts";
import type { Reply, ReplyOption } from "../messaging/message.ts";
import type { Organizer } from "../organizer/roles.ts";
import { act } from "./actions.ts";
import type { OrgScope } from "./organizer-context.ts";

/** /baocaogui: per broadcast sent / failed / unreachable / pending / ambiguous, with a stop option. */
export async function broadcastStatusReply(scope: OrgScope, organizer: Organizer): Promise<Reply[]> {
  const all = await scope.org.outbox.recent(30);
  const visible = all.filter((b) => organizer.scope.ward || b.createdBy === organizer.personId).slice(0, 10);
  if (!visible.length) return [{ text: om.noBroadcasts }];
  const lines: string[] = [];
  const options: ReplyOption[] = [];
  let ambiguous = false;
  for (const b of visible) {
    const counts = await scope.org.outbox.counts(b.id);
    ambiguous ||= counts.ambiguous > 0;
    lines.push(
      om.broadcastLine(
        b.id,
        om.kindLabels[b.kind] ?? b.kind,
        om.statusLabels[b.status] ?? b.status,
        b.total,
        counts,
      ),
    );
    if (b.status === "scheduled" || b.status === "sending")
      options.push({ label: om.stopN(b.id), action: act("bcx", b.id) });
  }
  const text = `${om.broadcastsTitle}\n${lines.join("\n")}${ambiguous ? `\n${om.ambiguousNote}` : ""}`;
  return [options.length ? { text, options } : { text }];
}

/** Stops a broadcast: the sender stops before its next message; the report says so. */
export async function cancelBroadcastReply(
  scope: OrgScope,
  organizer: Organizer,
  id: string,
): Promise<Reply[]> {
  const record = await scope.org.outbox.get(id);
  if (!record || (!organizer.scope.ward && record.createdBy !== organizer.personId))
    return [{ text: om.broadcastNotCancelled }];
  if (!(await scope.org.outbox.cancel(id))) return [{ text: om.broadcastNotCancelled }];
  await scope.org.audit.record({
    at: scope.ctx.now().toISOString(),
    actor: organizer.personId,
    action: "broadcast-cancel",
    target: id,
  });
  return [{ text: om.broadcastCancelled(id) }];
}
