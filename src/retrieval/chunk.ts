import { INTRO_KEY, type SectionKind } from "../knowledge/schema.ts";
import type { Lesson } from "../knowledge/types.ts";

/** One retrievable passage: a section of a lesson, carrying the lesson's identity with it. */
export interface Chunk {
  /** `<lesson id>#<section index>` */
  id: string;
  lessonId: string;
  module: string;
  title: string;
  heading: string;
  /** What the section answers, when the lesson says so. */
  kind?: SectionKind;
  /** The section's own text (what an answer quotes). */
  text: string;
  /** What residents say when this section is what they need (the lesson's `asks` for it). */
  asks: string[];
  /** For each of `asks`, the lesson's sentences that answer it (its answer card); [] when it has none. */
  askQuotes: string[][];
  /** What the indexes see: title, heading, keywords, asks and text. */
  indexText: string;
}

/** One thing a resident says, pointing at the section that answers it. */
export interface AskTarget {
  text: string;
  /** Index of the answering chunk in the chunk list. */
  chunk: number;
  /** The lesson's sentences that answer it, most important first (its answer card). */
  quotes: string[];
}

/** True for a lesson's closing "Ghi nhớ" section (the recap). */
export const isRecap = (chunk: Pick<Chunk, "heading">) => /^ghi nhớ$/iu.test(chunk.heading.trim());

/** Splits each lesson by its "## " sections; the closing "Ghi nhớ" list stays a chunk of its own. */
export function chunkLessons(lessons: Iterable<Lesson>): Chunk[] {
  const chunks: Chunk[] = [];
  for (const lesson of lessons) {
    const keywords = lesson.keywords.join(" ; ");
    lesson.sections.forEach((section, index) => {
      const key = section.heading || INTRO_KEY;
      const heading = section.heading || lesson.title;
      const text = section.text || lesson.summary;
      const asks = lesson.asks?.[key] ?? [];
      const kind = lesson.answers?.[key] ?? (isRecap({ heading }) ? undefined : guessKind(text));
      chunks.push({
        id: `${lesson.id}#${index}`,
        lessonId: lesson.id,
        module: lesson.module,
        title: lesson.title,
        heading,
        ...(kind ? { kind } : {}),
        text,
        asks,
        askQuotes: asks.map((ask) => lesson.quotes?.[ask] ?? []),
        indexText: [
          lesson.title,
          lesson.title,
          heading,
          lesson.summary,
          keywords,
          asks.join(" ; "),
          text,
        ].join("\n"),
      });
    });
  }
  return chunks;
}

/** Every ask of every chunk, as its own retrieval target. */
export function askTargets(chunks: Chunk[]): AskTarget[] {
  return chunks.flatMap((chunk, index) =>
    chunk.asks.map((text, i) => ({ text, chunk: index, quotes: chunk.askQuotes[i] ?? [] })),
  );
}

/** A section without a declared kind: numbered steps are how-to, anything else explains. */
function guessKind(text: string): SectionKind {
  return /^\s*1[.)]\s+\S/m.test(text) ? "cac-buoc" : "la-gi";
}
