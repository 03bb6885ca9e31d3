import { quizProblems } from "../catalog/knowledge-check.ts";
import { unlistedContacts } from "./check-contacts.ts";
import type { QuizQuestion } from "./schema.ts";
import type { Curriculum, KnowledgeIssue } from "./types.ts";

export const MIN_QUESTIONS_PER_MODULE = 20;
export const MIN_QUESTIONS_PER_LESSON = 3;
/** Above this share of a module's items whose correct option is the longest, guessing "the longest" passes. */
export const MAX_LONGEST_CORRECT = 0.35;

/** True when the correct option is strictly longer than every other option: a guessable item. */
export function longestIsCorrect(question: QuizQuestion): boolean {
  const correct = question.options.find((o) => o.correct);
  if (!correct) return false;
  const length = correct.text.trim().length;
  return question.options.every((o) => o === correct || o.text.trim().length < length);
}

/** Share of a module's items whose correct option is the longest one. */
export function longestCorrectShare(questions: QuizQuestion[]): number {
  return questions.length ? questions.filter(longestIsCorrect).length / questions.length : 0;
}

export function checkQuizzes(curriculum: Curriculum): KnowledgeIssue[] {
  return [...checkQuizSizes(curriculum), ...checkQuestions(curriculum)];
}

/** Enough questions per module and per lesson, and not guessable by picking the longest option. */
function checkQuizSizes(curriculum: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const { slug } of curriculum.modules) {
    const questions = curriculum.quizzes.get(slug) ?? [];
    const file = `quizzes/${slug}.yaml`;
    if (questions.length < MIN_QUESTIONS_PER_MODULE)
      issues.push({
        file,
        field: "questions",
        message: quizProblems.tooFewInModule(questions.length, MIN_QUESTIONS_PER_MODULE),
      });
    const share = longestCorrectShare(questions);
    if (share > MAX_LONGEST_CORRECT)
      issues.push({
        file,
        field: "questions",
        message: quizProblems.longestIsCorrect(Math.round(share * 100), MAX_LONGEST_CORRECT * 100),
      });
  }
  for (const lesson of curriculum.lessons.values()) {
    const count = (curriculum.quizzes.get(lesson.module) ?? []).filter((q) => q.lesson === lesson.id).length;
    if (count < MIN_QUESTIONS_PER_LESSON)
      issues.push({
        file: `quizzes/${lesson.module}.yaml`,
        field: "questions",
        message: quizProblems.tooFewForLesson(lesson.id, count, MIN_QUESTIONS_PER_LESSON),
      });
  }
  return issues;
}

/** Each question: its module and lesson exist, one correct option, no repeated id, text or option. */
function checkQuestions(curriculum: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const [module, questions] of curriculum.quizzes) {
    const file = `quizzes/${module}.yaml`;
    if (!curriculum.modules.some((m) => m.slug === module))
      issues.push({ file, field: "module", message: quizProblems.noSuchModule(module) });
    questions.forEach((q, i) => {
      const add = (field: string, message: string) =>
        issues.push({ file, field: `questions.${i}.${field}`, message });
      const lesson = curriculum.lessons.get(q.lesson);
      if (!lesson) add("lesson", quizProblems.noSuchLesson(q.lesson));
      else if (lesson.module !== module) add("lesson", quizProblems.lessonOfOtherModule(q.lesson, module));
      const correct = q.options.filter((o) => o.correct).length;
      if (correct !== 1) add("options", quizProblems.correctCount(correct));
      if (ids.has(q.id)) add("id", quizProblems.duplicateId(q.id, ids.get(q.id)));
      ids.set(q.id, file);
      const key = q.question.toLowerCase().replace(/\s+/g, " ").trim();
      if (texts.has(key)) add("question", quizProblems.duplicateQuestion(texts.get(key)));
      texts.set(key, `${file} (${q.id})`);
      const options = new Set(q.options.map((o) => o.text.trim().toLowerCase()));
      if (options.size !== q.options.length) add("options", quizProblems.sameOptionTwice);
      const text = [q.question, ...q.options.map((o) => o.text), q.explanation].join("\n");
      for (const problem of unlistedContacts(text, curriculum)) add("question", problem);
    });
  }
  return issues;
}
