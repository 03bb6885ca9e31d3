import { z } from "zod";
import { fieldShapes } from "../catalog/knowledge-check.ts";
import { sectionHeadings } from "../catalog/words.ts";

export const LEARNER_GROUPS = ["can-bo", "hoc-sinh", "lao-dong", "nguoi-dan"] as const;
export const learnerGroupSchema = z.enum(LEARNER_GROUPS);
export type LearnerGroup = z.infer<typeof learnerGroupSchema>;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, fieldShapes.slug);
const lessonId = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, fieldShapes.lessonId);
const isoDate = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, fieldShapes.isoDate)]);

export const moduleSchema = z.strictObject({
  slug,
  title: z.string().min(3),
  summary: z.string().min(10),
  /** The module's lesson slugs in a beginner's order. */
  lessons: z.array(slug).min(1),
});
export const modulesFileSchema = z.strictObject({ modules: z.array(moduleSchema).min(1) });
export type Module = z.infer<typeof moduleSchema>;

/** What a section answers: what it is, how-to steps, warning signs, what to do after, rules and cautions. */
export const SECTION_KINDS = ["la-gi", "cac-buoc", "dau-hieu", "xu-ly", "luu-y"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
/** The introduction (text before the first "## ") is named by this key in `asks` and `answers`. */
export const INTRO_KEY = sectionHeadings.intro;

export const lessonFrontMatterSchema = z.strictObject({
  id: lessonId,
  module: slug,
  title: z.string().min(3).max(120),
  summary: z
    .string()
    .min(10)
    .max(300)
    .refine((s) => !/[.!?]\s+\S/.test(s.trim()), fieldShapes.oneSentence),
  kind: z.enum(["huong-dan", "kien-thuc"]),
  groups: z.array(learnerGroupSchema).min(1),
  level: z.enum(["co-ban", "trung-binh", "nang-cao"]),
  keywords: z.array(z.string().min(1)).min(3),
  /** Per section heading: what residents say when that section is what they need. */
  asks: z.record(z.string().min(1), z.array(z.string().min(3).max(400)).min(1)).optional(),
  /** Per section heading: what the section answers. */
  answers: z.record(z.string().min(1), z.enum(SECTION_KINDS)).optional(),
  practice: z.string().min(10).optional(),
  sources: z.array(z.string().min(3)).min(1),
  updated: isoDate,
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

/**
 * A lesson's answer cards: for each of its asks, the lesson's sentences, steps or bullets (as written) that a
 * short answer to it must contain, most important first. Kept beside the lessons in knowledge/cards/.
 */
export const answerCardsFileSchema = z.strictObject({
  lesson: lessonId,
  cards: z.array(
    z.strictObject({
      ask: z.string().min(3).max(400),
      quote: z.array(z.string().min(3)).min(1).max(3),
    }),
  ),
});
export type AnswerCardsFile = z.infer<typeof answerCardsFileSchema>;

export const quizOptionSchema = z.strictObject({ text: z.string().min(1), correct: z.boolean().optional() });

export const quizQuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+-\d{2,3}$/, fieldShapes.quizId),
  lesson: lessonId,
  question: z.string().min(10),
  options: z.array(quizOptionSchema).min(3).max(4),
  explanation: z.string().min(5).max(200),
});
export const quizFileSchema = z.strictObject({ module: slug, questions: z.array(quizQuestionSchema).min(1) });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

const passMark = z.number().gt(0).lte(1);
export const groupPathSchema = z.strictObject({
  title: z.string().min(3),
  required: z.array(slug).min(1),
  recommended: z.array(slug),
  order: z.array(slug).min(1),
});
export const pathsFileSchema = z.strictObject({
  default_pass_mark: passMark,
  pass_marks: z.record(slug, passMark).default({}),
  groups: z.strictObject({
    "can-bo": groupPathSchema,
    "hoc-sinh": groupPathSchema,
    "lao-dong": groupPathSchema,
    "nguoi-dan": groupPathSchema,
  }),
});
export type PathsFile = z.infer<typeof pathsFileSchema>;
export type GroupPath = z.infer<typeof groupPathSchema>;

export const contactSchema = z.strictObject({
  id: slug,
  name: z.string().min(3),
  kind: z.enum(["url", "phone", "place"]),
  value: z.string(),
  source: z.string().min(3).optional(),
});
export const contactsFileSchema = z.strictObject({
  national: z.array(contactSchema.extend({ value: z.string().min(2), source: z.string().min(3) })),
  /** Older layout: the ward's contacts now live in ward.yaml. */
  ward: z.array(contactSchema).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

/** Where an administrative procedure we don't teach is done: the ward police or the ward's public service centre. */
export const REFERRAL_PLACES = ["cong-an-phuong", "trung-tam-hcc-phuong"] as const;
export const outOfScopeTopicSchema = z.strictObject({
  id: slug,
  kind: z.enum(["admin", "close", "everyday", "medical"]),
  where: z.enum(REFERRAL_PLACES).optional(),
  /** True when the procedure can generally be submitted on the national public-service portal. */
  online: z.boolean().optional(),
  examples: z.array(z.string().min(3).max(300)).min(5),
});
export const outOfScopeFileSchema = z.strictObject({
  /** The lesson on submitting a procedure online, named in referrals for procedures that can be. */
  online_lesson: lessonId.optional(),
  topics: z.array(outOfScopeTopicSchema),
});
export type OutOfScopeTopic = z.infer<typeof outOfScopeTopicSchema>;
