import { dateErrorText, organizerMessages as om } from "../catalog/assistant-organizer.ts";
import type { Reply } from "../messaging/message.ts";
import { type Audience, isLearnerGroup, parseToList, withinScope } from "../organizer/audience.ts";
import type { ClassRecord } from "../organizer/classes.ts";
import { formatVietnamDateTime, parseVietnamDateTime } from "../organizer/datetime.ts";
import { describeScope, type Organizer } from "../organizer/roles.ts";
import { scheduleClassReminders } from "../organizer/scheduler.ts";
import { act } from "./actions.ts";
import { foldForMatch } from "./input.ts";
import {
  type ClassDraft,
  type DialogueInput,
  describeAudience,
  dlg,
  endDialogue,
  groupOptions,
  moduleOptions,
  type OrgScope,
  saveDialogue,
  typedChoice,
} from "./organizer-context.ts";

type ClassStep = "topic" | "when" | "place" | "to" | "group" | "capacity" | "confirm";

/** /taolop: starts the guided class dialogue. */
export async function startClassDialogue(scope: OrgScope): Promise<Reply[]> {
  await saveDialogue(scope, { kind: "class", step: "topic", data: {} });
  return [stepReply(scope, "topic")];
}

function stepReply(scope: OrgScope, step: ClassStep, prefix?: string): Reply {
  const text = (body: string) => (prefix ? `${prefix}\n${body}` : body);
  switch (step) {
    case "topic":
      return { text: text(`${om.classTopic}\n${om.cancelHint}`), options: moduleOptions(scope.ctx) };
    case "when":
      return { text: text(om.classWhen) };
    case "place":
      return { text: text(om.classPlace) };
    case "to":
      return { text: text(om.classTo), options: [dlg("ward", om.wholeWard)] };
    case "group":
      return { text: text(om.classGroup), options: groupOptions(true) };
    case "capacity":
      return { text: text(om.classCapacity) };
    default:
      return { text: text(om.pleaseChoose) };
  }
}

function audienceOf(draft: ClassDraft): Audience {
  return { ...(draft.tos ? { tos: draft.tos } : {}), ...(draft.group ? { group: draft.group } : {}) };
}

async function confirmReply(scope: OrgScope, organizer: Organizer, draft: ClassDraft): Promise<Reply> {
  const audience = withinScope(audienceOf(draft), organizer.scope) ?? audienceOf(draft);
  const { recipients, reach } = await scope.org.preview(audience);
  const when = formatVietnamDateTime(new Date(draft.startsAt ?? 0));
  return {
    text: om.classSummary(
      draft.topic ?? "",
      when,
      draft.place ?? "",
      describeAudience(scope.ctx, audience),
      draft.capacity ?? 0,
      recipients,
      reach,
    ),
    options: [dlg("ok", om.confirm), dlg("no", om.cancel)],
  };
}

type StepResult = { next: ClassStep; data: ClassDraft } | { error: string };

function readStep(
  scope: OrgScope,
  organizer: Organizer,
  step: ClassStep,
  input: DialogueInput,
  draft: ClassDraft,
): StepResult {
  const { text } = input;
  switch (step) {
    case "topic": {
      const choice = typedChoice(input, moduleOptions(scope.ctx));
      const module = choice?.startsWith("m-")
        ? scope.ctx.curriculum.modules.find((m) => m.slug === choice.slice(2))
        : undefined;
      if (module) return { next: "when", data: { ...draft, topic: module.title, module: module.slug } };
      if ([...text].length < 3 || [...text].length > 120) return { error: om.badTopic };
      return { next: "when", data: { ...draft, topic: text } };
    }
    case "when": {
      const when = parseVietnamDateTime(text, scope.ctx.now());
      if (!when.ok) return { error: dateErrorText(when.error) };
      const end = when.end ? { endsAt: when.end.toISOString() } : {};
      return { next: "place", data: { ...draft, startsAt: when.start.toISOString(), ...end } };
    }
    case "place":
      if ([...text].length < 3 || [...text].length > 200) return { error: om.badPlace };
      return { next: "to", data: { ...draft, place: text } };
    case "to": {
      if (input.choice === "ward" || /^(ca )?phuong$/.test(foldForMatch(text))) {
        const { tos: _drop, ...rest } = draft;
        return { next: "group", data: rest };
      }
      const tos = parseToList(text);
      if (!tos) return { error: om.badTo };
      if (!withinScope({ tos }, organizer.scope))
        return { error: om.outOfScope(describeScope(organizer.scope)) };
      return { next: "group", data: { ...draft, tos } };
    }
    case "group": {
      const choice = typedChoice(input, groupOptions(true));
      if (choice === "all") {
        const { group: _drop, ...rest } = draft;
        return { next: "capacity", data: rest };
      }
      const group = choice?.slice(2) ?? "";
      if (!choice?.startsWith("g-") || !isLearnerGroup(group)) return { error: om.pleaseChoose };
      return { next: "capacity", data: { ...draft, group } };
    }
    case "capacity": {
      const n = /^\d{1,6}$/.test(text) ? Number(text) : 0;
      if (n < 1 || n > 500) return { error: om.badCapacity };
      return { next: "confirm", data: { ...draft, capacity: n } };
    }
    default:
      return { error: om.pleaseChoose };
  }
}

