import { curriculumProblems } from "../catalog/knowledge-check.ts";
import { unlistedContacts } from "./check-contacts.ts";
import { checkQuizzes, longestCorrectShare } from "./check-quizzes.ts";
import { countWords, foldedLine, splitSentences } from "./markdown.ts";
import { OUTLINE_LESSONS } from "./outline.ts";
import { INTRO_KEY } from "./schema.ts";
import type { Curriculum, KnowledgeIssue, Lesson } from "./types.ts";

export const LESSON_WORDS = { min: 250, max: 700 } as const;
export const MIN_ASKS_PER_LESSON = 10;

export interface ModuleReport {
  module: string;
  lessons: number;
  words: number;
  questions: number;
  /** Share of the module's quiz items whose correct option is the longest. */
  longestCorrect: number;
  sentences: number;
  wordsPerSentence: number;
}

/** Cross-file checks: outline coverage, references, answers, contacts, lesson shape. */
export function checkCurriculum(curriculum: Curriculum): KnowledgeIssue[] {
  return [
    ...checkModules(curriculum),
    ...[...curriculum.lessons.values()].flatMap((lesson) => checkLesson(lesson, curriculum)),
    ...checkAnswerCards(curriculum),
    ...checkQuizzes(curriculum),
    ...checkPaths(curriculum),
  ];
}

function checkModules({ modules, lessons }: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const known = new Set(modules.map((m) => m.slug));
  for (const slug of Object.keys(OUTLINE_LESSONS)) {
    if (!known.has(slug))
      issues.push({
        file: "modules.yaml",
        field: "modules",
        message: curriculumProblems.moduleMissing(slug),
      });
  }
  const seen = new Set<string>();
  issues.push(...checkLessonOrder(modules, lessons));
  modules.forEach((m, i) => {
    if (!(m.slug in OUTLINE_LESSONS))
      issues.push({
        file: "modules.yaml",
        field: `modules.${i}.slug`,
        message: curriculumProblems.moduleNotInOutline(m.slug),
      });
    if (seen.has(m.slug))
      issues.push({
        file: "modules.yaml",
        field: `modules.${i}.slug`,
        message: curriculumProblems.duplicate(m.slug),
      });
    seen.add(m.slug);
  });
  return issues;
}

/** Each module lists its lessons in a beginner's order: every lesson once, nothing that doesn't exist. */
function checkLessonOrder(modules: Curriculum["modules"], lessons: Curriculum["lessons"]): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  modules.forEach((m, i) => {
    const listed = new Set<string>();
    for (const slug of m.lessons) {
      const field = `modules.${i}.lessons`;
      if (listed.has(slug))
        issues.push({ file: "modules.yaml", field, message: curriculumProblems.listedTwice(slug) });
      else if (!lessons.has(`${m.slug}/${slug}`))
        issues.push({
          file: "modules.yaml",
          field,
          message: curriculumProblems.noSuchLesson(`${m.slug}/${slug}`),
        });
      listed.add(slug);
    }
    for (const lesson of lessons.values())
      if (lesson.module === m.slug && !listed.has(lesson.id.slice(m.slug.length + 1)))
        issues.push({
          file: lesson.file,
          field: "id",
          message: curriculumProblems.notInLessonOrder(m.slug),
        });
  });
  return issues;
}

function checkLesson(lesson: Lesson, curriculum: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const add = (field: string, message: string) => issues.push({ file: lesson.file, field, message });
  if (!curriculum.modules.some((m) => m.slug === lesson.module))
    add("module", curriculumProblems.noSuchModule(lesson.module));
  if (!lesson.id.startsWith(`${lesson.module}/`))
    add("id", curriculumProblems.idPrefix(lesson.id, lesson.module));
  if (lesson.file !== `lessons/${lesson.id}.md`) add("id", curriculumProblems.idNotFileName(lesson.id));
  if (lesson.wordCount < LESSON_WORDS.min || lesson.wordCount > LESSON_WORDS.max)
    add("body", curriculumProblems.wordCount(lesson.wordCount, LESSON_WORDS.min, LESSON_WORDS.max));
  const last = lesson.sections.at(-1);
  if (!last || !/^ghi nhớ$/iu.test(last.heading.trim())) add("body", curriculumProblems.recapLast);
  else if (!/^\s*[-*]\s+\S/m.test(last.text)) add("body", curriculumProblems.recapBullets);
  if (lesson.kind === "huong-dan") {
    if (!/^\s*1\.\s+\S/m.test(lesson.body)) add("body", curriculumProblems.numberedSteps);
    if (!lesson.practice) add("practice", curriculumProblems.practiceNeeded);
  }
  const text = [lesson.title, lesson.summary, lesson.practice ?? "", lesson.body].join("\n");
  for (const problem of unlistedContacts(text, curriculum)) add("body", problem);
  return issues;
}

const isRecap = (heading: string) => /^ghi nhớ$/iu.test(heading.trim());

/**
 * Answer cards: each lesson has at least MIN_ASKS_PER_LESSON asks, keyed by real section headings (or
 * "Mở đầu"), none on the recap; every section but the recap says what it answers; no ask twice.
 */
