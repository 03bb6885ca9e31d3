import type { QuizQuestion } from "../knowledge/schema.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import { grade, type QuizSession, score } from "../learning/quiz-session.ts";
import type { Reply } from "../messaging/message.ts";
import { act } from "./actions.ts";
import { checkCertification } from "./certificate-flow.ts";
import { type LearningContext, moduleTitle, passMark } from "./learning-context.ts";
import { learningMessages as lm } from "./messages-learning.ts";

/** Grades the current question, records it, and replies with feedback and the next step. */
export async function finishQuiz(
  ctx: LearningContext,
  profile: LearnerProfile,
  session: QuizSession,
  question: QuizQuestion,
  shown: number,
  nextQuestion: (ctx: LearningContext, session: QuizSession) => Reply,
): Promise<Reply[]> {
  const now = ctx.now();
  const graded = grade(session, question, shown);
  if (!graded.correct) await ctx.reviews.answeredWrong(profile.id, question.id, now);
  else if (session.kind === "review") await ctx.reviews.answeredRight(profile.id, question.id, now);
  const rightText = question.options.find((opt) => opt.correct)?.text ?? "";
  const feedback: Reply = {
    text: graded.correct ? lm.right(question.explanation) : lm.wrong(rightText, question.explanation),
  };
  if (!graded.finished) {
    await ctx.quizzes.save(profile.id, graded.session);
    return [feedback, nextQuestion(ctx, graded.session)];
  }
  await ctx.quizzes.close(profile.id);
  return [feedback, ...(await summary(ctx, profile, graded.session))];
}

async function summary(
  ctx: LearningContext,
  profile: LearnerProfile,
  session: QuizSession,
): Promise<Reply[]> {
  const done = lm.finished(session.correct, session.items.length);
  // A finished quiz always leaves a way on: lessons to read again, a retry, or the learner's progress.
  const progress = { label: lm.seeProgress, action: act("progress") };
  if (session.kind === "placement") return [await placementSummary(ctx, profile, session, done)];
  if (session.kind !== "module" || !session.module) {
    const again = readAgain(ctx, session);
    return [{ text: done, options: again.length ? again : [progress] }];
  }

  const module = session.module;
  const seconds = (ctx.now().getTime() - Date.parse(session.startedAt)) / 1000;
  if (seconds < ctx.minSecondsPerQuestion * session.items.length)
    return [{ text: `${done}\n${lm.tooFast}`, options: [{ label: lm.retry, action: act("quiz", module) }] }];
  const share = score(session);
  const mark = passMark(ctx.curriculum, module);
  const passed = share >= mark;
  const firstPass = await ctx.progress.recordQuiz(profile.id, module, share, passed, ctx.now());
  const text = `${done}\n${passed ? lm.passed(share) : lm.notPassed(share, mark)}`;
  const options = passed
    ? [progress]
    : [...readAgain(ctx, session), { label: lm.retry, action: act("quiz", module) }];
  const replies: Reply[] = [{ text, options }];
  if (firstPass) replies.push(...(await checkCertification(ctx, profile)));
  return replies;
}

async function placementSummary(
  ctx: LearningContext,
  profile: LearnerProfile,
  session: QuizSession,
  done: string,
): Promise<Reply> {
  const known: string[] = [];
  for (const item of session.items) {
    if (session.wrong.includes(item.qid)) continue;
    const module = ctx.questions.get(item.qid)?.id.replace(/-\d+$/, "");
    if (!module) continue;
    await ctx.progress.markKnown(profile.id, module, ctx.now());
    known.push(moduleTitle(ctx.curriculum, module));
  }
  return {
    text: `${done}\n${lm.placementDone(known)}`,
    options: [{ label: lm.seeProgress, action: act("progress") }],
  };
}

/** Up to three lessons to read again: those of the questions answered wrong. */
function readAgain(ctx: LearningContext, session: QuizSession): Reply["options"] & object {
  const lessons = [...new Set(session.wrong.map((id) => ctx.questions.get(id)?.lesson))].filter(
    (id): id is string => Boolean(id && ctx.curriculum.lessons.has(id)),
  );
  return lessons.slice(0, 3).map((id) => ({
    label: `${lm.readLesson}: ${ctx.curriculum.lessons.get(id)?.title ?? id}`,
    action: act("lesson", id),
  }));
}
