import { messages } from "../../catalog/assistant-common.ts";
import { vietnamDate } from "../../shared/vietnam-time.ts";
import { type Feature, guest } from "../feature.ts";
import { openLesson } from "../lesson-flow.ts";
import { linkReply } from "../link-flow.ts";
import { menuReply } from "../menus.ts";
import { continueOnboarding, greetingReplies, restartOnboarding } from "../onboarding.ts";
import { awaitsTypedAnswer, linkLessonReplies } from "../pasted-link.ts";

/** /lienket <code> works before onboarding: the second app joins the person who asked for the code. */
export const linkJoin: Feature = {
  name: "link-join",
  audience: "everyone",
  commands: [{ name: "link" }],
  handle: async (turn) =>
    turn.command?.args ? linkReply(turn.ctx, turn.inbound, turn.personId, turn.command.args) : null,
};

/** /batdau: onboarding again from the greeting (choose the group and tổ again). */
export const restart: Feature = {
  name: "restart",
  audience: "everyone",
  commands: [{ name: "restart", slash: ["batdau"], words: ["bat dau"] }],
  actions: ["restart"],
  handle: (turn) => restartOnboarding(turn.onboarding, turn.personId),
};

/**
 * A pasted link gets the lesson on checking links, unless an onboarding step or the certificate name is
 * awaited, which then takes the text. (An open organizer dialogue takes it before this.)
 */
export const pastedLink: Feature = {
  name: "pasted-link",
  audience: "everyone",
  text: true,
  inGroups: true,
  handle: async (turn) => {
    if (!turn.pasted || (turn.text && awaitsTypedAnswer(turn.profile))) return null;
    return linkLessonReplies({ ctx: turn.ctx, profile: turn.profile ?? guest(turn.personId) });
  },
};

/**
 * A lesson is public (groups see it too), so it opens before onboarding as well; nothing is recorded for
 * someone not yet onboarded. A registered learner's lesson is opened by the lessons feature, which records it.
 */
export const publicLesson: Feature = {
  name: "public-lesson",
  audience: "everyone",
  actions: ["lesson"],
  inGroups: true,
  handle: async (turn) => {
    if (turn.profile?.step === "ready" && !turn.inbound.inGroup) return null;
    const id = turn.action?.kind === "lesson" ? turn.action.arg : "";
    return openLesson({ ctx: turn.ctx, profile: guest(turn.personId) }, id);
  },
};

/**
 * The greeting, consent, group, tổ and mode questions. It takes every turn of someone not past them, and
 * lets the others through (marked seen for the day) to the features after it.
 */
export const onboarding: Feature = {
  name: "onboarding",
  audience: "everyone",
  everyTurn: true,
  commands: [{ name: "start", slash: ["start"], menu: "learners" }],
  actions: ["consent", "group", "to", "to-skip", "mode"],
  async handle(turn) {
    const { ctx, profile, onboarding: deps } = turn;
    if (!profile) {
      await ctx.learners.start(turn.personId, ctx.now());
      return greetingReplies(deps.wardName);
    }
    const today = vietnamDate(ctx.now());
    if (profile.consentAt && profile.seenOn !== today) await ctx.learners.markSeen(turn.personId, today);
    if (turn.command?.name === "start") {
      if (profile.step !== "ready") return restartOnboarding(deps, turn.personId);
      return [menuReply(messages.welcomeBack)];
    }
    return continueOnboarding(deps, profile, { text: turn.text, action: turn.action });
  },
};
