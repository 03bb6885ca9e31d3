import { z } from "zod";

export const LEARNER_GROUPS = ["can-bo", "hoc-sinh", "lao-dong", "nguoi-dan"] as const;
export const learnerGroupSchema = z.enum(LEARNER_GROUPS);
export type LearnerGroup = z.infer<typeof learnerGroupSchema>;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "chữ thường không dấu, nối bằng gạch ngang");
const lessonId = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "dạng module/bai-hoc");
const isoDate = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ngày dạng YYYY-MM-DD")]);

export const moduleSchema = z.strictObject({ slug, title: z.string().min(3), summary: z.string().min(10) });
export const modulesFileSchema = z.strictObject({ modules: z.array(moduleSchema).min(1) });
export type Module = z.infer<typeof moduleSchema>;

export const lessonFrontMatterSchema = z.strictObject({
  id: lessonId,
  module: slug,
  title: z.string().min(3).max(120),
  summary: z
    .string()
    .min(10)
    .max(300)
    .refine((s) => !/[.!?]\s+\S/.test(s.trim()), "chỉ một câu"),
  kind: z.enum(["huong-dan", "kien-thuc"]),
  groups: z.array(learnerGroupSchema).min(1),
  level: z.enum(["co-ban", "trung-binh", "nang-cao"]),
  keywords: z.array(z.string().min(1)).min(3),
  practice: z.string().min(10).optional(),
  sources: z.array(z.string().min(3)).min(1),
  updated: isoDate,
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

export const quizOptionSchema = z.strictObject({ text: z.string().min(1), correct: z.boolean().optional() });

export const quizQuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+-\d{2,3}$/, "dạng <module>-NN"),
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

const contactSchema = z.strictObject({
  id: slug,
  name: z.string().min(3),
  kind: z.enum(["url", "phone", "place"]),
  value: z.string(),
  source: z.string().min(3).optional(),
});
export const contactsFileSchema = z.strictObject({
  national: z.array(contactSchema.extend({ value: z.string().min(2), source: z.string().min(3) })),
  ward: z.array(contactSchema),
});
export type Contact = z.infer<typeof contactSchema>;
