import { foldAccents } from "../shared/fold-accents.ts";
import { findHosts, findPhoneNumbers, hostOf } from "./links.ts";
import { countWords, splitSentences } from "./markdown.ts";
import { OUTLINE_LESSONS } from "./outline.ts";
import { INTRO_KEY } from "./schema.ts";
import type { Curriculum, KnowledgeIssue, Lesson } from "./types.ts";

export const MIN_QUESTIONS_PER_MODULE = 12;
export const LESSON_WORDS = { min: 250, max: 700 } as const;
export const MIN_ASKS_PER_LESSON = 10;

export interface ModuleReport {
  module: string;
  lessons: number;
  words: number;
  questions: number;
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

function checkModules({ modules }: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const known = new Set(modules.map((m) => m.slug));
  for (const slug of Object.keys(OUTLINE_LESSONS)) {
    if (!known.has(slug))
      issues.push({ file: "modules.yaml", field: "modules", message: `thiếu module "${slug}"` });
  }
  const seen = new Set<string>();
  modules.forEach((m, i) => {
    if (!(m.slug in OUTLINE_LESSONS))
      issues.push({
        file: "modules.yaml",
        field: `modules.${i}.slug`,
        message: `module "${m.slug}" không có trong đề cương`,
      });
    if (seen.has(m.slug))
      issues.push({ file: "modules.yaml", field: `modules.${i}.slug`, message: `trùng "${m.slug}"` });
    seen.add(m.slug);
  });
  return issues;
}

function checkLesson(lesson: Lesson, curriculum: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const add = (field: string, message: string) => issues.push({ file: lesson.file, field, message });
  if (!curriculum.modules.some((m) => m.slug === lesson.module))
    add("module", `module không tồn tại "${lesson.module}"`);
  if (!lesson.id.startsWith(`${lesson.module}/`))
    add("id", `id "${lesson.id}" phải bắt đầu bằng "${lesson.module}/"`);
  if (lesson.file !== `lessons/${lesson.id}.md`)
    add("id", `id "${lesson.id}" không khớp tên tệp (lessons/${lesson.id}.md)`);
  if (lesson.wordCount < LESSON_WORDS.min || lesson.wordCount > LESSON_WORDS.max)
    add("body", `${lesson.wordCount} từ, cần ${LESSON_WORDS.min}–${LESSON_WORDS.max}`);
  const last = lesson.sections.at(-1);
  if (!last || !/^ghi nhớ$/iu.test(last.heading.trim())) add("body", 'phải kết thúc bằng mục "## Ghi nhớ"');
  else if (!/^\s*[-*]\s+\S/m.test(last.text)) add("body", 'mục "Ghi nhớ" phải là danh sách gạch đầu dòng');
  if (lesson.kind === "huong-dan") {
    if (!/^\s*1\.\s+\S/m.test(lesson.body)) add("body", "bài hướng dẫn cần các bước đánh số (1. 2. 3.)");
    if (!lesson.practice) add("practice", "bài hướng dẫn cần một bài thực hành");
  }
  const text = [lesson.title, lesson.summary, lesson.practice ?? "", lesson.body].join("\n");
  for (const problem of unlistedContacts(text, curriculum)) add("body", problem);
  return issues;
}

const isRecap = (heading: string) => /^ghi nhớ$/iu.test(heading.trim());
const foldedLine = (text: string) =>
  foldAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

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
    if (total < MIN_ASKS_PER_LESSON)
      add("asks", `${total} câu người dân hay hỏi, cần ít nhất ${MIN_ASKS_PER_LESSON}`);
    for (const [heading, list] of Object.entries(asks)) {
      if (!headings.has(heading)) add(`asks.${heading}`, "không có mục nào tên như vậy");
      if (isRecap(heading)) add(`asks.${heading}`, 'mục "Ghi nhớ" không nhận câu hỏi');
      for (const ask of list) {
        const key = foldedLine(ask);
        const other = seen.get(key);
        if (other) add(`asks.${heading}`, `"${ask}" trùng với ${other}`);
        seen.set(key, lesson.file);
      }
    }
    for (const heading of Object.keys(lesson.answers ?? {}))
      if (!headings.has(heading)) add(`answers.${heading}`, "không có mục nào tên như vậy");
    for (const section of lesson.sections) {
      const key = section.heading || INTRO_KEY;
      if (!isRecap(key) && !lesson.answers?.[key]) add("answers", `mục "${key}" chưa nói nó trả lời điều gì`);
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
            message: `"${ask}" là nguyên văn một câu trong bộ đánh giá: hãy viết câu khác`,
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
          message: `"${example}" là nguyên văn một câu trong bộ đánh giá: hãy viết câu khác`,
        });
    }
  }
  return issues;
}

