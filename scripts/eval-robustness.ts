/**
 * npm run eval:robustness — how much the answers hold up when dev messages are rewritten the way residents'
 * phones and habits change them: accented messages without their accents and with slips of the thumb (a
 * letter left out, two swapped, a neighbouring key) in a share of their words, and long stories as a voice
 * keyboard writes them (no punctuation, lower case); accented messages as chatted (a greeting, a thanks, the
 * last letter held down); long stories opening with an illness they do not ask about; short messages after a
 * sentence saying who writes or an opening saying whom they are asked for; and out-of-scope messages with slips or
 * chatted, which should still be declined. Each row beside the same messages as written. Only the
 * dev split is rewritten: the test split is never read while tuning. Seeded: `--seed N` (default 1).
 *   --json    one JSON object
 */
import { resolve } from "node:path";
import { loadConfig } from "../src/config/load-config.ts";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { buildIndex } from "../src/retrieval/build-index.ts";
import { createEmbeddings } from "../src/retrieval/create-embeddings.ts";
import { createExtractiveTutor } from "../src/tutor/extractive-tutor.ts";
import { type EvalQuestion, type Metrics, type Outcome, readSplit, score, splitDir } from "./eval-lib.ts";
import {
  askedFor,
  chatty,
  dictated,
  illnessInStory,
  introduced,
  seededRandom,
  withoutAccents,
  withSlips,
} from "./lib/rewrite-as-residents.ts";

/** The share of words slipped: about one word in five, as in dev's own typo messages. */
const SLIP_RATE = 0.2;

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const seedAt = args.indexOf("--seed");
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
if (!Number.isInteger(seed)) fail("--seed must be a whole number");

const curriculum = await loadCurriculum(resolve("knowledge"));
const { index } = await buildIndex(curriculum, { embeddings: createEmbeddings(loadConfig()) });
const tutor = createExtractiveTutor({ index });
const all = readSplit(splitDir(resolve("test", "fixtures", "eval"), "dev"));
const dev = all.filter((q) => q.lessons.length);
const accented = dev.filter((q) => q.style === "accented");
const long = dev.filter((q) => q.style === "long");
const short = dev.filter((q) => q.style === "short");
const outside = all.filter((q) => !q.lessons.length);
const random = seededRandom(seed);

const rewrites: { name: string; from: EvalQuestion[]; rewrite: (q: string) => string }[] = [
  { name: "accented, as written", from: accented, rewrite: (q) => q },
  { name: "accented, accents off", from: accented, rewrite: withoutAccents },
  { name: "accented, slips", from: accented, rewrite: (q) => withSlips(q, SLIP_RATE, random) },
  {
    name: "accents off and slips",
    from: accented,
    rewrite: (q) => withSlips(withoutAccents(q), SLIP_RATE, random),
  },
  { name: "long, as written", from: long, rewrite: (q) => q },
  { name: "long, dictated", from: long, rewrite: dictated },
  // After a sentence about an illness the message does not ask about ("Mẹ tôi bị tiểu đường mấy năm nay."):
  // the lesson, after the doctor's advice, not the doctor's advice alone.
  { name: "long, illness in the story", from: long, rewrite: (q) => illnessInStory(q, random) },
  // Out of scope: a slip must not turn a question about something else into one the lessons seem to answer.
  { name: "out of scope, as written", from: outside, rewrite: (q) => q },
  { name: "out of scope, accents off", from: outside, rewrite: withoutAccents },
  { name: "out of scope, slips", from: outside, rewrite: (q) => withSlips(q, SLIP_RATE, random) },
  // Wrapped in a greeting and a thanks, its last letter held down ("vớiiii"): the courtesy asks nothing.
  { name: "accented, chatty", from: accented, rewrite: (q) => chatty(q, random) },
  { name: "out of scope, chatty", from: outside, rewrite: (q) => chatty(q, random) },
  // After a sentence saying who writes ("Tôi năm nay 72 tuổi, ở một mình."), which asks nothing.
  { name: "short, as written", from: short, rewrite: (q) => q },
  { name: "short, introduced", from: short, rewrite: (q) => introduced(q, random) },
  // Asked for someone else ("Bà ngoại nhờ cháu hỏi:"): the opening says for whom, not what.
  { name: "short, asked for someone", from: short, rewrite: (q) => askedFor(q, random) },
  { name: "out of scope, asked for", from: outside, rewrite: (q) => askedFor(q, random) },
];

const rows: { name: string; metrics: Metrics }[] = [];
for (const { name, from, rewrite } of rewrites) {
  const outcomes: Outcome[] = [];
  for (const question of from) {
    const answer = await tutor.answer(rewrite(question.q));
    outcomes.push({
      question,
      refused: answer.refused,
      lessons: answer.sources.map((s) => s.lesson),
      answer: answer.text,
    });
  }
  rows.push({ name, metrics: score(outcomes) });
  if (!asJson) process.stderr.write(`  ${name}: ${from.length} messages\n`);
}

if (asJson) console.log(JSON.stringify({ seed, slipRate: SLIP_RATE, rows }));
else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(6);
  console.log(
    `\n== dev, rewritten as residents' phones write (seed ${seed}, slips in ${SLIP_RATE * 100}% of words)`,
  );
  console.log("rewrite                     n  | hit@1  hit@3 nuggets  fully refused");
  for (const { name, metrics: m } of rows)
    if (name.startsWith("out of scope"))
      console.log(`${name.padEnd(26)} ${String(m.n).padStart(4)} | declined ${pct(m.refused).trim()}%`);
    else
      console.log(
        `${name.padEnd(26)} ${String(m.n).padStart(4)} | ${pct(m.lessonHit1)} ${pct(m.lessonHit3)}  ${pct(m.nuggets)} ${pct(m.fully)}  ${pct(m.refused)}`,
      );
}

function fail(message: string): never {
  process.stderr.write(`eval:robustness: ${message}\n`);
  process.exit(2);
}
