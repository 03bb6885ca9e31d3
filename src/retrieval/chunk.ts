import type { Lesson } from "../knowledge/types.ts";

/** One retrievable passage: a section of a lesson, carrying the lesson's identity with it. */
export interface Chunk {
  /** `<lesson id>#<section index>` */
  id: string;
  lessonId: string;
  module: string;
  title: string;
  heading: string;
  /** The section's own text (what an answer quotes). */
  text: string;
  /** What the indexes see: title, heading, keywords and text. */
  indexText: string;
}

/** Splits each lesson by its "## " sections; the closing "Ghi nhớ" list stays a chunk of its own. */
export function chunkLessons(lessons: Iterable<Lesson>): Chunk[] {
  const chunks: Chunk[] = [];
  for (const lesson of lessons) {
    const keywords = lesson.keywords.join(" ; ");
    lesson.sections.forEach((section, index) => {
      const heading = section.heading || lesson.title;
      const text = section.text || lesson.summary;
      chunks.push({
        id: `${lesson.id}#${index}`,
        lessonId: lesson.id,
        module: lesson.module,
        title: lesson.title,
        heading,
        text,
        indexText: [lesson.title, lesson.title, heading, lesson.summary, keywords, text].join("\n"),
      });
    });
  }
  return chunks;
}
