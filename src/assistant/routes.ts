import { messages } from "../catalog/assistant-common.ts";
import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import type { PersonalDataPart } from "../learning/personal-data.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import type { Action } from "./actions.ts";
import { certificateCommand } from "./certificate-flow.ts";
import type { ParsedCommand } from "./commands.ts";
import { eraseConfirmReply, eraseReply, exportReply } from "./data-rights-flow.ts";
import type { LearningContext } from "./learning-context.ts";
import { linkReply } from "./link-flow.ts";
import { lessonReply, menuReply, moduleReply, modulesReply } from "./menus.ts";
import { progressReply, setRemind } from "./progress-flow.ts";
import { answerQuiz, cancelQuiz, quizMenu, resumeOffer, resumeQuiz, startQuiz } from "./quiz-flow.ts";
import { nextSteps } from "./render-answer.ts";

/** One turn's facts, as the routes need them. */
export interface TurnScope {
  ctx: LearningContext;
  parts: readonly PersonalDataPart[];
  inbound: Inbound;
  profile: LearnerProfile;
}

/** Actions that need a learner who agreed to have progress stored. */
const LEARNER_ONLY = new Set<Action["kind"]>([
  "quiz",
  "lquiz",
  "ans",
  "review",
  "place",
  "did",
  "resume",
  "remind",
]);

export async function routeAction(scope: TurnScope, action: Action): Promise<Reply[]> {
  const { ctx, profile } = scope;
  if (LEARNER_ONLY.has(action.kind) && profile.step !== "ready") return [{ text: lm.needOnboarding }];
  switch (action.kind) {
    case "menu":
      return [menuReply()];
    case "help":
      return [menuReply(messages.help)];
    case "ask":
      return [{ text: messages.askPrompt }];
    case "modules":
      return [modulesReply(ctx.curriculum)];
    case "module":
      return [moduleReply(ctx.curriculum, action.arg)];
    case "lesson":
      if (profile.step === "ready" && ctx.curriculum.lessons.has(action.arg)) {
        await ctx.progress.markRead(profile.id, action.arg, ctx.now());
      }
      return [lessonReply(ctx.curriculum, action.arg)];
    case "quiz":
      return startQuiz(ctx, profile, { kind: "module", module: action.arg });
    case "lquiz":
      return startQuiz(ctx, profile, {
        kind: "lesson",
        module: action.arg.split("/")[0] ?? "",
        lesson: action.arg,
      });
    case "ans":
      return answerQuiz(ctx, profile, action.arg);
    case "review":
      return startQuiz(ctx, profile, { kind: "review" });
    case "place":
      return startQuiz(ctx, profile, { kind: "placement" });
    case "resume":
      return resumeQuiz(ctx, profile);
    case "cancel":
      return cancelQuiz(ctx, profile);
    case "did":
      if (!ctx.curriculum.lessons.get(action.arg)?.practice) return [menuReply(messages.unknownAction)];
      await ctx.progress.markPractice(profile.id, action.arg, ctx.now());
      return [{ text: lm.practiceRecorded }];
    case "progress":
      return progressReply(ctx, profile);
    case "certificate":
      return certificateCommand(ctx, profile);
    case "remind":
      return setRemind(ctx, profile, action.arg === "on");
    case "erase":
      return eraseReply(ctx, scope.parts, profile.id, action.arg === "yes");
    case "more":
      return nextSteps(ctx.store, profile.id);
    case "back":
      return cameBack(scope);
    default:
      return [menuReply(messages.unknownAction)];
  }
}

/** A person back on a reloaded page: an open quiz or a question waiting for an answer is offered first. */
async function cameBack({ ctx, profile }: TurnScope): Promise<Reply[]> {
  const open = profile.step === "ready" ? await ctx.quizzes.open(profile.id) : null;
  if (open) return [resumeOffer(ctx, open)];
  if (profile.awaiting === "cert-name") return [{ text: lm.askCertName }];
  return [menuReply(messages.welcomeBack)];
}

export async function routeCommand(scope: TurnScope, command: ParsedCommand): Promise<Reply[]> {
  const { ctx, profile } = scope;
  const ready = profile.step === "ready";
  switch (command.name) {
    case "help":
      return [menuReply(messages.help)];
    case "learn":
      return [modulesReply(ctx.curriculum)];
    case "ask":
      return [{ text: messages.askPrompt }];
    case "menu":
      return [menuReply()];
    case "quiz":
      return ready ? quizMenu(ctx, profile) : [{ text: lm.needOnboarding }];
    case "review":
      return ready ? startQuiz(ctx, profile, { kind: "review" }) : [{ text: lm.needOnboarding }];
    case "progress":
      return progressReply(ctx, profile);
    case "certificate":
      return certificateCommand(ctx, profile);
    case "cancel":
      return cancelQuiz(ctx, profile);
    case "export":
      return exportReply(ctx, scope.parts, profile.id);
    case "erase":
      return eraseConfirmReply();
    case "link":
      return ready ? linkReply(ctx, scope.inbound, profile.id, command.args) : [{ text: lm.needOnboarding }];
    case "classes":
      return [{ text: lm.needOnboarding }];
    default:
      return [menuReply(messages.unknownCommand)];
  }
}
