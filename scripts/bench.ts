/**
 * npm run bench — speed, throughput, pacing and memory, against baselines run side by side (issue 11).
 * `--json` prints exactly one JSON object on stdout (progress goes to stderr); `--quick` uses small sizes
 * (a smoke run in well under 30 s). See README "Benchmarks" for what each figure measures.
 * Options: --api-latency-ms N (simulated Bot API round trip of the second turns run, default 30),
 * --broadcast-rate N (default 1000), --broadcast-concurrency N (default: the worker's own default).
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { EmbeddedStore } from "../src/storage/embedded/embedded-store.ts";
import { createExtractiveTutor } from "../src/tutor/extractive-tutor.ts";
import { benchBroadcast } from "./bench/broadcast.ts";
import { benchColdStart } from "./bench/cold-start.ts";
import { progress, ROOT, tempDir } from "./bench/lib.ts";
import { benchRedisBytes, benchRss } from "./bench/memory.ts";
import { openBenchRedis } from "./bench/redis.ts";
import { type BenchResult, checkTargets, renderTable } from "./bench/report.ts";
import { benchRetrieval, QUESTIONS_DIR } from "./bench/retrieval.ts";
import { benchEcho, benchTurns, type TurnOptions, type TurnResult } from "./bench/turns.ts";
import { readSplit } from "./eval-lib.ts";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const quick = args.includes("--quick");
const numberArg = (name: string): number | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} expects a number`);
  return value;
};

/** Telegram's ~25 messages/s; the bench runs faster and scales the platform's time constants to match. */
const PRODUCTION_RATE = 25;
const broadcastRate = numberArg("--broadcast-rate") ?? 1000;
const timeScale = PRODUCTION_RATE / broadcastRate;
const sizes = quick
  ? {
      retrievalRounds: 1,
      retrievalLimit: 60,
      coldStarts: 1,
      turns: { users: 20, turns: 150, warmup: 30, concurrency: 12 },
      turnsLatency: 60,
      broadcastRecipients: 500,
      rateLimitEvery: 100,
      rssLearners: 5_000,
      redisLearners: 1_000,
    }
  : {
      retrievalRounds: 3,
      retrievalLimit: undefined,
      coldStarts: 3,
      turns: { users: 200, turns: 3_000, warmup: 300, concurrency: 12 },
      turnsLatency: 2_000,
      broadcastRecipients: 10_000,
      rateLimitEvery: 1_000,
      rssLearners: 100_000,
      redisLearners: 10_000,
    };
const apiLatencyMs = numberArg("--api-latency-ms") ?? 30;

