import { describe, expect, it } from "vitest";
import { passMark, questionIndex } from "../../src/knowledge/paths.ts";
import type { QuizQuestion } from "../../src/knowledge/schema.ts";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { answerQuestion, lessonsToReadAgain, type QuizGradingDeps } from "../../src/learning/quiz-grading.ts";
import { type QuizSession, startSession } from "../../src/learning/quiz-session.ts";
import { QuizStore } from "../../src/learning/quiz-store.ts";
import { ReviewSchedule } from "../../src/learning/review-schedule.ts";
import { tempStore, testCurriculum } from "../helpers/core.ts";

const START = new Date("2026-11-02T02:00:00Z");
const PERSON = "tg:grading";

async function setup(minSecondsPerQuestion = 0, at = new Date(START.getTime() + 10 * 60_000)) {
  const store = await tempStore();
  const curriculum = await testCurriculum();
  const deps: QuizGradingDeps = {
    curriculum,
    questions: questionIndex(curriculum),
    progress: new ProgressStore(store),
    quizzes: new QuizStore(store),
    reviews: new ReviewSchedule(store),
    minSecondsPerQuestion,
    now: () => at,
  };
  return { deps, curriculum };
}

/** The shown position of the right (or a wrong) option of the session's current question. */
function shownFor(session: QuizSession, question: QuizQuestion, right: boolean): number {
  const item = session.items[session.index];
  const rightIndex = question.options.findIndex((o) => o.correct);
  const index = item?.order.findIndex((bank) => (bank === rightIndex) === right) ?? -1;
  if (index < 0) throw new Error("no such option");
  return index;
}

/** Answers every question of a session, the first `rightCount` right; returns the last answer. */
async function answerAll(deps: QuizGradingDeps, start: QuizSession, rightCount: number) {
  let session = start;
  let answered = 0;
  for (;;) {
    const item = session.items[session.index];
    const question = deps.questions.get(item?.qid ?? "");
    if (!question) throw new Error("question missing");
    const outcome = await answerQuestion(
      deps,
      PERSON,
      session,
      question,
      shownFor(session, question, answered < rightCount),
    );
    answered++;
    if (outcome.result) return outcome;
    session = outcome.session;
  }
}

describe("grading a quiz (learning/quiz-grading)", () => {
  it("keeps an unfinished session open and schedules a wrong answer for review", async () => {
    const { deps } = await setup();
    const module = [...deps.curriculum.quizzes.keys()][0] as string;
    const bank = deps.curriculum.quizzes.get(module) ?? [];
    const session = startSession({ kind: "module", module }, bank.slice(0, 3), START, () => 0.3);
    const question = bank[0] as QuizQuestion;
    const outcome = await answerQuestion(deps, PERSON, session, question, shownFor(session, question, false));
    expect(outcome.correct).toBe(false);
    expect(outcome.result).toBeUndefined();
    expect((await deps.quizzes.open(PERSON))?.index).toBe(1);
    expect(Object.keys(await deps.reviews.scheduled(PERSON))).toEqual([question.id]);
  });

  it("records a passed module quiz once as a first pass, and closes the session", async () => {
    const { deps } = await setup();
    const module = [...deps.curriculum.quizzes.keys()][0] as string;
    const bank = (deps.curriculum.quizzes.get(module) ?? []).slice(0, 5);
    const first = await answerAll(
      deps,
      startSession({ kind: "module", module }, bank, START, () => 0.5),
      5,
    );
    expect(first.result).toEqual({
      kind: "module",
      module,
      share: 1,
      mark: passMark(deps.curriculum, module),
      passed: true,
      firstPass: true,
    });
    expect(await deps.quizzes.open(PERSON)).toBeNull();
    expect((await deps.progress.module(PERSON, module)).status).toBe("dat");
    const again = await answerAll(
      deps,
      startSession({ kind: "module", module }, bank, START, () => 0.5),
      5,
    );
    expect(again.result).toMatchObject({ kind: "module", passed: true, firstPass: false });
  });

  it("fails a module quiz under its pass mark and names the lessons of the wrong answers to read again", async () => {
    const { deps } = await setup();
    const module = [...deps.curriculum.quizzes.keys()][0] as string;
    const bank = (deps.curriculum.quizzes.get(module) ?? []).slice(0, 5);
    const outcome = await answerAll(
      deps,
      startSession({ kind: "module", module }, bank, START, () => 0.5),
      1,
    );
    expect(outcome.result).toMatchObject({
      kind: "module",
      module,
      share: 0.2,
      passed: false,
      firstPass: false,
    });
    expect((await deps.progress.module(PERSON, module)).status).not.toBe("dat");
    const wrongLessons = [...new Set(bank.slice(1).map((q) => q.lesson))].slice(0, 3);
    expect(lessonsToReadAgain(deps, outcome.session)).toEqual(wrongLessons);
  });

  it("does not count a module quiz answered faster than the minimum time", async () => {
    const { deps } = await setup(30, new Date(START.getTime() + 20_000));
    const module = [...deps.curriculum.quizzes.keys()][0] as string;
    const bank = (deps.curriculum.quizzes.get(module) ?? []).slice(0, 5);
    const outcome = await answerAll(
      deps,
      startSession({ kind: "module", module }, bank, START, () => 0.5),
      5,
    );
    expect(outcome.result).toEqual({ kind: "too-fast", module });
    expect((await deps.progress.module(PERSON, module)).status).not.toBe("dat");
  });

  it("marks the modules of a placement quiz's right answers as known", async () => {
    const { deps } = await setup();
    const modules = [...deps.curriculum.quizzes.keys()].slice(0, 2);
    const picked = modules.map((m) => (deps.curriculum.quizzes.get(m) ?? [])[0] as QuizQuestion);
    const outcome = await answerAll(
      deps,
      startSession({ kind: "placement" }, picked, START, () => 0.5),
      1,
    );
    const known = picked[0]?.id.replace(/-\d+$/, "");
    expect(outcome.result).toEqual({ kind: "placement", knownModules: [known] });
    expect((await deps.progress.module(PERSON, known as string)).known).toBe(true);
    expect((await deps.progress.module(PERSON, modules[1] as string)).known).toBe(false);
  });
});
