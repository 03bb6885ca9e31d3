import { messages } from "../catalog/assistant-common.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import { isJustALink } from "./input.ts";
import type { LearningContext } from "./learning-context.ts";
import { openLesson } from "./lesson-flow.ts";

/**
 * A pasted link, decided in one place for every channel: the lesson on checking links, unless the person
 * was asked something they answer by typing, which then takes the text. The link is never fetched here,
 * and nothing about it is stored or logged beyond what that typed answer keeps.
 */

/** The lesson on checking a link before opening it (knowledge/lessons/an-toan-so/…). */
export const LINK_LESSON_ID = "an-toan-so/link-ung-dung-doc-hai";

/** A turn that is a pasted link: the platform said so (Inbound.pastedLink), or the text is only an address. */
export function isPastedLink(inbound: Inbound, text: string): boolean {
  return inbound.action === undefined && (inbound.pastedLink === true || isJustALink(text));
}

const ONBOARDING_STEPS = new Set<LearnerProfile["step"]>(["consent", "group", "to", "mode"]);

/**
 * True when the learner's next typed text answers a question already asked: an onboarding step or the
 * name for the certificate. (An open organizer dialogue takes the text before this: the open-dialogue feature.)
 */
export function awaitsTypedAnswer(profile: LearnerProfile | null): boolean {
  return !!profile && (ONBOARDING_STEPS.has(profile.step) || profile.awaiting === "cert-name");
}

/** A line saying the link was not opened, then the lesson on checking links (marked read for a learner). */
export async function linkLessonReplies(scope: {
  ctx: LearningContext;
  profile: LearnerProfile;
}): Promise<Reply[]> {
  const lesson = await openLesson(scope, LINK_LESSON_ID);
  return [{ text: messages.pastedLink }, ...lesson];
}
