/**
 * npm run eval — scores our retrieval and answers on test/fixtures/eval/questions.jsonl, side by side with a
 * MiniSearch baseline on the same corpus and questions: hit@1/hit@3 (module, lesson), MRR, refusal precision
 * and recall, per style, plus p50/p95 answer latency and index build time. `--json` prints one JSON object.
 */
import { join, resolve } from "node:path";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { buildIndex } from "../src/retrieval/build-index.ts";
import { createExtractiveTutor } from "../src/tutor/extractive-tutor.ts";
import {
  createMiniSearchBaseline,
  type Metrics,
  type Outcome,
  percentile,
  readQuestions,
  score,
} from "./eval-lib.ts";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const fileFlag = args.indexOf("--file");
const file = resolve(
  fileFlag >= 0 ? (args[fileFlag + 1] ?? "") : join("test", "fixtures", "eval", "questions.jsonl"),
);
const progress = (text: string) => {
  if (!asJson) process.stderr.write(`${text}\n`);
};

const curriculum = await loadCurriculum(resolve("knowledge"));
const built = await buildIndex(curriculum);
progress(`index built in ${built.buildMs.toFixed(0)} ms`);
const tutor = createExtractiveTutor({ index: built.index });
const baseline = createMiniSearchBaseline(curriculum);
const questions = readQuestions(file);

const ours: Outcome[] = [];
const theirs: Outcome[] = [];
const latencies: number[] = [];
const baselineLatencies: number[] = [];
for (const [i, question] of questions.entries()) {
  const started = performance.now();
  const answer = await tutor.answer(question.q);
  latencies.push(performance.now() - started);
  ours.push({ question, refused: answer.refused, lessons: answer.sources.map((s) => s.lesson) });
  const t0 = performance.now();
  const lessons = baseline(question.q);
  baselineLatencies.push(performance.now() - t0);
  theirs.push({ question, refused: lessons.length === 0, lessons });
  if ((i + 1) % 50 === 0) progress(`  ${i + 1}/${questions.length} questions`);
}

const styles = [...new Set(questions.filter((q) => q.module).map((q) => q.style))];
const inScope = (o: Outcome) => o.question.module !== null;
const rows: { style: string; ours: Metrics; baseline: Metrics }[] = [
  { style: "all in-scope", ours: score(ours.filter(inScope)), baseline: score(theirs.filter(inScope)) },
  ...styles.map((style) => ({
    style,
    ours: score(ours.filter((o) => inScope(o) && o.question.style === style)),
    baseline: score(theirs.filter((o) => inScope(o) && o.question.style === style)),
  })),
];
const refusal = (outcomes: Outcome[]) => {
  const refused = outcomes.filter((o) => o.refused);
  const outOfScope = outcomes.filter((o) => !inScope(o));
  return {
    precision: refused.length ? refused.filter((o) => !inScope(o)).length / refused.length : 1,
    recall: outOfScope.length ? outOfScope.filter((o) => o.refused).length / outOfScope.length : 1,
    inScopeRefused:
      outcomes.filter(inScope).filter((o) => o.refused).length / Math.max(1, outcomes.filter(inScope).length),
  };
};
const result = {
  questions: questions.length,
  index_build_ms: Math.round(built.buildMs),
  rows,
  refusal: { ours: refusal(ours), baseline: refusal(theirs) },
  latency_ms: {
    ours_p50: percentile(latencies, 50),
    ours_p95: percentile(latencies, 95),
    baseline_p50: percentile(baselineLatencies, 50),
    baseline_p95: percentile(baselineLatencies, 95),
  },
};

if (asJson) {
  console.log(JSON.stringify(result));
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(6);
  console.log(`\n${questions.length} questions; index build ${result.index_build_ms} ms\n`);
  console.log(
    "style          n   | ours: mod@1  mod@3  les@1  les@3   MRR  refused | MiniSearch: mod@1  mod@3  les@1  les@3   MRR",
  );
  for (const row of rows) {
    const o = row.ours;
    const b = row.baseline;
    console.log(
      `${row.style.padEnd(13)} ${String(o.n).padStart(3)} |     ${pct(o.moduleHit1)} ${pct(o.moduleHit3)} ${pct(o.lessonHit1)} ${pct(o.lessonHit3)} ${o.mrr.toFixed(3)} ${pct(o.refused)}  |         ${pct(b.moduleHit1)} ${pct(b.moduleHit3)} ${pct(b.lessonHit1)} ${pct(b.lessonHit3)} ${b.mrr.toFixed(3)}`,
    );
  }
  const r = result.refusal.ours;
  console.log(
    `\nrefusal (ours): precision ${pct(r.precision)}%, recall on out-of-scope ${pct(r.recall)}%, in-scope refused ${pct(r.inScopeRefused)}%`,
  );
  console.log(
    `answer latency: ours p50 ${result.latency_ms.ours_p50.toFixed(2)} ms, p95 ${result.latency_ms.ours_p95.toFixed(2)} ms; ` +
      `MiniSearch p50 ${result.latency_ms.baseline_p50.toFixed(2)} ms, p95 ${result.latency_ms.baseline_p95.toFixed(2)} ms`,
  );
}
