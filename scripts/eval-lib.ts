/** Shared pieces of the retrieval evaluation: the question set, the MiniSearch baseline, and metrics. */
import { readFileSync } from "node:fs";
import MiniSearch from "minisearch";
import type { Curriculum } from "../src/knowledge/types.ts";
import { chunkLessons } from "../src/retrieval/chunk.ts";
import { fold } from "../src/retrieval/normalize.ts";

export interface EvalQuestion {
  q: string;
  module: string | null;
  lesson: string | null;
  style: string;
}

export interface Outcome {
  question: EvalQuestion;
  refused: boolean;
  /** Lesson ids in ranked order (empty when refused). */
  lessons: string[];
}

export function readQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalQuestion);
}

/**
 * The baseline: MiniSearch over exactly the text our index sees (each section with its lesson's title,
 * summary and keywords), fuzzy 0.2 + prefix, with an accent-folding tokenizer; it never refuses.
 */
export function createMiniSearchBaseline(curriculum: Curriculum): (q: string) => string[] {
  const chunks = chunkLessons(curriculum.lessons.values());
  const processTerm = (term: string) => fold(term.toLowerCase());
  const search = new MiniSearch({
    fields: ["indexText"],
    storeFields: ["lessonId"],
    processTerm,
    searchOptions: { fuzzy: 0.2, prefix: true, processTerm },
  });
  search.addAll(chunks.map((c, id) => ({ id, lessonId: c.lessonId, indexText: c.indexText })));
  return (q) => {
    const seen: string[] = [];
    for (const hit of search.search(q)) {
      const lesson = String(hit.lessonId);
      if (!seen.includes(lesson)) seen.push(lesson);
      if (seen.length >= 5) break;
    }
    return seen;
  };
}

export interface Metrics {
  n: number;
  moduleHit1: number;
  moduleHit3: number;
  lessonHit1: number;
  lessonHit3: number;
  mrr: number;
  refused: number;
}

/** Hit rates and MRR over in-scope questions; `refused` is the share refused. */
export function score(outcomes: Outcome[]): Metrics {
  const n = outcomes.length || 1;
  let m1 = 0;
  let m3 = 0;
  let l1 = 0;
  let l3 = 0;
  let rr = 0;
  let refused = 0;
  for (const { question, lessons, refused: r } of outcomes) {
    if (r) refused++;
    const modules = [...new Set(lessons.map((l) => l.split("/")[0]))];
    const mRank = modules.indexOf(question.module ?? "");
    const lRank = lessons.indexOf(question.lesson ?? "");
    if (mRank === 0) m1++;
    if (mRank >= 0 && mRank < 3) m3++;
    if (lRank === 0) l1++;
    if (lRank >= 0 && lRank < 3) l3++;
    if (lRank >= 0) rr += 1 / (lRank + 1);
  }
  return {
    n: outcomes.length,
    moduleHit1: m1 / n,
    moduleHit3: m3 / n,
    lessonHit1: l1 / n,
    lessonHit3: l3 / n,
    mrr: rr / n,
    refused: refused / n,
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
