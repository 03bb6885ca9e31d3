import type { Logger } from "pino";
import { messages } from "../catalog/assistant-common.ts";
import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import type { Curriculum } from "../knowledge/types.ts";
import type { Certificates } from "../learning/certificates.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import { erasePersonalData, type PersonalDataPart } from "../learning/personal-data.ts";
import { parseAccount } from "../messaging/account.ts";
import { typedChoiceIndex } from "../messaging/choice.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import {
  createOrganizerServices,
  type OrganizerServices,
  organizerDataParts,
} from "../organizer/organizer.ts";
import { aggregatesKeeper } from "../organizer/reports/erased-facts.ts";
import { vietnamDate } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import type { Tutor } from "../tutor/tutor.ts";
import { tutorMessages } from "../tutor/tutor-messages.ts";
import { type Action, decodeAction } from "./actions.ts";
import { captureCertName } from "./certificate-flow.ts";
import { type ParsedCommand, parseCommand } from "./commands.ts";
import { FollowUps } from "./follow-ups.ts";
import { cleanText, MAX_TEXT_CHARS } from "./input.ts";
import { createLearningContext } from "./learning-context.ts";
import { learningDataParts } from "./learning-data.ts";
import { linkReply } from "./link-flow.ts";
import { menuReply } from "./menus.ts";
import { NOTICE_MAX_CHARS } from "./notice-dialogue.ts";
import { continueOnboarding, greetingReplies, type OnboardingDeps, restartOnboarding } from "./onboarding.ts";
import type { OrgScope } from "./organizer-context.ts";
import { dialogueDataPart } from "./organizer-context.ts";
import { routeOrganizer } from "./organizer-routes.ts";
import { awaitsTypedAnswer, isPastedLink, linkLessonReplies } from "./pasted-link.ts";
import { createQuestionAnswering } from "./question-answering.ts";
import { answerQuiz } from "./quiz-flow.ts";
import { renderAnswer } from "./render-answer.ts";
import { routeAction, routeCommand, type TurnScope } from "./routes.ts";
import { guardTurns } from "./turn-guard.ts";
import type { DomainAssistant } from "./types.ts";

export interface AssistantDeps {
  store: Store;
  curriculum: Curriculum;
  tutor: Tutor;
  wardName: string;
  logger: Logger;
  /** Base of public links such as certificate pages, e.g. https://hocvuso.example.vn. */
  publicUrl?: string;
  /** The certificate register (shared with the verification page); built from `certSecret` when absent. */
  certificates?: Certificates;
  /** Signs certificates when no register is given; without it a random secret is kept in the store. */
  certSecret?: string;
  /** Personal data kept by other features (organizers, channels), for export and erasure. */
  personalData?: PersonalDataPart[];
  /** Admin accounts (`channel:id`, from ADMIN_IDS). */
  adminIds?: readonly string[];
  /** Organizer services shared with the background jobs; built over `store` when absent. */
  organizer?: OrganizerServices;
  now?: () => Date;
  random?: () => number;
  /** Typed messages a person may send per minute before being asked to slow down (0 or absent: no limit). */
  floodPerMinute?: number;
  /** A module quiz answered faster than this many seconds per question does not count (0 or absent: off). */
  minSecondsPerQuestion?: number;
}

