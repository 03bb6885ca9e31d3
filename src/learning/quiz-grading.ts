import { passMark } from "../knowledge/paths.ts";
import type { QuizQuestion } from "../knowledge/schema.ts";
import type { Curriculum } from "../knowledge/types.ts";
import type { ProgressStore } from "./progress-store.ts";
import { grade, type QuizSession, score } from "./quiz-session.ts";
import type { QuizStore } from "./quiz-store.ts";
import type { ReviewSchedule } from "./review-schedule.ts";

export interface QuizGradingDeps {
  curriculum: Curriculum;
  /** Every quiz question by id. */
  questions: Map<string, QuizQuestion>;
  progress: ProgressStore;
  quizzes: QuizStore;
  reviews: ReviewSchedule;
  /** A module quiz answered faster than this many seconds per question does not count (0: off). */
  minSecondsPerQuestion: number;
  now: () => Date;
}

/** What a finished quiz came to. */
export type QuizResult =
  /** The placement quiz: the modules whose questions were all answered right are marked known. */
  | { kind: "placement"; knownModules: string[] }
  /** A lesson quiz or a review: nothing is recorded beyond the review schedule. */
  | { kind: "practice" }
  /** A module quiz answered too fast to count. */
  | { kind: "too-fast"; module: string }
  | { kind: "module"; module: string; share: number; mark: number; passed: boolean; firstPass: boolean };

export interface AnsweredQuestion {
  correct: boolean;
  /** The session after this answer (the next question comes from it when not finished). */
  session: QuizSession;
  /** Set once the last question is answered; the session is then closed. */
  result?: QuizResult;
}

/**
 * Grades one answer and records everything it changes: the review schedule, the open session, and when it
 * was the last question, the module's result (progress) or the placement's known modules.
 */
export async function answerQuestion(
  deps: QuizGradingDeps,
  personId: string,
  session: QuizSession,
  question: QuizQuestion,
  shown: number,
): Promise<AnsweredQuestion> {
  const now = deps.now();
  const graded = grade(session, question, shown);
  if (!graded.correct) await deps.reviews.answeredWrong(personId, question.id, now);
  else if (session.kind === "review") await deps.reviews.answeredRight(personId, question.id, now);
  if (!graded.finished) {
    await deps.quizzes.save(personId, graded.session);
    return { correct: graded.correct, session: graded.session };
  }
  await deps.quizzes.close(personId);
  const result = await finish(deps, personId, graded.session);
  return { correct: graded.correct, session: graded.session, result };
}

async function finish(deps: QuizGradingDeps, personId: string, session: QuizSession): Promise<QuizResult> {
  if (session.kind === "placement")
    return { kind: "placement", knownModules: await markKnown(deps, personId, session) };
  if (session.kind !== "module" || !session.module) return { kind: "practice" };
  const module = session.module;
  const seconds = (deps.now().getTime() - Date.parse(session.startedAt)) / 1000;
  if (seconds < deps.minSecondsPerQuestion * session.items.length) return { kind: "too-fast", module };
  const share = score(session);
  const mark = passMark(deps.curriculum, module);
  const passed = share >= mark;
  const firstPass = await deps.progress.recordQuiz(personId, module, share, passed, deps.now());
  return { kind: "module", module, share, mark, passed, firstPass };
}

/** The placement quiz: each module a question was answered right for is marked known, in question order. */
async function markKnown(deps: QuizGradingDeps, personId: string, session: QuizSession): Promise<string[]> {
  const known: string[] = [];
  for (const item of session.items) {
    if (session.wrong.includes(item.qid)) continue;
    const module = deps.questions.get(item.qid)?.id.replace(/-\d+$/, "");
    if (!module) continue;
    await deps.progress.markKnown(personId, module, deps.now());
    known.push(module);
  }
  return known;
}

/** Up to three lessons to read again: those of the questions answered wrong. */
export function lessonsToReadAgain(
  deps: Pick<QuizGradingDeps, "curriculum" | "questions">,
  session: QuizSession,
): string[] {
  const lessons = [...new Set(session.wrong.map((id) => deps.questions.get(id)?.lesson))].filter(
    (id): id is string => Boolean(id && deps.curriculum.lessons.has(id)),
  );
  return lessons.slice(0, 3);
}
