import { askCheckInCode, attendanceReply, checkInReply, classesReply, rsvpReply } from "../class-flow.ts";
import type { Feature } from "../feature.ts";
import { organizerOf } from "../organizer-context.ts";

/** "Tham gia" / "Không tham gia" / "Hủy đăng ký" under a class announcement (class-flow.ts asks for consent). */
export const classRsvp: Feature = {
  name: "class-rsvp",
  audience: "everyone",
  actions: ["rsvp"],
  handle: (turn) => rsvpReply(turn, turn.action?.kind === "rsvp" ? turn.action.arg : ""),
};

/**
 * /diemdanh: with a code, a resident checks in at a class; an organizer sees their classes' codes and
 * counts; anyone else is asked for the code.
 */
export const attendance: Feature = {
  name: "attendance",
  audience: "everyone",
  commands: [{ name: "attendance", slash: ["diemdanh"], menu: "organizers" }],
  async handle(turn) {
    const args = turn.command?.args ?? "";
    if (/^\d{4,8}$/.test(args)) return checkInReply(turn, await turn.ctx.learners.get(turn.personId), args);
    const organizer = await organizerOf(turn);
    return organizer ? attendanceReply(turn, organizer) : askCheckInCode(turn);
  },
};

/** /lichhoc: the upcoming classes for the learner's tổ and group. */
export const classSchedule: Feature = {
  name: "class-schedule",
  audience: "learner",
  commands: [{ name: "classes", slash: ["lichhoc"], words: ["lich hoc"], menu: "learners" }],
  handle: (turn) => classesReply(turn, turn.profile),
};