/** The one entry point of the domain: routes a turn by the learner's state and never throws. */
export function createAssistant(deps: AssistantDeps): DomainAssistant {
  const now = deps.now ?? (() => new Date());
  const ctx = createLearningContext({ ...deps, now, vouched: (personId) => vouched(personId) });
  const org =
    deps.organizer ??
    createOrganizerServices({
      store: deps.store,
      adminIds: deps.adminIds ?? [],
      certificates: ctx.certificates,
      ward: deps.curriculum.ward,
    });
  /** A Telegram or Zalo account, or a check-in at one of the ward's classes. */
  async function vouched(personId: string): Promise<boolean> {
    const accounts = await ctx.identities.accountsOf(personId);
    if (accounts.some((a) => VOUCHED_CHANNELS.has(parseAccount(a).channel))) return true;
    return org.classes.attended(personId);
  }
  const parts = [
    aggregatesKeeper(deps.store),
    ...learningDataParts(ctx),
    ...organizerDataParts(org),
    dialogueDataPart(deps.store),
    ...(deps.personalData ?? []),
  ];
  const onboarding: OnboardingDeps = {
    learners: ctx.learners,
    wardName: deps.wardName,
    now,
    tos: deps.curriculum.ward.to_dan_pho,
  };
  const questions = createQuestionAnswering({
    tutor: deps.tutor,
    curriculum: deps.curriculum,
    store: deps.store,
    followUps: new FollowUps(deps.store),
    questionLog: org.questionLog,
    now,
  });

  async function turn(inbound: Inbound): Promise<Reply[]> {
    const { text, truncated } = cleanText(inbound.text);
    const longText = cleanText(inbound.text, NOTICE_MAX_CHARS + 1).text;
    const action = inbound.action === undefined ? undefined : decodeAction(inbound.action);
    if (inbound.action !== undefined && !action) return [menuReply(messages.unknownAction)];
    const pasted = isPastedLink(inbound, text);
    if (!action && !text && !pasted) return [{ text: messages.emptyMessage }];

    const command = !action && text && !pasted ? parseCommand(text) : null;
    const id = await ctx.identities.personOf(inbound.channel, inbound.userId);
    if (inbound.inGroup)
      return pasted
        ? linkLessonReplies({ ctx, parts, inbound, profile: guest(id) })
        : groupTurn(inbound, id, text, action, command);
    // A link code works before onboarding: the second app joins the person who asked for the code.
    if (command?.name === "link" && command.args) return linkReply(ctx, inbound, id, command.args);
    if (command?.name === "restart" || action?.kind === "restart") return restartOnboarding(onboarding, id);
    const orgScope: OrgScope = { ctx, org, inbound, personId: id, logger: deps.logger };
    const organizerReplies = await routeOrganizer(orgScope, { command, action, text, longText });
    if (organizerReplies) return organizerReplies;

    const profile = await ctx.learners.get(id);
    // An open dialogue took a pasted link above; an onboarding step or the certificate name takes it below.
    if (pasted && !(text && awaitsTypedAnswer(profile)))
      return linkLessonReplies({ ctx, parts, inbound, profile: profile ?? guest(id) });
    // A lesson is public (groups see it too), so it opens before onboarding as well. Nothing is recorded
    // for someone not yet onboarded.
    if (action?.kind === "lesson" && profile?.step !== "ready")
      return routeAction({ ctx, parts, inbound, profile: guest(id) }, action);
    if (!profile) {
      await ctx.learners.start(id, now());
      return greetingReplies(deps.wardName);
    }
    const today = vietnamDate(now());
    if (profile.consentAt && profile.seenOn !== today) await ctx.learners.markSeen(id, today);
    if (command?.name === "start") {
      if (profile.step !== "ready") return restartOnboarding(onboarding, id);
      return [menuReply(messages.welcomeBack)];
    }
    const onboardingReplies = await continueOnboarding(onboarding, profile, { text, action: action ?? null });
    if (onboardingReplies) return onboardingReplies;

    const scope: TurnScope = { ctx, parts, inbound, profile };
    if (action?.kind === "pick") return questions.picked(profile, action.arg);
    if (action?.kind === "nomatch") return [{ text: tutorMessages.clarifyNoneReply }];
    if (action) return routeAction(scope, action);
    if (command) return routeCommand(scope, command);
    if (profile.awaiting === "cert-name") return captureCertName(ctx, profile, text);
    const typed = await typedQuizAnswer(profile, text);
    if (typed) return typed;
    const replies = await questions.answer(profile, text);
    return truncated ? [{ text: messages.tooLong(MAX_TEXT_CHARS) }, ...replies] : replies;
  }

  /** In a group chat: answers and lessons only; nothing personal is posted there. */
  async function groupTurn(
    inbound: Inbound,
    id: string,
    text: string,
    action: Action | null | undefined,
    command: ParsedCommand | null,
  ): Promise<Reply[]> {
    const publicActions = new Set(["menu", "help", "ask", "modules", "module", "lesson"]);
    const scope: TurnScope = { ctx, parts, inbound, profile: guest(id) };
    if (action?.kind === "pick") {
      const answer = await questions.explainChoice(action.arg);
      return answer ? renderAnswer(answer, deps.curriculum) : [{ text: messages.unknownAction }];
    }
    if (action?.kind === "nomatch") return [{ text: tutorMessages.clarifyNoneReply }];
    if (action)
      return publicActions.has(action.kind) ? routeAction(scope, action) : [{ text: lm.privateOnly }];
    if (command) {
      return ["help", "learn", "ask", "menu"].includes(command.name)
        ? routeCommand(scope, command)
        : [{ text: lm.privateOnly }];
    }
    const answer = await deps.tutor.answer(text);
    return renderAnswer(answer, deps.curriculum);
  }

  async function typedQuizAnswer(profile: LearnerProfile, text: string): Promise<Reply[] | null> {
    if (profile.step !== "ready") return null;
    const session = await ctx.quizzes.open(profile.id);
    const choice = session ? typedChoiceIndex(text, session.items[session.index]?.order.length ?? 0) : null;
    if (!session || choice === null) return null;
    return answerQuiz(ctx, profile, `${session.id}.${session.index}.${choice}`);
  }

  return {
    async erasePerson(personId) {
      await erasePersonalData(parts, personId, await ctx.identities.accountsOf(personId), deps.store);
    },
    handle: guardTurns(turn, { logger: deps.logger, now, floodPerMinute: deps.floodPerMinute ?? 0 }),
  };
}

/** Accounts the ward can stand behind: a phone-verified Telegram, Zalo or Zalo OA follower (not a web session). */
const VOUCHED_CHANNELS = new Set(["telegram", "zalo", "zalo-oa"]);

/** Someone not (or not yet) a learner: public lessons and answers only, nothing recorded. */
const guest = (id: string) =>
  ({ id, step: "guest", elderly: false, remind: false, createdAt: "" }) as LearnerProfile;
