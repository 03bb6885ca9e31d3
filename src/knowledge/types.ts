import type {
  Contact,
  LessonFrontMatter,
  Module,
  OutOfScopeTopic,
  PathsFile,
  QuizQuestion,
} from "./schema.ts";
import type { WardProfile } from "./ward-schema.ts";

export interface LessonSection {
  /** The "## " heading without the hashes; "" for the text before the first heading. */
  heading: string;
  /** The section's Markdown text, trimmed. */
  text: string;
}

export interface Lesson extends LessonFrontMatter {
  /** Path of the source file, relative to the knowledge directory. */
  file: string;
  /** Markdown body without front matter. */
  body: string;
  sections: LessonSection[];
  wordCount: number;
  /** Per ask: the lesson's sentences that answer it (knowledge/cards/), as written in the lesson. */
  quotes?: Record<string, string[]>;
}

export interface Curriculum {
  /** Modules in the order of modules.yaml. */
  modules: Module[];
  /** Lessons by id (`module/lesson`): module by module, each in its beginner's order (modules.yaml). */
  lessons: Map<string, Lesson>;
  /** Quiz questions by module slug. */
  quizzes: Map<string, QuizQuestion[]>;
  paths: PathsFile;
  contacts: { national: Contact[]; ward: Contact[] };
  /** Messages the lessons don't answer, by topic: the examples a scope decision compares with. */
  outOfScope: OutOfScopeTopic[];
  /** The ward this curriculum serves: names, tổ dân phố, plan targets, report deadlines, local contacts. */
  ward: WardProfile;
  /** The lesson referrals point to for submitting a procedure online. */
  onlineLesson?: string;
}

/** One problem found while loading or checking, always naming the file and the field. */
export interface KnowledgeIssue {
  file: string;
  field: string;
  message: string;
}