function checkQuizzes(curriculum: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const { slug } of curriculum.modules) {
    const questions = curriculum.quizzes.get(slug) ?? [];
    const file = `quizzes/${slug}.yaml`;
    if (questions.length < MIN_QUESTIONS_PER_MODULE)
      issues.push({
        file,
        field: "questions",
        message: `${questions.length} câu hỏi, cần ít nhất ${MIN_QUESTIONS_PER_MODULE}`,
      });
  }
  for (const [module, questions] of curriculum.quizzes) {
    const file = `quizzes/${module}.yaml`;
    if (!curriculum.modules.some((m) => m.slug === module))
      issues.push({ file, field: "module", message: `module không tồn tại "${module}"` });
    questions.forEach((q, i) => {
      const add = (field: string, message: string) =>
        issues.push({ file, field: `questions.${i}.${field}`, message });
      const lesson = curriculum.lessons.get(q.lesson);
      if (!lesson) add("lesson", `bài học không tồn tại "${q.lesson}"`);
      else if (lesson.module !== module) add("lesson", `bài "${q.lesson}" không thuộc module "${module}"`);
      const correct = q.options.filter((o) => o.correct).length;
      if (correct !== 1) add("options", `cần đúng một đáp án đúng, đang có ${correct}`);
      if (ids.has(q.id)) add("id", `trùng id "${q.id}" với ${ids.get(q.id)}`);
      ids.set(q.id, file);
      const key = q.question.toLowerCase().replace(/\s+/g, " ").trim();
      if (texts.has(key)) add("question", `trùng câu hỏi với ${texts.get(key)}`);
      texts.set(key, `${file} (${q.id})`);
      const options = new Set(q.options.map((o) => o.text.trim().toLowerCase()));
      if (options.size !== q.options.length) add("options", "có hai lựa chọn giống nhau");
      const text = [q.question, ...q.options.map((o) => o.text), q.explanation].join("\n");
      for (const problem of unlistedContacts(text, curriculum)) add("question", problem);
    });
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
            message: `module không tồn tại "${slug}"`,
          });
      });
    }
    for (const slug of path.required) {
      if (!path.order.includes(slug))
        issues.push({
          file: "paths.yaml",
          field: `groups.${group}.order`,
          message: `thiếu module bắt buộc "${slug}"`,
        });
      if (path.recommended.includes(slug))
        issues.push({
          file: "paths.yaml",
          field: `groups.${group}.recommended`,
          message: `"${slug}" đã là bắt buộc`,
        });
    }
  }
  for (const slug of Object.keys(paths.pass_marks)) {
    if (!known.has(slug))
      issues.push({ file: "paths.yaml", field: `pass_marks.${slug}`, message: "module không tồn tại" });
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
        issues.push({ file: `lessons/${id}.md`, field: "id", message: `thiếu bài "${id}" của đề cương` });
    }
  }
  return issues;
}

function unlistedContacts(text: string, { contacts }: Curriculum): string[] {
  const all = [...contacts.national, ...contacts.ward].filter((c) => c.value);
  const hosts = new Set(all.filter((c) => c.kind === "url").map((c) => hostOf(c.value)));
  const phones = new Set(all.filter((c) => c.kind === "phone").map((c) => c.value.replace(/\D/g, "")));
  const problems: string[] = [];
  for (const host of findHosts(text)) {
    if (!hosts.has(host)) problems.push(`địa chỉ web "${host}" không có trong contacts.yaml`);
  }
  for (const phone of findPhoneNumbers(text)) {
    if (!phones.has(phone)) problems.push(`số điện thoại "${phone}" không có trong contacts.yaml`);
  }
  return problems;
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
      sentences: sentences.length,
      wordsPerSentence: sentences.length ? Math.round((sentenceWords / sentences.length) * 10) / 10 : 0,
    };
  });
}
