import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import { moduleTitle } from "../knowledge/paths.ts";
import type { QuizQuestion } from "../knowledge/schema.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import { type QuizKind, type QuizSession, shuffled, startSession } from "../learning/quiz-session.ts";
import type { Reply } from "../messaging/message.ts";
import { act } from "./actions.ts";
import type { LearningContext } from "./learning-context.ts";
import { finishQuiz } from "./quiz-finish.ts";

const LETTERS = ["A", "B", "C", "D"];
export const MODULE_QUIZ_SIZE = 10;
export const LESSON_QUIZ_SIZE = 3;

export type QuizSpec = { kind: QuizKind; module?: string; lesson?: string };

/** /kiemtra: resume an open quiz, or choose a module (the learner's path first). */
export async function quizMenu(ctx: LearningContext, profile: LearnerProfile): Promise<Reply[]> {
  const open = await ctx.quizzes.open(profile.id);
  if (open) return [resumeOffer(ctx, open)];
  const order = profile.group ? ctx.curriculum.paths.groups[profile.group].order : [];
  const rest = ctx.curriculum.modules.map((m) => m.slug).filter((s) => !order.includes(s));
  return [
    {
      text: lm.chooseModuleQuiz,
      options: [...order, ...rest].map((slug) => ({
        label: moduleTitle(ctx.curriculum, slug),
        action: act("quiz", slug),
      })),
    },
  ];
}

/** Starts a quiz; an unfinished different quiz is offered for resuming first. */
export async function startQuiz(
  ctx: LearningContext,
  profile: LearnerProfile,
  spec: QuizSpec,
): Promise<Reply[]> {
  const open = await ctx.quizzes.open(profile.id);
  if (open && !(open.kind === spec.kind && open.module === spec.module && open.lesson === spec.lesson)) {
    return [resumeOffer(ctx, open)];
  }
  if (open) return [questionReply(ctx, open)];
  const questions = await drawQuestions(ctx, profile, spec);
  if (!questions.length) return [{ text: spec.kind === "review" ? lm.noReviewDue : lm.noQuestions }];
  const session = startSession(spec, questions, ctx.now(), ctx.random);
  await ctx.quizzes.save(profile.id, session);
  return [{ text: quizTitle(ctx, session) }, questionReply(ctx, session)];
}

async function drawQuestions(
  ctx: LearningContext,
  profile: LearnerProfile,
  spec: QuizSpec,
): Promise<QuizQuestion[]> {
  const bank = spec.module ? (ctx.curriculum.quizzes.get(spec.module) ?? []) : [];
  switch (spec.kind) {
    case "module":
      return shuffled(bank, ctx.random).slice(0, MODULE_QUIZ_SIZE);
    case "lesson":
      return shuffled(
        bank.filter((q) => q.lesson === spec.lesson),
        ctx.random,
      ).slice(0, LESSON_QUIZ_SIZE);
    case "review": {
      const due = await ctx.reviews.due(profile.id, ctx.now(), MODULE_QUIZ_SIZE);
      return due.map((id) => ctx.questions.get(id)).filter((q): q is QuizQuestion => Boolean(q));
    }
    case "placement": {
      // One question per required module, from the start of its beginner's path: a learner who knows the
      // first lessons skips the module, one who doesn't starts at its first lesson.
      const required = profile.group ? ctx.curriculum.paths.groups[profile.group].required : [];
      return required.flatMap((m) => shuffled(firstLessonsQuestions(ctx, m), ctx.random).slice(0, 1));
    }
  }
}

const PLACEMENT_LESSONS = 2;

/** Questions on the first PLACEMENT_LESSONS lessons of a module (in its beginner's order) that have any. */
function firstLessonsQuestions(ctx: LearningContext, module: string): QuizQuestion[] {
  const bank = ctx.curriculum.quizzes.get(module) ?? [];
  const lessons = [...ctx.curriculum.lessons.values()]
    .filter((l) => l.module === module && bank.some((q) => q.lesson === l.id))
    .slice(0, PLACEMENT_LESSONS)
    .map((l) => l.id);
  return bank.filter((q) => lessons.includes(q.lesson));
}

function quizTitle(ctx: LearningContext, session: QuizSession): string {
  const n = session.items.length;
  if (session.kind === "review") return lm.reviewTitle(n);
  if (session.kind === "placement") return lm.placementTitle(n);
  if (session.kind === "lesson") {
    return lm.lessonQuizTitle(ctx.curriculum.lessons.get(session.lesson ?? "")?.title ?? "", n);
  }
  return lm.quizTitle(moduleTitle(ctx.curriculum, session.module ?? ""), n);
}

export function resumeOffer(ctx: LearningContext, session: QuizSession): Reply {
  const title = quizTitle(ctx, session).split(" (")[0] ?? "";
  return {
    text: lm.quizOpen(title, session.index + 1, session.items.length),
    options: [
      { label: lm.resume, action: act("resume") },
      { label: lm.abandon, action: act("cancel") },
    ],
  };
}

/** The current question, options lettered in the text and as buttons A–D (each with its own wording). */
export function questionReply(ctx: LearningContext, session: QuizSession): Reply {
  const item = session.items[session.index];
  const question = item ? ctx.questions.get(item.qid) : undefined;
  if (!item || !question) return { text: lm.quizClosed };
  const lines = item.order.map(
    (original, shown) => `${LETTERS[shown]}. ${question.options[original]?.text ?? ""}`,
  );
  return {
    text: [lm.questionHeader(session.index + 1, session.items.length), question.question, ...lines].join(
      "\n",
    ),
    options: item.order.map((_, shown) => ({
      label: LETTERS[shown] ?? String(shown + 1),
      action: act("ans", `${session.id}.${session.index}.${shown}`),
      full: lines[shown] ?? "",
    })),
  };
}

export async function resumeQuiz(ctx: LearningContext, profile: LearnerProfile): Promise<Reply[]> {
  const open = await ctx.quizzes.open(profile.id);
  return open ? [questionReply(ctx, open)] : [{ text: lm.quizClosed }];
}

export async function cancelQuiz(ctx: LearningContext, profile: LearnerProfile): Promise<Reply[]> {
  const open = await ctx.quizzes.open(profile.id);
  if (!open) return [{ text: lm.nothingToCancel }];
  await ctx.quizzes.close(profile.id);
  return [{ text: lm.cancelled }];
}

/**
 * Records one answer. The reference names the session and question; an answer to another session, an
 * earlier question (a double tap, a redelivery) or one arriving while another is processed changes nothing.
 */
export async function answerQuiz(
  ctx: LearningContext,
  profile: LearnerProfile,
  ref: string,
): Promise<Reply[]> {
  const [sessionId, q, o] = ref.split(".");
  const result = await ctx.quizzes.exclusive(profile.id, async () => {
    const session = await ctx.quizzes.open(profile.id);
    if (!session || session.id !== sessionId) return [{ text: lm.quizClosed }];
    const questionNo = Number(q);
    if (questionNo < session.index) return [{ text: lm.alreadyAnswered }];
    const item = session.items[questionNo];
    const question = item ? ctx.questions.get(item.qid) : undefined;
    const shown = Number(o);
    if (questionNo > session.index || !item || !question || shown >= item.order.length) {
      return [{ text: lm.quizClosed }, questionReply(ctx, session)];
    }
    return finishQuiz(ctx, profile, session, question, shown, questionReply);
  });
  return result ?? [{ text: lm.busy }];
}
