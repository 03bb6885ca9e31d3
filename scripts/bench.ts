/**
 * npm run bench — what residents, organizers and a province would feel (issue 22), one run, side by side:
 * answers beside MiniSearch, cold starts, residents chatting through POST /api/chat on Redis (one and two
 * instances), a broadcast with 429s and a killed sender, reports and audiences at 100k and 1M learners, memory.
 * `--json` prints exactly one JSON object on stdout (progress goes to stderr); `--quick` is a smoke run with
 * small sizes; `--scale N` sets the large province size (default 1,000,000); `--broadcast-rate N` (default
 * 1000/s, Telegram's time constants scaled to it). See README "Benchmarks" for what each figure measures.
 */
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { EmbeddedStore } from "../src/storage/embedded/embedded-store.ts";
import { benchKillBroadcast, queueKillBroadcast } from "./bench/broadcast-kill.ts";
import { benchChat, type ChatResult } from "./bench/chat.ts";
import { benchColdStart } from "./bench/cold-start.ts";
import { progress, REDIS_URL, ROOT, tempDir } from "./bench/lib.ts";
import { benchRss } from "./bench/memory.ts";
import { benchProvince, type ProvinceFigures } from "./bench/province.ts";
import { openBenchRedis } from "./bench/redis.ts";
import { type BenchResult, checkTargets, renderTable } from "./bench/report.ts";
import { benchRetrieval, QUESTIONS_DIR } from "./bench/retrieval.ts";
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
const scale = numberArg("--scale") ?? 1_000_000;
const sizes = quick
  ? {
      retrievalRounds: 1,
      retrievalLimit: 60,
      coldStarts: 1,
      chat: { residents: 20, turnsEach: 2, thinkMs: [50, 200] as [number, number], instances: [1] },
      broadcastRecipients: 1_000,
      rateLimitEvery: 100,
      rssLearners: 5_000,
      province: [2_000, 5_000],
    }
  : {
      retrievalRounds: 3,
      retrievalLimit: undefined,
      coldStarts: 2,
      // A resident reads the answer and types the next message on a phone: 5–15 s between messages.
      chat: { residents: 200, turnsEach: 5, thinkMs: [5000, 15000] as [number, number], instances: [1, 2] },
      broadcastRecipients: 100_000,
      rateLimitEvery: 1_000,
      rssLearners: 100_000,
      province: [100_000, scale],
    };

