import { dateErrorText, organizerMessages as om } from "../catalog/assistant-organizer.ts";
import type { Reply } from "../messaging/message.ts";
import { type Audience, isLearnerGroup, parseToList, withinScope } from "../organizer/audience.ts";
import { formatVietnamDateTime, parseVietnamDateTime } from "../organizer/datetime.ts";
import { describeScope, type Organizer } from "../organizer/roles.ts";
import { foldForMatch } from "./input.ts";
import {
  type DialogueInput,
  describeAudience,
  dlg,
  endDialogue,
  groupOptions,
  moduleOptions,
  type NoticeDraft,
  type OrgScope,
  saveDialogue,
  typedChoice,
} from "./organizer-context.ts";

export const NOTICE_MAX_CHARS = 5000;
type NoticeStep = "text" | "audience" | "to" | "group" | "module" | "when" | "confirm";

const audienceOptions = () => [
  dlg("ward", om.audWard),
  dlg("to", om.audTo),
  dlg("grp", om.audGroup),
  dlg("unc", om.audUncertified),
  dlg("mod", om.audModule),
];
const confirmOptions = () => [dlg("ok", om.send), dlg("urgent", om.sendUrgent), dlg("no", om.cancel)];

/** /thongbao: starts the notice dialogue. */
export async function startNoticeDialogue(scope: OrgScope): Promise<Reply[]> {
  await saveDialogue(scope, { kind: "notice", step: "text", data: {} });
  return [{ text: `${om.noticeText}\n${om.cancelHint}` }];
}

function stepReply(scope: OrgScope, step: NoticeStep, prefix?: string): Reply {
  const text = (body: string) => (prefix ? `${prefix}\n${body}` : body);
  switch (step) {
    case "audience":
      return { text: text(om.noticeAudience), options: audienceOptions() };
    case "to":
      return { text: text(om.noticeTo) };
    case "group":
      return { text: text(om.noticeGroup), options: groupOptions(false) };
    case "module":
      return { text: text(om.noticeModule), options: moduleOptions(scope.ctx) };
    case "when":
      return { text: text(om.noticeWhen), options: [dlg("now", om.sendNow)] };
    default:
      return { text: text(om.noticeText) };
  }
}

type StepResult = { next: NoticeStep; data: NoticeDraft } | { error: string };

function pickAudience(organizer: Organizer, draft: NoticeDraft, audience: Audience): StepResult {
  const scoped = withinScope(audience, organizer.scope);
  if (!scoped) return { error: om.outOfScope(describeScope(organizer.scope)) };
  return { next: "when", data: { ...draft, audience: scoped } };
}

function readStep(
  scope: OrgScope,
  organizer: Organizer,
  step: NoticeStep,
  input: DialogueInput,
  draft: NoticeDraft,
): StepResult {
  switch (step) {
    case "text": {
      const length = [...input.longText].length;
      if (!length) return { error: om.noticeEmpty };
      if (length > NOTICE_MAX_CHARS) return { error: om.noticeTooLong(NOTICE_MAX_CHARS) };
      return { next: "audience", data: { ...draft, text: input.longText } };
    }
    case "audience": {
      const choice = input.choice ?? (/^(ca )?phuong$/.test(foldForMatch(input.text)) ? "ward" : undefined);
      if (choice === "ward") return pickAudience(organizer, draft, {});
      if (choice === "to") return { next: "to", data: draft };
      if (choice === "grp") return { next: "group", data: draft };
      if (choice === "mod") return { next: "module", data: draft };
      if (choice === "unc") return pickAudience(organizer, draft, { uncertified: true });
      const tos = parseToList(input.text);
      return tos ? pickAudience(organizer, draft, { tos }) : { error: om.pleaseChoose };
    }
    case "to": {
      const tos = parseToList(input.text);
      return tos ? pickAudience(organizer, draft, { tos }) : { error: om.badTo };
    }
    case "group": {
      const group = typedChoice(input, groupOptions(false))?.slice(2) ?? "";
      return isLearnerGroup(group) ? pickAudience(organizer, draft, { group }) : { error: om.pleaseChoose };
    }
    case "module": {
      const slug = typedChoice(input, moduleOptions(scope.ctx))?.slice(2) ?? "";
      if (!scope.ctx.curriculum.modules.some((m) => m.slug === slug)) return { error: om.pleaseChoose };
      return pickAudience(organizer, draft, { module: slug });
    }
    case "when": {
      if (input.choice === "now") {
        const { sendAt: _drop, ...rest } = draft;
        return { next: "confirm", data: rest };
      }
      const when = parseVietnamDateTime(input.text, scope.ctx.now());
      if (!when.ok) return { error: dateErrorText(when.error) };
      return { next: "confirm", data: { ...draft, sendAt: when.start.toISOString() } };
    }
    default:
      return { error: om.pleaseChoose };
  }
}

async function preview(scope: OrgScope, draft: NoticeDraft): Promise<Reply[]> {
  const audience = draft.audience ?? {};
  const { recipients, reach: report } = await scope.org.preview(audience);
  const when = draft.sendAt ? formatVietnamDateTime(new Date(draft.sendAt)) : om.nowWord;
  return [
    { text: `${om.previewTitle}\n\n${draft.text ?? ""}` },
    {
      text: om.noticeSummary(recipients, describeAudience(scope.ctx, audience), when, report),
      options: confirmOptions(),
    },
  ];
}

/** One answer in the notice dialogue. */
export async function continueNoticeDialogue(
  scope: OrgScope,
  organizer: Organizer,
  step: NoticeStep,
  draft: NoticeDraft,
  input: DialogueInput,
): Promise<Reply[]> {
  if (step === "confirm") {
    const choice = typedChoice(input, confirmOptions());
    if (choice === "no") {
      await endDialogue(scope);
      return [{ text: om.cancelledDialogue }];
    }
    if (choice !== "ok" && choice !== "urgent") return preview(scope, draft);
    return queueNotice(scope, organizer, draft, choice === "urgent");
  }
  const result = readStep(scope, organizer, step, input, draft);
  if ("error" in result) return [stepReply(scope, step, result.error)];
  await saveDialogue(scope, { kind: "notice", step: result.next, data: result.data });
  if (result.next === "confirm") return preview(scope, result.data);
  return [stepReply(scope, result.next)];
}

async function queueNotice(
  scope: OrgScope,
  organizer: Organizer,
  draft: NoticeDraft,
  urgent: boolean,
): Promise<Reply[]> {
  const now = scope.ctx.now();
  const audience = withinScope(draft.audience ?? {}, organizer.scope);
  if (!audience) return [{ text: om.outOfScope(describeScope(organizer.scope)) }];
  await endDialogue(scope);
  const sendAt = draft.sendAt && new Date(draft.sendAt) > now ? new Date(draft.sendAt) : now;
  const label = describeAudience(scope.ctx, audience);
  const { id, recipients, reach } = await scope.org.queue(
    audience,
    {
      kind: "notice",
      text: draft.text ?? "",
      audienceLabel: label,
      createdBy: organizer.personId,
      sendAt,
      urgent,
    },
    now,
  );
  if (!id) return [{ text: om.nobody }];
  await scope.org.audit.record({
    at: now.toISOString(),
    actor: organizer.personId,
    action: "broadcast",
    target: id,
    detail: `${label}${urgent ? om.urgentMark : ""}`,
    audience: recipients,
  });
  const when = sendAt > now ? formatVietnamDateTime(sendAt) : om.nowWord;
  return [{ text: om.noticeQueued(id, recipients, when, reach) }];
}
