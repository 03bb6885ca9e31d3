import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { curriculumProblems, loadProblems } from "../catalog/knowledge-check.ts";
import { countWords, foldedLine, plain, splitFrontMatter, splitSections } from "./markdown.ts";
import {
  type AnswerCardsFile,
  answerCardsFileSchema,
  contactsFileSchema,
  lessonFrontMatterSchema,
  type Module,
  modulesFileSchema,
  outOfScopeFileSchema,
  type PathsFile,
  pathsFileSchema,
  type QuizQuestion,
  quizFileSchema,
} from "./schema.ts";
import type { Curriculum, KnowledgeIssue, Lesson } from "./types.ts";
import { type WardProfile, wardFileSchema } from "./ward-schema.ts";

export interface LoadResult {
  curriculum: Curriculum;
  issues: KnowledgeIssue[];
}

/** Reads every file of knowledge/; never throws on bad content, it reports each problem as an issue. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const issues: KnowledgeIssue[] = [];
  const read = createReader(dir, issues);

  const modules = (await read("modules.yaml", modulesFileSchema))?.modules ?? [];
  const contactsFile = (await read("contacts.yaml", contactsFileSchema)) ?? { national: [] };
  const ward = (await read("ward.yaml", wardFileSchema)) ?? emptyWard();
  const contacts = { national: contactsFile.national, ward: ward.contacts };
  const paths = (await read("paths.yaml", pathsFileSchema)) ?? emptyPaths();
  const scopeFile = await read("out-of-scope.yaml", outOfScopeFileSchema);
  const outOfScope = scopeFile?.topics ?? [];
  const lessons = inModuleOrder(await readLessons(dir, issues), modules);
  for (const file of await listFiles(join(dir, "cards"), ".yaml")) {
    const name = relative(dir, file);
    const cards = await read(name, answerCardsFileSchema);
    if (cards) attachCards(name, cards, lessons, issues);
  }
  const quizzes = new Map<string, QuizQuestion[]>();
  for (const file of await listFiles(join(dir, "quizzes"), ".yaml")) {
    const quiz = await read(relative(dir, file), quizFileSchema);
    if (quiz) quizzes.set(quiz.module, [...(quizzes.get(quiz.module) ?? []), ...quiz.questions]);
  }
  const curriculum: Curriculum = { modules, lessons, quizzes, paths, contacts, outOfScope, ward };
  if (scopeFile?.online_lesson) curriculum.onlineLesson = scopeFile.online_lesson;
  return { curriculum, issues };
}

function createReader(dir: string, issues: KnowledgeIssue[]) {
  return async <S extends z.ZodType>(file: string, schema: S): Promise<z.infer<S> | null> => {
    let data: unknown;
    try {
      data = YAML.parse(await readFile(join(dir, file), "utf8"));
    } catch (error) {
      issues.push({ file, field: loadProblems.wholeFile, message: describeReadError(error) });
      return null;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      issues.push({ file, field: fieldOf(issue.path), message: issue.message });
    return null;
  };
}

async function readLessons(dir: string, issues: KnowledgeIssue[]): Promise<Map<string, Lesson>> {
  const lessons = new Map<string, Lesson>();
  for (const path of await listFiles(join(dir, "lessons"), ".md")) {
    const file = relative(dir, path);
    const parts = splitFrontMatter(await readFile(path, "utf8"));
    if (!parts) {
      issues.push({ file, field: "front matter", message: loadProblems.noFrontMatter });
      continue;
    }
    let data: unknown;
    try {
      data = YAML.parse(parts.yaml);
    } catch (error) {
      issues.push({ file, field: "front matter", message: describeReadError(error) });
      continue;
    }
    const parsed = lessonFrontMatterSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ file, field: fieldOf(issue.path), message: issue.message });
      continue;
    }
    if (lessons.has(parsed.data.id)) {
      issues.push({
        file,
        field: "id",
        message: loadProblems.duplicateId(parsed.data.id, lessons.get(parsed.data.id)?.file),
      });
      continue;
    }
    const body = parts.body.trim();
    lessons.set(parsed.data.id, {
      ...parsed.data,
      file,
      body,
      sections: splitSections(body),
      wordCount: countWords(body),
    });
  }
  return lessons;
}

/**
 * Gives a lesson its answer cards: each must belong to one of the lesson's asks and quote the lesson word for
 * word (a sentence rewritten in the lesson is reported, not silently dropped from answers).
 */
function attachCards(
  file: string,
  cards: AnswerCardsFile,
  lessons: Map<string, Lesson>,
  issues: KnowledgeIssue[],
) {
  const lesson = lessons.get(cards.lesson);
  if (!lesson) {
    issues.push({ file, field: "lesson", message: curriculumProblems.noSuchLesson(cards.lesson) });
    return;
  }
  const asks = new Set(Object.values(lesson.asks ?? {}).flat());
  const body = foldedLine(plain(lesson.body));
  cards.cards.forEach((card, i) => {
    if (!asks.has(card.ask))
      issues.push({ file, field: `cards.${i}.ask`, message: curriculumProblems.cardForNoAsk(card.ask) });
    card.quote.forEach((quote, j) => {
      if (!body.includes(foldedLine(quote)))
        issues.push({
          file,
          field: `cards.${i}.quote.${j}`,
          message: curriculumProblems.quoteNotInLesson(quote),
        });
    });
  });
  lesson.quotes = Object.fromEntries(cards.cards.map((c) => [c.ask, c.quote]));
}

/** Lessons module by module, each module's in its listed beginner's order; unlisted ones after, by file. */
function inModuleOrder(lessons: Map<string, Lesson>, modules: Module[]): Map<string, Lesson> {
  const ordered = new Map<string, Lesson>();
  for (const m of modules) {
    for (const slug of m.lessons) {
      const lesson = lessons.get(`${m.slug}/${slug}`);
      if (lesson) ordered.set(lesson.id, lesson);
    }
    for (const lesson of lessons.values()) if (lesson.module === m.slug) ordered.set(lesson.id, lesson);
  }
  for (const lesson of lessons.values()) ordered.set(lesson.id, lesson);
  return ordered;
}

async function listFiles(dir: string, extension: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((name) => name.endsWith(extension) && !name.split("/").pop()?.startsWith("."))
    .sort()
    .map((name) => join(dir, name));
}

function fieldOf(path: PropertyKey[]): string {
  return path.length ? path.map(String).join(".") : loadProblems.root;
}

function describeReadError(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && error.code === "ENOENT")
    return loadProblems.fileMissing;
  const message = error instanceof Error ? error.message : String(error);
  return loadProblems.invalidYaml(message.split("\n")[0]);
}

/** What stands in for an unreadable ward.yaml (the issue is reported; nothing is invented). */
function emptyWard(): WardProfile {
  return {
    name: loadProblems.unnamedWard,
    province: "",
    plan: "",
    to_dan_pho: [],
    targets: [],
    report_deadlines: [],
    contacts: [],
  };
}

function emptyPaths(): PathsFile {
  const empty = { title: "", required: [], recommended: [], order: [] };
  return {
    default_pass_mark: 0.8,
    pass_marks: {},
    groups: { "can-bo": empty, "hoc-sinh": empty, "lao-dong": empty, "nguoi-dan": empty },
  };
}