const started = performance.now();
const notes: string[] = [];
const details: BenchResult["details"] = {};
const section = (name: string) =>
  progress(`${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

section("retrieval: building the index (no cache) and timing the eval questions");
const curriculum = await loadCurriculum(join(ROOT, "knowledge"));
const retrieval = await benchRetrieval(curriculum, {
  rounds: sizes.retrievalRounds,
  ...(sizes.retrievalLimit ? { limit: sizes.retrievalLimit } : {}),
});
const { retrieval_questions, ...retrievalFigures } = retrieval.figures;
Object.assign(details, {
  retrieval_questions,
  retrieval_rounds: sizes.retrievalRounds,
  retrieval_samples: retrieval_questions * sizes.retrievalRounds,
});
progress(
  `  retrieval p95 ${retrievalFigures.retrieval_p95_ms} ms, baseline p95 ${retrievalFigures.baseline_p95_ms} ms`,
);

section("cold start: spawning src/main.ts on a fresh DATA_DIR until /healthz answers");
const coldStarts: number[] = [];
for (let i = 0; i < sizes.coldStarts; i++) {
  coldStarts.push(await benchColdStart());
  progress(`  cold start ${i + 1}/${sizes.coldStarts}: ${coldStarts.at(-1)} ms`);
}
const coldStart = [...coldStarts].sort((a, b) => a - b)[Math.floor(coldStarts.length / 2)] as number;
details.cold_start_runs = coldStarts.length;

const tutor = createExtractiveTutor({ index: retrieval.index });
const questions = readSplit(QUESTIONS_DIR)
  .filter((q) => q.lessons.length > 0)
  .map((q) => q.q);
const turnOptions: TurnOptions = { ...sizes.turns, apiLatencyMs: 0 };
const latencyOptions: TurnOptions = {
  ...sizes.turns,
  turns: sizes.turnsLatency,
  warmup: Math.min(sizes.turns.warmup, 100),
  apiLatencyMs,
};
Object.assign(details, {
  turns: turnOptions.turns,
  users: turnOptions.users,
  concurrency: turnOptions.concurrency,
  api_latency_ms: apiLatencyMs,
  turns_api_latency: latencyOptions.turns,
});

async function embeddedTurns(options: TurnOptions): Promise<TurnResult> {
  const data = await tempDir("turns");
  const store = await EmbeddedStore.open(data.dir);
  try {
    return await benchTurns({ store, curriculum, tutor }, questions, options);
  } finally {
    await store.close();
    await data.remove();
  }
}

async function redisTurns(options: TurnOptions): Promise<TurnResult | null> {
  let redis: Awaited<ReturnType<typeof openBenchRedis>>;
  try {
    redis = await openBenchRedis("turns");
  } catch (error) {
    notes.push(`redis unavailable (${(error as Error).message}): Redis figures are null`);
    return null;
  }
  try {
    return await benchTurns({ store: redis.store, curriculum, tutor }, questions, options);
  } finally {
    await redis.dispose();
  }
}

const check = (label: string, result: TurnResult | null) => {
  if (result?.unanswered) notes.push(`${label}: ${result.unanswered} chats got no reply`);
  if (result) progress(`  ${label}: ${result.turnsPerS} turns/s, p95 ${result.p95Ms} ms`);
  return result;
};

section(
  `turns: ${turnOptions.turns} free-text turns through the Telegram adapter, fake Bot API answering at once`,
);
const echo = check("echo bot", await benchEcho(questions, turnOptions)) as TurnResult;
const embedded = check("embedded", await embeddedTurns(turnOptions)) as TurnResult;
const redisRun = check("redis", await redisTurns(turnOptions));
Object.assign(details, {
  turn_p50_ms: embedded.p50Ms,
  turn_p95_ms_redis: redisRun?.p95Ms ?? null,
  echo_turn_p95_ms: echo.p95Ms,
});

section(`turns: ${latencyOptions.turns} turns with a ${apiLatencyMs} ms simulated Bot API round trip`);
const echoLatency = check("echo bot", await benchEcho(questions, latencyOptions)) as TurnResult;
const embeddedLatency = check("embedded", await embeddedTurns(latencyOptions)) as TurnResult;
const redisLatency = redisRun ? check("redis", await redisTurns(latencyOptions)) : null;
Object.assign(details, {
  echo_turns_per_s_api_latency: echoLatency.turnsPerS,
  turns_per_s_embedded_api_latency: embeddedLatency.turnsPerS,
  turns_per_s_redis_api_latency: redisLatency?.turnsPerS ?? null,
  turn_p95_ms_api_latency: embeddedLatency.p95Ms,
});

section(
  `broadcast: ${sizes.broadcastRecipients} recipients at ${broadcastRate}/s through the paced sender (embedded store)`,
);
const broadcastData = await tempDir("broadcast");
const broadcastStore = await EmbeddedStore.open(broadcastData.dir);
const concurrency = numberArg("--broadcast-concurrency");
const broadcast = await benchBroadcast(broadcastStore, {
  recipients: sizes.broadcastRecipients,
  ratePerSecond: broadcastRate,
  rateLimitEvery: sizes.rateLimitEvery,
  retryAfterMs: Math.round(1000 * timeScale),
  chatSpacingMs: Math.round(1000 * timeScale),
  ...(concurrency ? { concurrency } : {}),
});
await broadcastStore.close().catch(() => {});
await broadcastData.remove();
if (broadcast.note) notes.push(broadcast.note);
const { broadcast_efficiency, broadcast_duplicates, broadcast_lost, ...broadcastDetails } = broadcast.figures;
Object.assign(details, broadcastDetails, {
  broadcast_recipients: sizes.broadcastRecipients,
  broadcast_worker_concurrency: concurrency ?? "default",
  broadcast_retry_after_ms: Math.round(1000 * timeScale),
  broadcast_chat_spacing_ms: Math.round(1000 * timeScale),
});
progress(
  `  broadcast efficiency ${broadcast_efficiency}, duplicates ${broadcast_duplicates}, lost ${broadcast_lost}`,
);

section(`memory: ${sizes.rssLearners} learners in the embedded store (child process, --expose-gc)`);
const rss = await benchRss(sizes.rssLearners, 500);
Object.assign(details, {
  rss_learners: rss.learners,
  rss_heap_used_mb: rss.heap_used_mb,
  rss_empty_process_mb: rss.baseline_rss_mb,
  rss_write_ms: rss.write_ms,
});
if (rss.learners !== 100_000)
  notes.push(`rss_mb_100k_learners measured with ${rss.learners} learners (quick run)`);

section(`memory: ${sizes.redisLearners} learners in Redis`);
let redisBytes: number | null = null;
try {
  const measured = await benchRedisBytes(sizes.redisLearners);
  redisBytes = measured.bytesPerLearner;
  Object.assign(details, {
    redis_learners: sizes.redisLearners,
    redis_bytes_per_learner_sampled: measured.sampled,
  });
} catch (error) {
  if (!notes.some((n) => n.startsWith("redis unavailable")))
    notes.push(`redis unavailable (${(error as Error).message}): Redis figures are null`);
  Object.assign(details, { redis_learners: sizes.redisLearners, redis_bytes_per_learner_sampled: null });
}

const partial: Omit<BenchResult, "targets" | "runtime_s"> = {
  date: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  mode: quick ? "quick" : "full",
  ...retrievalFigures,
  cold_start_ms: coldStart,
  turns_per_s_embedded: embedded.turnsPerS,
  turns_per_s_redis: redisRun?.turnsPerS ?? null,
  echo_turns_per_s: echo.turnsPerS,
  turn_p95_ms: embedded.p95Ms,
  broadcast_efficiency,
  broadcast_duplicates,
  broadcast_lost,
  rss_mb_100k_learners: rss.rss_mb,
  redis_bytes_per_learner: redisBytes,
  details,
  notes,
};
const result: BenchResult = {
  ...partial,
  runtime_s: Math.round((performance.now() - started) / 100) / 10,
  targets: checkTargets(partial),
};
section("done");
if (asJson) process.stdout.write(`${JSON.stringify(result)}\n`);
else process.stdout.write(`\n${renderTable(result)}\n`);
