import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type LogisticModel, probability } from "./logistic.ts";
import { type BoostedTrees, treesProbability } from "./trees.ts";

/** How units are scored and chosen; `npm run fit-answer-units` writes it from the dev split. */
export interface UnitModel {
  /** P(a unit holds advice the resident needs): boosted trees as fitted, or a weighted sum (tests). */
  relevance: BoostedTrees | LogisticModel;
  /** Units below this probability are left out even when there is room. */
  keepAbove: number;
  /** What it was fitted on: dev messages, answer cards (older models: none) and their units. */
  fitted: { split: string; questions: number; cards?: number; units: number; at: string };
}

/** The model's probability that a unit with these features holds needed advice. */
export function unitProbability(model: UnitModel, features: number[]): number {
  const { relevance } = model;
  return "kind" in relevance ? treesProbability(relevance, features) : probability(relevance, features);
}

export const UNIT_MODEL_FILE = join(import.meta.dirname, "unit-model.json");

export function loadUnitModel(path = UNIT_MODEL_FILE): UnitModel {
  return JSON.parse(readFileSync(path, "utf8")) as UnitModel;
}
