import { curriculumProblems } from "../catalog/knowledge-check.ts";
import type { Curriculum, KnowledgeIssue } from "../knowledge/types.ts";
import { chunkLessons } from "../retrieval/chunk.ts";
import { lessonUnits } from "./answer-units.ts";

/**
 * An answer card steers what an answer quotes only through quotes that are each one whole unit of its lesson
 * (a step, a bullet or a sentence, as the lesson writes it, its *marks* kept): a quote that is part of one, or
 * drops its marks, is in the lesson word for word, passes the loader's check, and yet never counts. Such a
 * quote is reported (27 of them had been silently ignored).
 */
export function checkQuotesAreUnits(curriculum: Curriculum): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  for (const lesson of curriculum.lessons.values()) {
    const units = new Set(lessonUnits(chunkLessons([lesson])).map((unit) => unit.text));
    Object.values(lesson.quotes ?? {}).forEach((quotes, card) => {
      quotes.forEach((quote, j) => {
        if (units.has(quote)) return;
        issues.push({
          file: `cards/${lesson.id}.yaml`,
          field: `cards.${card}.quote.${j}`,
          message: curriculumProblems.quoteNotAUnit(quote),
        });
      });
    });
  }
  return issues;
}
