import type { Logger } from "pino";
import { questionIndex } from "../knowledge/paths.ts";
import type { Curriculum } from "../knowledge/types.ts";
import { Certificates, certificateSecret } from "../learning/certificates.ts";
import { Identities } from "../learning/identity.ts";
import { type LearnerProfile, LearnerStore } from "../learning/learner-store.ts";
import { erasePersonalData, type PersonalDataPart } from "../learning/personal-data.ts";
import { ProgressStore } from "../learning/progress-store.ts";
import { QuizStore } from "../learning/quiz-store.ts";
import { ReviewSchedule } from "../learning/review-schedule.ts";
import { accountOf } from "../messaging/account.ts";
import { typedChoiceIndex } from "../messaging/choice.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import {
  createOrganizerServices,
  type OrganizerServices,
  organizerDataParts,
} from "../organizer/organizer.ts";
import { aggregatesKeeper } from "../organizer/reports/erased-facts.ts";
import { errorCode } from "../shared/app-error.ts";
import { FloodGuard } from "../shared/flood-guard.ts";
import { metrics } from "../shared/metrics.ts";
import { vietnamDate } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import type { Tutor, TutorAnswer } from "../tutor/tutor.ts";
import { tutorMessages } from "../tutor/tutor-messages.ts";
import { type Action, decodeAction } from "./actions.ts";
import { captureCertName } from "./certificate-flow.ts";
import { type ParsedCommand, parseCommand } from "./commands.ts";
import { FollowUps } from "./follow-ups.ts";
import { cleanText, MAX_TEXT_CHARS } from "./input.ts";
import type { LearningContext } from "./learning-context.ts";
import { learningDataParts } from "./learning-data.ts";
import { linkReply } from "./link-flow.ts";
import { menuReply } from "./menus.ts";
import { messages } from "./messages.ts";
import { learningMessages as lm } from "./messages-learning.ts";
import { NOTICE_MAX_CHARS } from "./notice-dialogue.ts";
import { continueOnboarding, greetingReplies, type OnboardingDeps, restartOnboarding } from "./onboarding.ts";
import type { OrgScope } from "./organizer-context.ts";
import { routeOrganizer } from "./organizer-routes.ts";
import { awaitsTypedAnswer, isPastedLink, linkLessonReplies } from "./pasted-link.ts";
import { answerQuiz } from "./quiz-flow.ts";
import { renderAnswer, renderStepByStep } from "./render-answer.ts";
import { routeAction, routeCommand, type TurnScope } from "./routes.ts";
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
  const ctx: LearningContext = {
    store: deps.store,
    curriculum: deps.curriculum,
    questions: questionIndex(deps.curriculum),
    learners: new LearnerStore(deps.store),
    progress: new ProgressStore(deps.store),
    quizzes: new QuizStore(deps.store),
    reviews: new ReviewSchedule(deps.store),
    certificates:
      deps.certificates ?? new Certificates(deps.store, certificateSecret(deps.store, deps.certSecret)),
    identities: new Identities(deps.store),
    now,
    random: deps.random ?? Math.random,
    publicUrl: (deps.publicUrl ?? "http://localhost:3000").replace(/\/+$/, ""),
    vouched: (personId) => vouched(personId),
    minSecondsPerQuestion: deps.minSecondsPerQuestion ?? 0,
  };
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
    if (accounts.some((a) => a.startsWith("telegram:") || a.startsWith("zalo:"))) return true;
    return org.classes.attended(personId);
  }
  const parts = [
    aggregatesKeeper(deps.store),
    ...learningDataParts(ctx),
    ...organizerDataParts(org),
    ...(deps.personalData ?? []),
  ];
  const onboarding: OnboardingDeps = {
    learners: ctx.learners,
    wardName: deps.wardName,
    now,
    tos: deps.curriculum.ward.to_dan_pho,
  };
  const followUps = new FollowUps(deps.store);
  const flood = deps.floodPerMinute
    ? new FloodGuard(deps.floodPerMinute, 60_000, () => now().getTime())
    : null;
  const queues = new Map<string, Promise<unknown>>();

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
    if (action?.kind === "pick") return pickedSection(profile, action.arg);
    if (action?.kind === "nomatch") return [{ text: tutorMessages.clarifyNoneReply }];
    if (action) return routeAction(scope, action);
    if (command) return routeCommand(scope, command);
    if (profile.awaiting === "cert-name") return captureCertName(ctx, profile, text);
    const typed = await typedQuizAnswer(profile, text);
    if (typed) return typed;
    const replies = await answerQuestion(profile, text);
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
      const answer = await explainChoice(action.arg);
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

  async function answerQuestion(profile: LearnerProfile, text: string): Promise<Reply[]> {
    const answer = await deps.tutor.answer(text, await followUps.get(profile.id));
    if (answer.refused) metrics.refusals.inc();
    const cited = answer.clarify ? undefined : answer.sources[0];
    await org.questionLog.record(
      text,
      { refused: answer.refused, ...(cited ? { lesson: cited.lesson } : {}) },
      now(),
    );
    return delivered(profile, answer);
  }

  /** A section chosen after "Ý bạn là …". */
  async function pickedSection(profile: LearnerProfile, ref: string): Promise<Reply[]> {
    const answer = await explainChoice(ref);
    if (!answer) return [menuReply(messages.unknownAction)];
    return delivered(profile, answer);
  }

  /** `<lesson id>.<section>` from a "pick" action, answered from that section. */
  function explainChoice(ref: string): Promise<TutorAnswer | null> {
    const at = ref.lastIndexOf(".");
    return deps.tutor.explain(ref.slice(0, at), Number(ref.slice(at + 1)));
  }

  async function delivered(profile: LearnerProfile, answer: TutorAnswer): Promise<Reply[]> {
    if (answer.context) await followUps.remember(profile.id, answer.context);
    if (profile.elderly) return renderStepByStep(deps.store, profile.id, answer, deps.curriculum);
    return renderAnswer(answer, deps.curriculum);
  }

  return {
    async erasePerson(personId) {
      await erasePersonalData(parts, personId, await ctx.identities.accountsOf(personId), deps.store);
    },
    async handle(inbound) {
      const key = accountOf(inbound.channel, inbound.userId);
      const previous = queues.get(key) ?? Promise.resolve();
      const current = previous.then(() => safeTurn(inbound));
      queues.set(key, current);
      try {
        return await current;
      } finally {
        if (queues.get(key) === current) queues.delete(key);
      }
    },
  };

  async function safeTurn(inbound: Inbound): Promise<Reply[]> {
    // Typed text only: button taps are bounded by the buttons shown (a quiz can be tapped through quickly).
    const typed = inbound.action === undefined;
    const verdict = flood && typed ? flood.check(accountOf(inbound.channel, inbound.userId)) : "ok";
    if (verdict !== "ok") {
      metrics.floodLimited.inc({ kind: "person" });
      deps.logger.warn({ channel: inbound.channel, verdict }, "flood limit");
      return verdict === "slow-down" ? [{ text: messages.slowDown }] : [];
    }
    const started = performance.now();
    try {
      const replies = await turn(inbound);
      const ms = performance.now() - started;
      metrics.turns.inc({ channel: inbound.channel });
      metrics.turnSeconds.observe({ channel: inbound.channel }, ms / 1000);
      deps.logger.debug({ channel: inbound.channel, ms: Math.round(ms) }, "turn");
      return replies;
    } catch (error) {
      const code = errorCode(error);
      deps.logger.error({ channel: inbound.channel, code, err: errorSummary(error) }, "turn failed");
      const storeDown = isStoreError(error);
      (storeDown ? metrics.storeErrors : metrics.turnErrors).inc();
      return [{ text: storeDown ? messages.storeBusy : messages.internalError }];
    }
  }
}

/** Someone not (or not yet) a learner: public lessons and answers only, nothing recorded. */
const guest = (id: string) =>
  ({ id, step: "guest", elderly: false, remind: false, createdAt: "" }) as LearnerProfile;

function isStoreError(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection is closed|Command timed out|MaxRetriesPerRequest|store-closed/i.test(
    text,
  );
}

/** Error details safe to log: type and stack frames, never the message text of a user. */
function errorSummary(error: unknown): { type: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  return {
    type: error.name,
    ...(error.stack ? { stack: error.stack.split("\n").slice(1, 6).join("\n") } : {}),
  };
}
