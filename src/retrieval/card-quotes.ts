import type { AskTarget } from "./chunk.ts";

/**
 * What the asks nearest a message say the answer is: for each lesson, every sentence its nearest asks quote
 * (their answer cards), with how strongly. Within one ranking of asks (by words, or by cosine), a lesson's
 * best-ranked ask gives its sentences 1, its second ½, its third ⅓…; the rankings add up.
 */
export function quotesByLesson(
  rankings: number[][],
  asks: AskTarget[],
  lessonOf: (chunk: number) => string,
): Map<string, Map<string, number>> {
  const byLesson = new Map<string, Map<string, number>>();
  for (const ranking of rankings) {
    const seen = new Map<string, number>();
    for (const index of ranking) {
      const ask = asks[index];
      if (!ask) continue;
      const lesson = lessonOf(ask.chunk);
      const rank = seen.get(lesson) ?? 0;
      seen.set(lesson, rank + 1);
      if (!ask.quotes.length) continue;
      const quotes = byLesson.get(lesson) ?? new Map<string, number>();
      byLesson.set(lesson, quotes);
      for (const quote of ask.quotes) quotes.set(quote, (quotes.get(quote) ?? 0) + 1 / (rank + 1));
    }
  }
  return byLesson;
}
