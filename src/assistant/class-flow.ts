import { learningMessages } from "../catalog/assistant-learning.ts";
import { organizerMessages as om } from "../catalog/assistant-organizer.ts";
import { FailedAttempts } from "../learning/failed-attempts.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import type { Reply } from "../messaging/message.ts";
import type { ClassRecord } from "../organizer/classes.ts";
import { formatVietnamDateTime } from "../organizer/datetime.ts";
import type { Organizer } from "../organizer/roles.ts";
import { act } from "./actions.ts";
import { endDialogue, type OrgScope, saveDialogue } from "./organizer-context.ts";

const when = (c: ClassRecord) => formatVietnamDateTime(c.startsAt);

/** A tap on "Tham gia" / "Không tham gia" / "Hủy đăng ký"; a freed seat is offered to the first waitlisted. */
export async function rsvpReply(scope: OrgScope, arg: string): Promise<Reply[]> {
  // A seat is for a learner who has registered and agreed to have it kept, not for any fresh session.
  const learner = await scope.ctx.learners.get(scope.personId);
  if (!learner?.consentAt || learner.step !== "ready") return [{ text: learningMessages.needOnboarding }];
  const [classId = "", code] = arg.split(".");
  const choice = code === "y" ? "join" : code === "n" ? "decline" : "cancel";
  const now = scope.ctx.now();
  const result = await scope.org.classes.rsvp(classId, scope.personId, choice, now);
  const record = await scope.org.classes.get(classId);
  if (!record || result.status === "unknown") return [{ text: om.rsvpUnknown }];
  if ("promoted" in result && result.promoted) await offerSeat(scope, record, result.promoted, now);
  switch (result.status) {
    case "going":
      return [{ text: om.rsvpGoing(record.topic, when(record)), options: [cancelOption(record)] }];
    case "waitlist":
      return [{ text: om.rsvpWaitlist(result.position), options: [cancelOption(record)] }];
    case "declined":
      return [{ text: om.rsvpDeclined }];
    case "cancelled":
      return [{ text: om.rsvpCancelled }];
    default:
      return [{ text: om.rsvpClosed }];
  }
}

const cancelOption = (record: ClassRecord) => ({
  label: om.cancelRsvp,
  action: act("rsvp", `${record.id}.x`),
});

async function offerSeat(scope: OrgScope, record: ClassRecord, personId: string, now: Date): Promise<void> {
  await scope.org.outbox.create(
    {
      kind: "seat",
      text: om.seatFreed(record.topic, when(record), record.place),
      options: [cancelOption(record)],
      audienceLabel: om.seatAudience,
      createdBy: "system",
      sendAt: now,
      urgent: false,
      ref: record.id,
    },
    [personId],
    now,
  );
}

/** /lichhoc: upcoming classes for the learner's tổ and group, with their answer and quick options. */
export async function classesReply(scope: OrgScope, profile: LearnerProfile): Promise<Reply[]> {
  const now = scope.ctx.now();
  const classes = (await scope.org.classes.upcomingFor(scope.personId, profile.to, profile.group, now)).slice(
    0,
    8,
  );
  if (!classes.length) return [{ text: om.noClasses }];
  const lines: string[] = [];
  const options = [];
  for (const [i, c] of classes.entries()) {
    const status = await scope.org.classes.statusOf(c.id, scope.personId);
    const label =
      status === "going"
        ? om.statusGoing
        : status === "waitlist"
          ? om.statusWaitlist
          : status === "declined"
            ? om.statusDeclined
            : "";
    lines.push(om.classLine(i + 1, c.topic, when(c), c.place, label));
    if (status === "going" || status === "waitlist")
      options.push({ label: om.cancelN(i + 1), action: act("rsvp", `${c.id}.x`) });
    else options.push({ label: om.joinN(i + 1), action: act("rsvp", `${c.id}.y`) });
  }
  return [{ text: `${om.classesTitle}\n${lines.join("\n")}`, options }];
}

/** Wrong check-in codes one person may type in 15 minutes, and everyone together. */
const CHECKIN_TRIES = 5;
const CHECKIN_TRIES_OVERALL = 200;

/** A check-in code typed by a resident (after /diemdanh, or as `/diemdanh 4821`). */
export async function checkInReply(
  scope: OrgScope,
  profile: LearnerProfile | null,
  code: string,
): Promise<Reply[]> {
  await endDialogue(scope);
  // Only a registered learner checks in, and wrong codes are counted: a code cannot be found by trying.
  if (!profile?.consentAt || profile.step !== "ready") return [{ text: learningMessages.needOnboarding }];
  const tries = new FailedAttempts(scope.ctx.store, "checkin", CHECKIN_TRIES);
  const everyone = new FailedAttempts(scope.ctx.store, "checkin", CHECKIN_TRIES_OVERALL);
  if ((await tries.locked(scope.personId)) || (await everyone.locked("*")))
    return [{ text: om.checkinLocked }];
  const name = profile?.certName ?? scope.inbound.displayName;
  const result = await scope.org.classes.checkIn(
    code.trim(),
    scope.personId,
    { ...(profile?.to ? { to: profile.to } : {}), ...(name ? { name } : {}) },
    scope.ctx.now(),
  );
  if (!result) {
    await tries.fail(scope.personId);
    await everyone.fail("*");
    return [{ text: om.checkinBad }];
  }
  await tries.clear(scope.personId);
  return [
    { text: result.fresh ? om.checkinDone(result.record.topic) : om.checkinAgain(result.record.topic) },
  ];
}

export async function askCheckInCode(scope: OrgScope): Promise<Reply[]> {
  await saveDialogue(scope, { kind: "checkin", step: "code", data: {} });
  return [{ text: om.checkinPrompt }];
}

/** The organizer's classes of the last day and next week: codes, sign-ups, attendance. */
export async function attendanceReply(scope: OrgScope, organizer: Organizer): Promise<Reply[]> {
  const now = scope.ctx.now().getTime();
  const all = await scope.org.classes.between(new Date(now - 86_400_000), new Date(now + 7 * 86_400_000));
  const mine = all.filter((c) => organizer.admin || c.createdBy === organizer.personId);
  if (!mine.length) return [{ text: om.noOwnClasses }];
  const lines: string[] = [];
  for (const c of mine.slice(0, 10)) {
    const counts = await scope.org.classes.counts(c.id);
    lines.push(om.attendanceLine(c.topic, when(c), c.code, counts.going, c.present));
  }
  return [
    {
      text: `${om.attendanceTitle}\n${lines.join("\n")}`,
      options: mine
        .slice(0, 10)
        .map((c, i) => ({ label: om.attendeesButton(i + 1), action: act("att", c.id) })),
    },
  ];
}

/** Names of those present: shown only to the class's organizer (or an admin). */
export async function attendeesReply(
  scope: OrgScope,
  organizer: Organizer,
  classId: string,
): Promise<Reply[]> {
  const record = await scope.org.classes.get(classId);
  if (!record || (!organizer.admin && record.createdBy !== organizer.personId))
    return [{ text: om.rsvpUnknown }];
  return [{ text: om.attendees(record.topic, await scope.org.classes.attendees(classId)) }];
}
