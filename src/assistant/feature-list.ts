import type { Feature } from "./feature.ts";
import { answers } from "./features/answers.ts";
import { attendance, classRsvp, classSchedule } from "./features/class-features.ts";
import { linkJoin, onboarding, pastedLink, publicLesson, restart } from "./features/entry-features.ts";
import {
  answerSteps,
  cancel,
  certificate,
  comeBack,
  dataRights,
  lessons,
  linkCode,
  practice,
  progress,
  quizzes,
  reminders,
} from "./features/learning-features.ts";
import {
  attendees,
  broadcast,
  broadcastStatus,
  createClass,
  dashboardLogin,
  openDialogue,
  questionLog,
  report,
  revokeCertificate,
  roles,
} from "./features/organizer-features.ts";

/**
 * Every feature of the assistant, in the order a turn is offered to them (dispatch.ts). The first feature
 * that takes a turn and answers wins; a feature may pass it on. Where several take the same word:
 * - /huy: an open organizer dialogue ends (open-dialogue), else the quiz in progress stops (cancel);
 * - /lienket: with a code it joins this account (link-join, even before onboarding), else gives a code
 *   (link-code, registered learners);
 * - "back" (a reloaded page): the open dialogue is recalled, else come-back offers what is left open;
 * - a lesson: public-lesson opens it for guests and group chats, lessons records it for a learner;
 * - typed text: the open dialogue, a pasted link, onboarding, the certificate name, a quiz answer typed as a
 *   number, and last the question answered.
 * Everything before `onboarding` also works for someone not yet greeted; onboarding takes every turn until
 * the greeting's questions are answered (and marks the others seen for the day).
 */
export const FEATURES: readonly Feature[] = [
  linkJoin,
  restart,
  openDialogue,
  classRsvp,
  attendance,
  classSchedule,
  createClass,
  broadcast,
  broadcastStatus,
  report,
  dashboardLogin,
  questionLog,
  roles,
  revokeCertificate,
  attendees,
  pastedLink,
  publicLesson,
  onboarding,
  lessons,
  certificate,
  quizzes,
  cancel,
  progress,
  reminders,
  practice,
  dataRights,
  linkCode,
  comeBack,
  answerSteps,
  answers,
];

/** Resident features need a profile, so they must come after the onboarding feature (checked at start-up). */
function checkOrder(features: readonly Feature[]): readonly Feature[] {
  const gate = features.findIndex((f) => f.everyTurn);
  const early = features.slice(0, gate < 0 ? features.length : gate).find((f) => f.audience === "resident");
  if (early) throw new Error(`feature ${early.name} needs a profile but is listed before onboarding`);
  return features;
}
checkOrder(FEATURES);
