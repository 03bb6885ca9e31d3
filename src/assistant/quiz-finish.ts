import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import { moduleTitle } from "../knowledge/paths.ts";
import type { QuizQuestion } from "../knowledge/schema.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import { answerQuestion, lessonsToReadAgain, type QuizResult } from "../learning/quiz-grading.ts";
import type { QuizSession } from "../learning/quiz-session.ts";
import type { Reply } from "../messaging/message.ts";
import { act } from "./actions.ts";
import { checkCertification } from "./certificate-flow.ts";
import type { LearningContext } from "./learning-context.ts";

/** Grades the current question (learning/quiz-grading records it) and replies with feedback and the next step. */
export async function finishQuiz(
  ctx: LearningContext,
  profile: LearnerProfile,
  session: QuizSession,
  question: QuizQuestion,
  shown: number,
  nextQuestion: (ctx: LearningContext, session: QuizSession) => Reply,
): Promise<Reply[]> {
  const answered = await answerQuestion(ctx, profile.id, session, question, shown);
  const rightText = question.options.find((opt) => opt.correct)?.text ?? "";
  const feedback: Reply = {
    text: answered.correct ? lm.right(question.explanation) : lm.wrong(rightText, question.explanation),
  };
  if (!answered.result) return [feedback, nextQuestion(ctx, answered.session)];
  return [feedback, ...(await summary(ctx, profile, answered.session, answered.result))];
}

async function summary(
  ctx: LearningContext,
  profile: LearnerProfile,
  session: QuizSession,
  result: QuizResult,
): Promise<Reply[]> {
  const done = lm.finished(session.correct, session.items.length);
  // A finished quiz always leaves a way on: lessons to read again, a retry, or the learner's progress.
  const progress = { label: lm.seeProgress, action: act("progress") };
  switch (result.kind) {
    case "placement": {
      const known = result.knownModules.map((m) => moduleTitle(ctx.curriculum, m));
      return [{ text: `${done}\n${lm.placementDone(known)}`, options: [progress] }];
    }
    case "practice": {
      const again = readAgain(ctx, session);
      return [{ text: done, options: again.length ? again : [progress] }];
    }
    case "too-fast":
      return [
        {
          text: `${done}\n${lm.tooFast}`,
          options: [{ label: lm.retry, action: act("quiz", result.module) }],
        },
      ];
    case "module": {
      const text = `${done}\n${result.passed ? lm.passed(result.share) : lm.notPassed(result.share, result.mark)}`;
      const options = result.passed
        ? [progress]
        : [...readAgain(ctx, session), { label: lm.retry, action: act("quiz", result.module) }];
      const replies: Reply[] = [{ text, options }];
      if (result.firstPass) replies.push(...(await checkCertification(ctx, profile)));
      return replies;
    }
  }
}

/** Buttons to read again the lessons of the questions answered wrong. */
function readAgain(ctx: LearningContext, session: QuizSession): Reply["options"] & object {
  return lessonsToReadAgain(ctx, session).map((id) => ({
    label: `${lm.readLesson}: ${ctx.curriculum.lessons.get(id)?.title ?? id}`,
    action: act("lesson", id),
  }));
}
