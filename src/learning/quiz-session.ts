import type { QuizQuestion } from "../knowledge/schema.ts";

export type QuizKind = "module" | "lesson" | "review" | "placement";

export interface QuizItem {
  /** Question id in the bank (`vneid-03`). */
  qid: string;
  /** Shown position → index of the option in the bank; the correct answer never leaves the server. */
  order: number[];
}

/** One open quiz of one person; persisted as JSON so it survives restarts and works across instances. */
export interface QuizSession {
  /** Six lowercase letters or digits; carried in every answer action. */
  id: string;
  kind: QuizKind;
  /** The module of a module or lesson quiz. */
  module?: string;
  lesson?: string;
  items: QuizItem[];
  /** The question being asked now (0-based); equals items.length when finished. */
  index: number;
  correct: number;
  /** Question ids answered wrong, in order. */
  wrong: string[];
  startedAt: string;
}

export type Random = () => number;

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function newSessionId(random: Random): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  return Array.from({ length: 6 }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
}

export function startSession(
  spec: { kind: QuizKind; module?: string; lesson?: string },
  questions: readonly QuizQuestion[],
  now: Date,
  random: Random,
): QuizSession {
  return {
    id: newSessionId(random),
    ...spec,
    items: questions.map((q) => ({
      qid: q.id,
      order: shuffled(
        q.options.map((_, i) => i),
        random,
      ),
    })),
    index: 0,
    correct: 0,
    wrong: [],
    startedAt: now.toISOString(),
  };
}

export interface Graded {
  session: QuizSession;
  correct: boolean;
  /** Shown position (0-based) of the right option. */
  correctShown: number;
  finished: boolean;
}

/** Grades the current question; the caller has already checked that `shown` answers `session.index`. */
export function grade(session: QuizSession, question: QuizQuestion, shown: number): Graded {
  const item = session.items[session.index];
  if (!item || item.qid !== question.id) throw new Error("question is not the current one");
  const chosen = item.order[shown];
  const rightIndex = question.options.findIndex((o) => o.correct);
  const correct = chosen === rightIndex;
  const next: QuizSession = {
    ...session,
    index: session.index + 1,
    correct: session.correct + (correct ? 1 : 0),
    wrong: correct ? session.wrong : [...session.wrong, question.id],
  };
  return {
    session: next,
    correct,
    correctShown: item.order.indexOf(rightIndex),
    finished: next.index >= next.items.length,
  };
}

export function score(session: QuizSession): number {
  return session.items.length ? session.correct / session.items.length : 0;
}
