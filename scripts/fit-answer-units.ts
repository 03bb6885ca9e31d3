/**
 * npm run fit-answer-units — fits which parts of a lesson an answer quotes, on the dev split only, and writes
 * src/tutor/unit-model.json. For every dev message whose first lesson is one that answers it, each unit of
 * that lesson (step, bullet, sentence) is labelled by whether it holds one of the message's nuggets; a
 * logistic regression over UNIT_FEATURE_NAMES learns P(a unit holds needed advice). `keepAbove` (units below
 * it are left out even when there is room) is then the highest that fully answers the most dev messages.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { buildIndex } from "../src/retrieval/build-index.ts";
import type { LessonHit } from "../src/retrieval/hybrid-index.ts";
import {
  UNIT_FEATURE_NAMES,
  UNIT_MODEL_FILE,
  type UnitModel,
  unitFeaturesOf,
} from "../src/tutor/answer-units.ts";
import { chooseSection, compose, quotableUnits, unitContext } from "../src/tutor/compose.ts";
import { questionKind } from "../src/tutor/intent.ts";
import { isMedical } from "../src/tutor/medical.ts";
import { redactPersonalData } from "../src/tutor/redact.ts";
import { comparable, type EvalQuestion, nuggetsMet, readSplit } from "./eval-lib.ts";
import { fitLogistic } from "./lib/fit-logistic.ts";

const KEEP_ABOVE_GRID = [0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];

const curriculum = await loadCurriculum(resolve("knowledge"));
const { index } = await buildIndex(curriculum);
const questions = readSplit(join("test", "fixtures", "eval", "dev")).filter(
  (q) => q.lessons.length && !isMedical(q.q),
);

interface Case {
  question: EvalQuestion;
  text: string;
  hit: LessonHit;
  terms: string[];
  query: string;
}

const cases: Case[] = [];
const xs: number[][] = [];
const ys: number[] = [];
for (const question of questions) {
  const text = redactPersonalData(question.q).text;
  const result = await index.search(text, 5);
  const hit = result.hits[0];
  if (!hit || !question.lessons.includes(hit.lessonId)) continue;
  cases.push({ question, text, hit, terms: result.terms, query: result.query });
  const kind = questionKind(text);
  const chunks = index.chunksOf(hit.lessonId);
  const chosen = chooseSection(hit, kind) ?? hit.chunks[0];
  if (!chosen) continue;
  const units = quotableUnits(hit, chosen, chunks);
  const ctx = unitContext(units, {
    hit,
    chosen,
    lessonChunks: chunks,
    terms: result.terms,
    question: text,
    query: result.query,
    kind,
  });
  const phrases = question.nuggets.flat().map(comparable);
  const features = unitFeaturesOf(units, ctx);
  for (const [i, unit] of units.entries()) {
    xs.push(features[i] ?? []);
    const body = comparable(unit.text);
    ys.push(phrases.some((p) => body.includes(p)) ? 1 : 0);
  }
}

const relevance = fitLogistic(xs, ys, { lambda: 0.01, steps: 2000 });
let best = { keepAbove: 0, fully: -1, nuggets: 0 };
for (const keepAbove of KEEP_ABOVE_GRID) {
  const model: UnitModel = { relevance, keepAbove, fitted: { split: "dev", questions: 0, units: 0, at: "" } };
  let fully = 0;
  let nuggets = 0;
  let words = 0;
  for (const c of cases) {
    const kind = questionKind(c.text);
    const chosen = chooseSection(c.hit, kind) ?? c.hit.chunks[0];
    if (!chosen) continue;
    const composed = compose({
      hit: c.hit,
      chosen,
      lessonChunks: index.chunksOf(c.hit.lessonId),
      terms: c.terms,
      question: c.text,
      query: c.query,
      kind,
      model,
    });
    const met = nuggetsMet([composed.direct, ...composed.points].join("\n"), c.question.nuggets);
    nuggets += met / c.question.nuggets.length;
    words += composed.points.join(" ").split(/\s+/).filter(Boolean).length;
    if (met === c.question.nuggets.length) fully++;
  }
  console.log(
    `keepAbove ${keepAbove.toFixed(2)}: fully answered ${fully}/${cases.length}, nuggets ${(nuggets / cases.length).toFixed(3)}, body ${(words / cases.length).toFixed(0)} words`,
  );
  if (fully >= best.fully) best = { keepAbove, fully, nuggets };
}

const model: UnitModel = {
  relevance,
  keepAbove: best.keepAbove,
  fitted: {
    split: "dev",
    questions: cases.length,
    units: xs.length,
    at: new Date().toISOString().slice(0, 10),
  },
};
writeFileSync(UNIT_MODEL_FILE, `${JSON.stringify(model, null, 2)}\n`);
console.log(
  `fitted on ${xs.length} units of ${cases.length} dev messages (${ys.filter(Boolean).length} hold a nugget)`,
);
for (const [i, name] of UNIT_FEATURE_NAMES.entries())
  console.log(`  ${name.padEnd(22)} ${(relevance.weights[i] ?? 0).toFixed(3)}`);
console.log(`keep above ${best.keepAbove}; wrote ${UNIT_MODEL_FILE}`);
