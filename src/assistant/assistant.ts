import type { Logger } from "pino";
import type { Curriculum } from "../knowledge/types.ts";
import { LearnerStore } from "../learning/learner-store.ts";
import type { Store } from "../storage/store.ts";
import type { Tutor } from "../tutor/tutor.ts";
import { type Action, decodeAction } from "./actions.ts";
import { parseCommand } from "./commands.ts";
import { cleanText, MAX_TEXT_CHARS } from "./input.ts";
import { lessonReply, menuReply, moduleReply, modulesReply } from "./menus.ts";
import { messages } from "./messages.ts";
import { continueOnboarding, greetingReplies, type OnboardingDeps, restartOnboarding } from "./onboarding.ts";
import { renderAnswer } from "./render-answer.ts";
import { TurnHistory } from "./turn-history.ts";
import type { Assistant, Inbound, Reply } from "./types.ts";

export interface AssistantDeps {
  store: Store;
  curriculum: Curriculum;
  tutor: Tutor;
  wardName: string;
  logger: Logger;
  now?: () => Date;
}

/** The one entry point of the domain: routes a turn by the learner's state and never throws. */
export function createAssistant(deps: AssistantDeps): Assistant {
  const learners = new LearnerStore(deps.store);
  const now = deps.now ?? (() => new Date());
  const onboarding: OnboardingDeps = { learners, wardName: deps.wardName, now };
  const history = new TurnHistory();
  const queues = new Map<string, Promise<unknown>>();

  async function turn(inbound: Inbound): Promise<Reply[]> {
    const id = `${inbound.channel}:${inbound.userId}`;
    const { text, truncated } = cleanText(inbound.text);
    const action = inbound.action === undefined ? undefined : decodeAction(inbound.action);
    if (inbound.action !== undefined && !action) return [menuReply(messages.unknownAction)];
    if (!action && !text) return [{ text: messages.emptyMessage }];

    const command = !action && text ? parseCommand(text) : null;
    if (command?.name === "restart" || action?.kind === "restart") return restartOnboarding(onboarding, id);

    const profile = await learners.get(id);
    if (!profile) {
      await learners.start(id, now());
      return greetingReplies(deps.wardName);
    }
    if (command?.name === "start") {
      if (profile.step !== "ready") return restartOnboarding(onboarding, id);
      return [menuReply(messages.welcomeBack)];
    }
    const onboardingReplies = await continueOnboarding(onboarding, profile, { text, action: action ?? null });
    if (onboardingReplies) return onboardingReplies;

    if (action) return handleAction(action);
    if (command) return handleCommand(command.name);
    const replies = await answerQuestion(id, text);
    return truncated ? [{ text: messages.tooLong(MAX_TEXT_CHARS) }, ...replies] : replies;
  }

  function handleAction(action: Action): Reply[] {
    switch (action.kind) {
      case "menu":
        return [menuReply()];
      case "help":
        return [menuReply(messages.help)];
      case "ask":
        return [{ text: messages.askPrompt }];
      case "modules":
        return [modulesReply(deps.curriculum)];
      case "module":
        return [moduleReply(deps.curriculum, action.module)];
      case "lesson":
        return [lessonReply(deps.curriculum, action.lesson)];
      default:
        return [menuReply(messages.unknownAction)];
    }
  }

  function handleCommand(name: string): Reply[] {
    switch (name) {
      case "help":
        return [menuReply(messages.help)];
      case "learn":
        return [modulesReply(deps.curriculum)];
      case "menu":
        return [menuReply()];
      default:
        return [menuReply(messages.unknownCommand)];
    }
  }

  async function answerQuestion(id: string, text: string): Promise<Reply[]> {
    const answer = await deps.tutor.answer(text, history.recent(id));
    history.remember(id, text);
    return renderAnswer(answer, deps.curriculum);
  }

  return {
    async handle(inbound) {
      const key = `${inbound.channel}:${inbound.userId}`;
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
    const started = performance.now();
    try {
      const replies = await turn(inbound);
      deps.logger.debug({ channel: inbound.channel, ms: Math.round(performance.now() - started) }, "turn");
      return replies;
    } catch (error) {
      const code = (error as { code?: string })?.code ?? (error as Error)?.name ?? "unknown";
      deps.logger.error({ channel: inbound.channel, code, err: errorSummary(error) }, "turn failed");
      return [{ text: isStoreError(error) ? messages.storeBusy : messages.internalError }];
    }
  }
}

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