/** One answer in the class dialogue: validates it, stores the draft, asks the next question. */
export async function continueClassDialogue(
  scope: OrgScope,
  organizer: Organizer,
  step: ClassStep,
  draft: ClassDraft,
  input: DialogueInput,
): Promise<Reply[]> {
  if (step === "confirm") {
    const choice = typedChoice(input, [dlg("ok", om.confirm), dlg("no", om.cancel)]);
    if (choice === "no") {
      await endDialogue(scope);
      return [{ text: om.cancelledDialogue }];
    }
    if (choice !== "ok") return [await confirmReply(scope, organizer, draft)];
    return createClass(scope, organizer, draft);
  }
  const result = readStep(scope, organizer, step, input, draft);
  if ("error" in result) return [stepReply(scope, step, result.error)];
  await saveDialogue(scope, { kind: "class", step: result.next, data: result.data });
  if (result.next === "confirm") return [await confirmReply(scope, organizer, result.data)];
  return [stepReply(scope, result.next)];
}

async function createClass(scope: OrgScope, organizer: Organizer, draft: ClassDraft): Promise<Reply[]> {
  const now = scope.ctx.now();
  const startsAt = new Date(draft.startsAt ?? 0);
  if (startsAt.getTime() <= now.getTime()) {
    await saveDialogue(scope, { kind: "class", step: "when", data: draft });
    return [stepReply(scope, "when", om.datePast)];
  }
  const audience = withinScope(audienceOf(draft), organizer.scope);
  if (!audience) return [{ text: om.outOfScope(describeScope(organizer.scope)) }];
  const record = await scope.org.classes.create(
    {
      topic: draft.topic ?? "",
      ...(draft.module ? { module: draft.module } : {}),
      startsAt,
      ...(draft.endsAt ? { endsAt: new Date(draft.endsAt) } : {}),
      place: draft.place ?? "",
      audience,
      capacity: draft.capacity ?? 1,
      createdBy: organizer.personId,
    },
    now,
  );
  await scheduleClassReminders(scope.org.store, record, now);
  const label = describeAudience(scope.ctx, audience);
  const { recipients, reach } = await scope.org.queue(
    audience,
    {
      kind: "class",
      ...announcement(record),
      audienceLabel: label,
      createdBy: organizer.personId,
      sendAt: now,
      urgent: false,
      ref: record.id,
    },
    now,
  );
  await scope.org.audit.record({
    at: now.toISOString(),
    actor: organizer.personId,
    action: "class-create",
    target: record.id,
    detail: label,
    audience: recipients,
  });
  await endDialogue(scope);
  return [{ text: om.classCreated(record.code, recipients, reach) }];
}

/** The announcement residents get, with the RSVP options. */
export function announcement(record: ClassRecord): Reply {
  return {
    text: om.classAnnouncement(
      record.topic,
      formatVietnamDateTime(record.startsAt),
      record.place,
      record.capacity,
    ),
    options: [
      { label: om.join, action: act("rsvp", `${record.id}.y`) },
      { label: om.decline, action: act("rsvp", `${record.id}.n`) },
    ],
  };
}