function checkAnswerCards(curriculum: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const seen = new Map<string, string>();
  for (const lesson of curriculum.lessons.values()) {
    const add = (field: string, message: string) => issues.push({ file: lesson.file, field, message });
    const headings = new Set(lesson.sections.map((s) => s.heading || INTRO_KEY));
    const asks = lesson.asks ?? {};
    const total = Object.values(asks).reduce((n, list) => n + list.length, 0);
    if (total < MIN_ASKS_PER_LESSON) add("asks", curriculumProblems.tooFewAsks(total, MIN_ASKS_PER_LESSON));
    for (const [heading, list] of Object.entries(asks)) {
      if (!headings.has(heading)) add(`asks.${heading}`, curriculumProblems.noSuchSection);
      if (isRecap(heading)) add(`asks.${heading}`, curriculumProblems.recapTakesNoAsks);
      for (const ask of list) {
        const key = foldedLine(ask);
        const other = seen.get(key);
        if (other) add(`asks.${heading}`, curriculumProblems.askTwice(ask, other));
        seen.set(key, lesson.file);
      }
    }
    for (const heading of Object.keys(lesson.answers ?? {}))
      if (!headings.has(heading)) add(`answers.${heading}`, curriculumProblems.noSuchSection);
    for (const section of lesson.sections) {
      const key = section.heading || INTRO_KEY;
      if (!isRecap(key) && !lesson.answers?.[key])
        add("answers", curriculumProblems.sectionWithoutAnswer(key));
    }
  }
  return issues;
}

/**
 * Evaluation messages must not be answer cards or out-of-scope examples: one that equals or contains an
 * evaluation message (folded) is reported.
 */
export function checkAsksAgainstEval(curriculum: Curriculum, questions: string[]): KnowledgeIssue[] {
  const evalKeys = questions.map(foldedLine).filter((q) => q.split(" ").length >= 3);
  const issues: KnowledgeIssue[] = [];
  for (const lesson of curriculum.lessons.values()) {
    for (const [heading, list] of Object.entries(lesson.asks ?? {})) {
      for (const ask of list) {
        const key = foldedLine(ask);
        if (evalKeys.some((q) => key === q || key.includes(q)))
          issues.push({
            file: lesson.file,
            field: `asks.${heading}`,
            message: curriculumProblems.copiedFromEval(ask),
          });
      }
    }
  }
  for (const topic of curriculum.outOfScope) {
    for (const example of topic.examples) {
      const key = foldedLine(example);
      if (evalKeys.some((q) => key === q || key.includes(q)))
        issues.push({
          file: "out-of-scope.yaml",
          field: `topics.${topic.id}`,
          message: curriculumProblems.copiedFromEval(example),
        });
    }
  }
  return issues;
}

function checkPaths({ paths, modules }: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const known = new Set(modules.map((m) => m.slug));
  for (const [group, path] of Object.entries(paths.groups)) {
    for (const list of ["required", "recommended", "order"] as const) {
      path[list].forEach((slug, i) => {
        if (!known.has(slug))
          issues.push({
            file: "paths.yaml",
            field: `groups.${group}.${list}.${i}`,
            message: curriculumProblems.noSuchModule(slug),
          });
      });
    }
    for (const slug of path.required) {
      if (!path.order.includes(slug))
        issues.push({
          file: "paths.yaml",
          field: `groups.${group}.order`,
          message: curriculumProblems.requiredModuleMissing(slug),
        });
      if (path.recommended.includes(slug))
        issues.push({
          file: "paths.yaml",
          field: `groups.${group}.recommended`,
          message: curriculumProblems.alreadyRequired(slug),
        });
    }
  }
  for (const slug of Object.keys(paths.pass_marks)) {
    if (!known.has(slug))
      issues.push({
        file: "paths.yaml",
        field: `pass_marks.${slug}`,
        message: curriculumProblems.noSuchModuleHere,
      });
  }
  return issues;
}

/** Every outline lesson must exist. */
export function checkOutline(curriculum: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const [module, lessons] of Object.entries(OUTLINE_LESSONS)) {
    for (const lesson of lessons) {
      const id = `${module}/${lesson}`;
      if (!curriculum.lessons.has(id))
        issues.push({
          file: `lessons/${id}.md`,
          field: "id",
          message: curriculumProblems.outlineLessonMissing(id),
        });
    }
  }
  return issues;
}

/** Words, questions and words per sentence for each module: the plain-language report. */
export function reportModules(curriculum: Curriculum): ModuleReport[] {
  return curriculum.modules.map(({ slug }) => {
    const lessons = [...curriculum.lessons.values()].filter((l) => l.module === slug);
    const sentences = lessons.flatMap((l) => splitSentences(l.body));
    const sentenceWords = sentences.reduce((sum, s) => sum + countWords(s), 0);
    return {
      module: slug,
      lessons: lessons.length,
      words: lessons.reduce((sum, l) => sum + l.wordCount, 0),
      questions: curriculum.quizzes.get(slug)?.length ?? 0,
      longestCorrect: longestCorrectShare(curriculum.quizzes.get(slug) ?? []),
      sentences: sentences.length,
      wordsPerSentence: sentences.length ? Math.round((sentenceWords / sentences.length) * 10) / 10 : 0,
    };
  });
}
