/** Shared pieces of the answer evaluation: the question sets, the MiniSearch baseline, and metrics. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import type { Curriculum } from "../src/knowledge/types.ts";
import { chunkLessons } from "../src/retrieval/chunk.ts";
import { fold } from "../src/retrieval/normalize.ts";

export const SPLITS = ["dev", "test"] as const;
export type Split = (typeof SPLITS)[number];

/** One resident message: every lesson that answers it (none: out of scope) and the advice it needs. */
export interface EvalQuestion {
  q: string;
  /** Lessons that answer it, best first; empty when the assistant should decline. */
  lessons: string[];
  /** Groups of alternative phrases; a helpful answer contains one phrase of every group. */
  nuggets: string[][];
  style: string;
  /** For a short message (style "short", 2–10 words): how it is written (accented, unaccented, teencode, typo). */
  writing?: string;
  persona?: string;
  /** For out-of-scope messages: an administrative procedure, a topic close to ours, or everyday life. */
  scope?: "admin" | "close" | "everyday";
}

export interface Outcome {
  question: EvalQuestion;
  refused: boolean;
  /** Lesson ids in ranked order (empty when refused). */
  lessons: string[];
  /** The answer text (empty for the baseline, which only ranks). */
  answer: string;
}

export const splitDir = (root: string, split: Split) => join(root, split);

/** Every question of a split: all `*.jsonl` files of its folder, in file name order. */
export function readSplit(dir: string): EvalQuestion[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as EvalQuestion),
    );
}

/** Lower case, accents folded, punctuation to spaces: how nuggets and answers are compared. */
export function comparable(text: string): string {
  return ` ${fold(text.normalize("NFC").toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/** How many nugget groups the answer meets (a group is met when any of its phrases appears). */
export function nuggetsMet(answer: string, nuggets: string[][]): number {
  const text = comparable(answer);
  return nuggets.filter((group) => group.some((phrase) => text.includes(comparable(phrase)))).length;
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
  /** The first cited lesson is one that answers the message. */
  lessonHit1: number;
  /** One of the first three cited lessons answers it. */
  lessonHit3: number;
  /** Share of nugget groups met, over all in-scope messages (a refusal meets none). */
  nuggets: number;
  /** Every nugget group met and not refused. */
  fully: number;
  refused: number;
}

/** Hit rates and advice coverage over in-scope messages. */
export function score(outcomes: Outcome[]): Metrics {
  const n = outcomes.length || 1;
  let l1 = 0;
  let l3 = 0;
  let met = 0;
  let fully = 0;
  let refused = 0;
  for (const { question, lessons, refused: r, answer } of outcomes) {
    if (r) refused++;
    const rank = lessons.findIndex((l) => question.lessons.includes(l));
    if (rank === 0) l1++;
    if (rank >= 0 && rank < 3) l3++;
    const groups = question.nuggets.length;
    const found = r ? 0 : nuggetsMet(answer, question.nuggets);
    met += groups ? found / groups : 0;
    if (!r && groups && found === groups) fully++;
  }
  return {
    n: outcomes.length,
    lessonHit1: l1 / n,
    lessonHit3: l3 / n,
    nuggets: met / n,
    fully: fully / n,
    refused: refused / n,
  };
}

export interface Refusals {
  /** Share of refusals that were out of scope. */
  precision: number;
  /** Share of out-of-scope messages refused. */
  recall: number;
  /** Share of in-scope messages refused. */
  inScopeRefused: number;
  /** Out-of-scope recall per kind (admin, close, everyday). */
  byScope: Record<string, number>;
}

export function refusals(outcomes: Outcome[]): Refusals {
  const inScope = outcomes.filter((o) => o.question.lessons.length > 0);
  const outScope = outcomes.filter((o) => o.question.lessons.length === 0);
  const refused = outcomes.filter((o) => o.refused);
  const byScope: Record<string, number> = {};
  for (const kind of new Set(outScope.map((o) => o.question.scope ?? "other"))) {
    const of = outScope.filter((o) => (o.question.scope ?? "other") === kind);
    byScope[kind] = of.filter((o) => o.refused).length / of.length;
  }
  return {
    precision: refused.length ? refused.filter((o) => !o.question.lessons.length).length / refused.length : 1,
    recall: outScope.length ? outScope.filter((o) => o.refused).length / outScope.length : 1,
    inScopeRefused: inScope.length ? inScope.filter((o) => o.refused).length / inScope.length : 0,
    byScope,
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
