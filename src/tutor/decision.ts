import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RetrievalResult } from "../retrieval/hybrid-index.ts";
import { type LogisticModel, probability } from "./logistic.ts";

/** Names of the retrieval features the decision reads, in vector order. */
export const FEATURE_NAMES = [
  "top_score",
  "margin",
  "section_similarity",
  "ask_similarity",
  "coverage",
  "known_words",
  "outside_similarity",
  "outside_minus_ask",
  "log_terms",
  "outside_share",
  "lexical_ask",
  "lexical_outside_minus_ask",
  "scope_words",
  "scope_lean",
] as const;

/** The retrieval features of one query, in `FEATURE_NAMES` order. */
export function featuresOf(result: RetrievalResult): number[] {
  const [first, second] = result.hits;
  const top = first?.score ?? 0;
  return [
    top * 10,
    top ? (top - (second?.score ?? 0)) / top : 0,
    result.similarity,
    result.askSimilarity,
    result.coverage,
    result.known,
    result.outside.similarity,
    result.outside.similarity - result.askSimilarity,
    Math.log(1 + result.terms.length),
    result.outsideShare,
    Math.log(1 + result.askLexical),
    Math.log(1 + result.outside.lexical) - Math.log(1 + result.askLexical),
    result.scopeOdds / 10,
    result.scopeLean,
  ];
}

export interface DecisionModel {
  /** P(the message is something the lessons answer). */
  scope: LogisticModel;
  /** P(the first lesson is one that answers it), for in-scope messages. */
  confidence: LogisticModel;
  /** Refuse below `refuse` (scope); ask back below `clarify` (confidence). */
  thresholds: { refuse: number; clarify: number };
  /** How and on what it was fitted. */
  fitted: { split: string; messages: number; at: string };
}

export const DECISION_FILE = join(import.meta.dirname, "decision-model.json");

export type Verdict = "answer" | "clarify" | "refuse";

export interface Decision {
  verdict: Verdict;
  inScope: number;
  confident: number;
}

/** Answer, ask back, or decline — from the fitted model (`npm run fit-decision` writes it from the dev split). */
export function decide(result: RetrievalResult, model: DecisionModel): Decision {
  if (!result.hits.length) return { verdict: "refuse", inScope: 0, confident: 0 };
  const features = featuresOf(result);
  const inScope = probability(model.scope, features);
  const confident = probability(model.confidence, features);
  if (inScope < model.thresholds.refuse) return { verdict: "refuse", inScope, confident };
  if (confident < model.thresholds.clarify && result.hits.length >= 2)
    return { verdict: "clarify", inScope, confident };
  return { verdict: "answer", inScope, confident };
}

/** The committed model; regenerate it with `npm run fit-decision`. */
export function loadDecisionModel(path = DECISION_FILE): DecisionModel {
  return JSON.parse(readFileSync(path, "utf8")) as DecisionModel;
}
