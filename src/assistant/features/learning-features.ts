import { messages } from "../../catalog/assistant-common.ts";
import { learningMessages as lm } from "../../catalog/assistant-learning.ts";
import { typedChoiceIndex } from "../../messaging/choice.ts";
import { captureCertName, certificateCommand } from "../certificate-flow.ts";
import { eraseConfirmReply, eraseReply, exportReply } from "../data-rights-flow.ts";
import type { Feature, ResidentTurn } from "../feature.ts";
import { openLesson } from "../lesson-flow.ts";
import { linkReply } from "../link-flow.ts";
import { menuReply, moduleReply, modulesReply } from "../menus.ts";
import { progressReply, setRemind } from "../progress-flow.ts";
import { answerQuiz, cancelQuiz, quizMenu, resumeOffer, resumeQuiz, startQuiz } from "../quiz-flow.ts";
import { nextSteps } from "../render-answer.ts";

/** The menu, the help, the list of topics and their lessons: public, so group chats get them too. */
export const lessons: Feature = {
  name: "lessons",
  audience: "resident",
  inGroups: true,
  commands: [
    { name: "learn", slash: ["hoc"], words: ["hoc bai"], menu: "learners" },
    { name: "help", slash: ["trogiup", "help"], words: ["tro giup", "huong dan", "help"], menu: "learners" },
    { name: "ask", words: ["hoi"] },
    { name: "menu", slash: ["menu"], words: ["menu"] },
  ],
  actions: ["menu", "help", "ask", "modules", "module", "lesson"],
  async handle({ ctx, profile, action, command }) {
    switch (action?.kind ?? command?.name) {
      case "help":
        return [menuReply(messages.help)];
      case "ask":
        return [{ text: messages.askPrompt }];
      case "learn":
      case "modules":
        return [modulesReply(ctx.curriculum)];
      case "module":
        return [moduleReply(ctx.curriculum, action?.kind === "module" ? action.arg : "")];
      case "lesson":
        return openLesson({ ctx, profile }, action?.kind === "lesson" ? action.arg : "");
      default:
        return [menuReply()];
    }
  },
};

/** Quizzes: by topic, about one lesson, the review of wrong answers, the placement quiz; a typed "2" answers. */
export const quizzes: Feature = {
  name: "quizzes",
  audience: "learner",
  commands: [
    { name: "quiz", slash: ["kiemtra"], words: ["kiem tra"], menu: "learners" },
    { name: "review", slash: ["ontap"], words: ["on tap"], menu: "learners" },
  ],
  actions: ["quiz", "lquiz", "ans", "review", "place", "resume"],
  text: true,
  async handle(turn) {
    const { ctx, profile, action } = turn;
    if (turn.command) return turn.command.name === "quiz" ? quizMenu(ctx, profile) : reviewQuiz(turn);
    switch (action?.kind) {
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
        return reviewQuiz(turn);
      case "place":
        return startQuiz(ctx, profile, { kind: "placement" });
      case "resume":
        return resumeQuiz(ctx, profile);
      default:
        return typedQuizAnswer(turn);
    }
  },
};

const reviewQuiz = ({ ctx, profile }: ResidentTurn) => startQuiz(ctx, profile, { kind: "review" });

/** A typed option number while a quiz question is open answers it, like a tap. */
async function typedQuizAnswer({ ctx, profile, text }: ResidentTurn) {
  const session = await ctx.quizzes.open(profile.id);
  const choice = session ? typedChoiceIndex(text, session.items[session.index]?.order.length ?? 0) : null;
  if (!session || choice === null) return null;
  return answerQuiz(ctx, profile, `${session.id}.${session.index}.${choice}`);
}

/** /huy stops the quiz in progress (an open organizer dialogue is ended before this, by open-dialogue). */
export const cancel: Feature = {
  name: "cancel",
  audience: "resident",
  commands: [{ name: "cancel", slash: ["huy"], words: ["huy"], menu: "learners" }],
  actions: ["cancel"],
  handle: ({ ctx, profile }) => cancelQuiz(ctx, profile),
};

export const progress: Feature = {
  name: "progress",
  audience: "resident",
  commands: [{ name: "progress", slash: ["tiendo"], words: ["tien do"], menu: "learners" }],
  actions: ["progress"],
  handle: ({ ctx, profile }) => progressReply(ctx, profile),
};

/** The daily review reminder, on or off. */
export const reminders: Feature = {
  name: "reminders",
  audience: "learner",
  actions: ["remind"],
  handle: ({ ctx, profile, action }) =>
    setRemind(ctx, profile, action?.kind === "remind" && action.arg === "on"),
};

/** "Tôi đã làm thử xong" under a lesson's practice task. */
export const practice: Feature = {
  name: "practice",
  audience: "learner",
  actions: ["did"],
  async handle({ ctx, profile, action }) {
    const lessonId = action?.kind === "did" ? action.arg : "";
    if (!ctx.curriculum.lessons.get(lessonId)?.practice) return [menuReply(messages.unknownAction)];
    await ctx.progress.markPractice(profile.id, lessonId, ctx.now());
    return [{ text: lm.practiceRecorded }];
  },
};

/** The certificate, and the typed name to print on it when that was asked. */
export const certificate: Feature = {
  name: "certificate",
  audience: "resident",
  commands: [{ name: "certificate", slash: ["chungnhan"], words: ["chung nhan"], menu: "learners" }],
  actions: ["certificate"],
  text: true,
  async handle({ ctx, profile, action, command, text }) {
    if (action || command) return certificateCommand(ctx, profile);
    return profile.awaiting === "cert-name" ? captureCertName(ctx, profile, text) : null;
  },
};

/** /dulieu shows everything kept about the person; /xoadulieu erases it after a confirmation. */
export const dataRights: Feature = {
  name: "data-rights",
  audience: "resident",
  commands: [
    { name: "export", slash: ["dulieu"], menu: "learners" },
    { name: "erase", slash: ["xoadulieu"], menu: "learners" },
  ],
  actions: ["erase"],
  async handle({ ctx, parts, profile, action, command }) {
    if (action?.kind === "erase") return eraseReply(ctx, parts, profile.id, action.arg === "yes");
    return command?.name === "export" ? exportReply(ctx, parts, profile.id) : eraseConfirmReply();
  },
};

/** /lienket without a code: a one-time code to use on another phone or app (link-join takes the code). */
export const linkCode: Feature = {
  name: "link-code",
  audience: "learner",
  commands: [{ name: "link", slash: ["lienket"], menu: "learners" }],
  handle: ({ ctx, inbound, profile, command }) => linkReply(ctx, inbound, profile.id, command?.args ?? ""),
};

/** A person back on a reloaded page: an open quiz or a question waiting for an answer is offered first. */
export const comeBack: Feature = {
  name: "come-back",
  audience: "resident",
  actions: ["back"],
  async handle({ ctx, profile }) {
    const open = profile.step === "ready" ? await ctx.quizzes.open(profile.id) : null;
    if (open) return [resumeOffer(ctx, open)];
    if (profile.awaiting === "cert-name") return [{ text: lm.askCertName }];
    return [menuReply(messages.welcomeBack)];
  },
};

/** "Bước tiếp theo": the next steps of an answer given one step at a time (elderly mode). */
export const answerSteps: Feature = {
  name: "answer-steps",
  audience: "resident",
  actions: ["more"],
  handle: ({ ctx, profile }) => nextSteps(ctx.store, profile.id),
};