const started = performance.now();
const notes: string[] = [];
const details: BenchResult["details"] = { load_avg_1m_start: Math.round((loadavg()[0] ?? 0) * 10) / 10 };
const section = (name: string) =>
  progress(`${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
const redisMissing = (error: unknown) => {
  if (!notes.some((n) => n.startsWith("redis unavailable")))
    notes.push(`redis unavailable (${(error as Error).message}): Redis figures are null`);
};

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

section(
  "cold start: npm start's command on a fresh DATA_DIR, then again on the same one (its start-up cache read)",
);
const colds: number[] = [];
const cached: number[] = [];
for (let i = 0; i < sizes.coldStarts; i++) {
  const data = await tempDir("cold");
  colds.push(await benchColdStart(data.dir));
  cached.push(await benchColdStart(data.dir));
  await data.remove();
  progress(`  cold start ${i + 1}/${sizes.coldStarts}: ${colds.at(-1)} ms, cached ${cached.at(-1)} ms`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
details.cold_start_runs = colds.length;

const questions = readSplit(QUESTIONS_DIR)
  .filter((q) => q.lessons.length > 0)
  .map((q) => q.q);
const chats: ChatResult[] = [];
for (const instances of sizes.chat.instances) {
  const c = sizes.chat;
  section(`chat: ${c.residents} residents through POST /api/chat, ${instances} instance(s) on Redis`);
  try {
    const redis = await openBenchRedis(`chat${instances}`);
    try {
      const result = await benchChat(redis.store, questions, {
        ...c,
        instances,
        redisUrl: REDIS_URL,
        prefix: redis.prefix,
      });
      chats.push(result);
      if (result.errors)
        notes.push(
          `chat (${instances} instance(s)): ${result.errors} turns failed (${JSON.stringify(result.errorKinds)})`,
        );
      progress(
        `  p50 ${result.turn_p50_ms} ms, p95 ${result.turn_p95_ms} ms, ceiling ${result.max_turns_per_s} turns/s`,
      );
    } finally {
      await redis.dispose();
    }
  } catch (error) {
    redisMissing(error);
    break;
  }
}
const [chat1, chat2] = chats;
Object.assign(details, {
  chat_residents: sizes.chat.residents,
  chat_turns_each: sizes.chat.turnsEach,
  chat_think_ms: sizes.chat.thinkMs.join("–"),
  turn_p50_ms: chat1?.turn_p50_ms ?? null,
  turns_per_s_paced: chat1?.turns_per_s ?? null,
  turn_p95_ms_at_ceiling: chat1?.max_turn_p95_ms ?? null,
  turn_p50_ms_2_instances: chat2?.turn_p50_ms ?? null,
  turn_p95_ms_2_instances: chat2?.turn_p95_ms ?? null,
  turns_per_s_redis_2_instances: chat2?.max_turns_per_s ?? null,
  app_rss_mb_chat: chat1?.rss_mb[0] ?? null,
});

section(
  `broadcast: ${sizes.broadcastRecipients} recipients at ${broadcastRate}/s, 429s, the first sender killed`,
);
const killOptions = {
  recipients: sizes.broadcastRecipients,
  ratePerSecond: broadcastRate,
  rateLimitEvery: sizes.rateLimitEvery,
  retryAfterMs: Math.round(1000 * timeScale),
  chatSpacingMs: Math.round(1000 * timeScale),
  killAt: 0.4,
};
let broadcast: Awaited<ReturnType<typeof benchKillBroadcast>> | null = null;
try {
  const redis = await openBenchRedis("broadcast").catch(() => null);
  if (redis) {
    try {
      await queueKillBroadcast(redis.store, sizes.broadcastRecipients);
      broadcast = await benchKillBroadcast({
        ...killOptions,
        target: { redisUrl: REDIS_URL, prefix: redis.prefix },
      });
    } finally {
      await redis.dispose();
    }
  } else {
    const data = await tempDir("broadcast");
    const store = await EmbeddedStore.open(data.dir);
    await queueKillBroadcast(store, sizes.broadcastRecipients);
    await store.close();
    broadcast = await benchKillBroadcast({ ...killOptions, target: { dataDir: data.dir } });
    await data.remove();
    notes.push("broadcast measured on the embedded store (no Redis)");
  }
} catch (error) {
  notes.push(`broadcast failed: ${(error as Error).message}`);
}
if (broadcast) {
  const { broadcast_efficiency: _e, broadcast_duplicates: _d, broadcast_lost: _l, ...rest } = broadcast;
  Object.assign(details, rest, {
    broadcast_recipients: sizes.broadcastRecipients,
    broadcast_configured_per_s: broadcastRate,
    broadcast_rate_limit_every: sizes.rateLimitEvery,
    broadcast_retry_after_ms: killOptions.retryAfterMs,
  });
  progress(
    `  efficiency ${broadcast.broadcast_efficiency}, duplicates ${broadcast.broadcast_duplicates}, lost ${broadcast.broadcast_lost}`,
  );
}

section(
  `province: ${sizes.province.join(" then ")} learners on Redis, a year's report and an audience of ~100k`,
);
let province: ProvinceFigures[] = [];
try {
  province = await benchProvince(sizes.province);
} catch (error) {
  redisMissing(error);
}
const [small, large] = province;
if (quick)
  notes.push(`quick run: the 100k and 1m figures were measured at ${sizes.province.join(" and ")} learners`);
else if (scale !== 1_000_000) notes.push(`the *_1m figures were measured at ${scale} learners (--scale)`);
Object.assign(details, {
  province_sizes: sizes.province.join(","),
  audience_recipients_100k: small?.recipients ?? null,
  audience_recipients_1m: large?.recipients ?? null,
  seed_ms_100k: small?.seed_ms ?? null,
  seed_ms_1m: large?.seed_ms ?? null,
  rss_mb_100k_redis: small?.max_rss_mb ?? null,
  redis_bytes_per_learner_1m: large?.redis_bytes_per_learner ?? null,
});

section(`memory: ${sizes.rssLearners} learners in the embedded store (child process, --expose-gc)`);
const rss = await benchRss(sizes.rssLearners);
Object.assign(details, {
  rss_learners: rss.learners,
  rss_heap_used_mb: rss.heap_used_mb,
  rss_empty_process_mb: rss.baseline_rss_mb,
  rss_write_ms: rss.write_ms,
  load_avg_1m_end: Math.round((loadavg()[0] ?? 0) * 10) / 10,
});

const partial: Omit<BenchResult, "targets" | "runtime_s"> = {
  date: new Date().toISOString(),
  node: process.version,
  cores: availableParallelism(),
  mode: quick ? "quick" : "full",
  ...retrievalFigures,
  cold_start_ms: median(colds),
  cold_start_cached_ms: median(cached),
  turn_p95_ms: chat1?.turn_p95_ms ?? null,
  turns_per_s_redis: chat1?.max_turns_per_s ?? null,
  broadcast_efficiency: broadcast?.broadcast_efficiency ?? null,
  broadcast_duplicates: broadcast?.broadcast_duplicates ?? null,
  broadcast_lost: broadcast?.broadcast_lost ?? null,
  report_ms_100k: small?.report_ms ?? null,
  report_ms_1m: large?.report_ms ?? null,
  audience_ms_100k: small?.audience_ms ?? null,
  audience_ms_1m: large?.audience_ms ?? null,
  rss_mb_1m_redis: large?.max_rss_mb ?? null,
  rss_mb_100k_learners: rss.rss_mb,
  redis_bytes_per_learner: small?.redis_bytes_per_learner ?? null,
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
