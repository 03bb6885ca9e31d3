import type { QuizQuestion } from "./schema.ts";
import type { Curriculum } from "./types.ts";

/** Every quiz question by id. */
export function questionIndex(curriculum: Curriculum): Map<string, QuizQuestion> {
  return new Map([...curriculum.quizzes.values()].flat().map((q) => [q.id, q]));
}

export function moduleTitle(curriculum: Curriculum, slug: string): string {
  return curriculum.modules.find((m) => m.slug === slug)?.title ?? slug;
}

/** The share of a module's quiz a learner must get right to pass it. */
export function passMark(curriculum: Curriculum, module: string): number {
  return curriculum.paths.pass_marks[module] ?? curriculum.paths.default_pass_mark;
}
