/**
 * npm run eval — resident messages through the extractive tutor, both splits (`dev` to tune on, `test` never
 * read while tuning), beside a MiniSearch baseline on the same messages: lesson hit@1/hit@3, advice present
 * (nuggets), fully answered, refusals, per style; answer latency and index build time.
 *   --json           one JSON object
 *   --split dev      one split only
 *   --misses         (dev only) print each miss to stderr, for tuning
 */
import { join, resolve } from "node:path";
import { loadConfig } from "../src/config/load-config.ts";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { buildIndex } from "../src/retrieval/build-index.ts";
import { createEmbeddings } from "../src/retrieval/create-embeddings.ts";
import { createExtractiveTutor } from "../src/tutor/extractive-tutor.ts";
import {
  createMiniSearchBaseline,
  type EvalQuestion,
  type Metrics,
  nuggetsMet,
  type Outcome,
  percentile,
  readSplit,
  refusals,
  SPLITS,
  type Split,
  score,
  splitDir,
} from "./eval-lib.ts";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const root = resolve(flag("--dir") ?? join("test", "fixtures", "eval"));
const only = flag("--split") as Split | undefined;
const showMisses = args.includes("--misses");
if (only && !SPLITS.includes(only)) fail(`--split must be one of ${SPLITS.join(", ")}`);
if (showMisses && only !== "dev") fail("--misses is for the dev split only: the test split is never read");

const progress = (text: string) => {
  if (!asJson) process.stderr.write(`${text}\n`);
};

const curriculum = await loadCurriculum(resolve("knowledge"));
const built = await buildIndex(curriculum, { embeddings: createEmbeddings(loadConfig()) });
progress(`index built in ${built.buildMs.toFixed(0)} ms`);
const tutor = createExtractiveTutor({ index: built.index });
const baseline = createMiniSearchBaseline(curriculum);

const results: Record<string, unknown> = { index_build_ms: Math.round(built.buildMs) };
for (const split of only ? [only] : SPLITS) {
  const questions = readSplit(splitDir(root, split));
  const ours: Outcome[] = [];
  const theirs: Outcome[] = [];
  const latencies: number[] = [];
  const baselineLatencies: number[] = [];
  for (const [i, question] of questions.entries()) {
    const started = performance.now();
    const answer = await tutor.answer(question.q);
    latencies.push(performance.now() - started);
    ours.push({
      question,
      refused: answer.refused,
      lessons: answer.sources.map((s) => s.lesson),
      answer: answer.text,
    });
    const t0 = performance.now();
    const lessons = baseline(question.q);
    baselineLatencies.push(performance.now() - t0);
    theirs.push({ question, refused: lessons.length === 0, lessons, answer: "" });
    if ((i + 1) % 200 === 0) progress(`  ${split}: ${i + 1}/${questions.length}`);
  }
  if (showMisses) printMisses(ours);
  results[split] = {
    questions: questions.length,
    rows: rowsOf(ours, theirs),
    refusal: { ours: refusals(ours), baseline: refusals(theirs) },
    latency_ms: {
      ours_p50: percentile(latencies, 50),
      ours_p95: percentile(latencies, 95),
      baseline_p50: percentile(baselineLatencies, 50),
      baseline_p95: percentile(baselineLatencies, 95),
    },
  };
}

if (asJson) console.log(JSON.stringify(results));
else printTables(results);

function rowsOf(ours: Outcome[], theirs: Outcome[]) {
  const inScope = (o: Outcome) => o.question.lessons.length > 0;
  const styles = [...new Set(ours.filter(inScope).map((o) => o.question.style))].sort();
  const of = (list: Outcome[], style?: string) =>
    list.filter((o) => inScope(o) && (style === undefined || o.question.style === style));
  return [
    { style: "all in-scope", ours: score(of(ours)), baseline: score(of(theirs)) },
    ...styles.map((style) => ({ style, ours: score(of(ours, style)), baseline: score(of(theirs, style)) })),
  ];
}

function printTables(all: Record<string, unknown>) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(6);
  console.log(`\nindex build ${all.index_build_ms} ms`);
  for (const split of SPLITS) {
    const r = all[split] as
      | {
          questions: number;
          rows: { style: string; ours: Metrics; baseline: Metrics }[];
          refusal: { ours: ReturnType<typeof refusals> };
          latency_ms: Record<string, number>;
        }
      | undefined;
    if (!r) continue;
    console.log(`\n== ${split}: ${r.questions} messages`);
    console.log(
      "style            n   | ours:  hit@1  hit@3 nuggets  fully refused | MiniSearch: hit@1  hit@3",
    );
    for (const row of r.rows) {
      const o = row.ours;
      const b = row.baseline;
      console.log(
        `${row.style.padEnd(14)} ${String(o.n).padStart(4)} |     ${pct(o.lessonHit1)} ${pct(o.lessonHit3)}  ${pct(o.nuggets)} ${pct(o.fully)}  ${pct(o.refused)} |       ${pct(b.lessonHit1)} ${pct(b.lessonHit3)}`,
      );
    }
    const f = r.refusal.ours;
    const kinds = Object.entries(f.byScope)
      .map(([k, v]) => `${k} ${pct(v).trim()}%`)
      .join(", ");
    console.log(
      `refusal: out-of-scope refused ${pct(f.recall).trim()}% (${kinds}); precision ${pct(f.precision).trim()}%; in-scope refused ${pct(f.inScopeRefused).trim()}%`,
    );
    console.log(
      `latency: ours p50 ${r.latency_ms.ours_p50?.toFixed(2)} ms, p95 ${r.latency_ms.ours_p95?.toFixed(2)} ms; MiniSearch p50 ${r.latency_ms.baseline_p50?.toFixed(2)} ms, p95 ${r.latency_ms.baseline_p95?.toFixed(2)} ms`,
    );
  }
}

function printMisses(outcomes: Outcome[]) {
  for (const o of outcomes) {
    const q: EvalQuestion = o.question;
    const expectedRefusal = q.lessons.length === 0;
    const lessonOk = expectedRefusal ? o.refused : !o.refused && q.lessons.includes(o.lessons[0] ?? "");
    const met = nuggetsMet(o.answer, q.nuggets);
    const adviceOk = expectedRefusal || met === q.nuggets.length;
    if (lessonOk && adviceOk) continue;
    const tag = !lessonOk ? "LESSON" : "ADVICE";
    process.stderr.write(
      `${tag} [${q.style}] ${q.q}\n   want ${q.lessons.join(" | ") || "(refuse)"}  got ${o.refused ? "(refused)" : o.lessons.slice(0, 3).join(" | ")}\n` +
        (lessonOk && !adviceOk
          ? `   nuggets ${JSON.stringify(q.nuggets)}\n   answer ${o.answer.replace(/\n/g, " ⏎ ").slice(0, 300)}\n`
          : ""),
    );
  }
}

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}
