/**
 * Memory figures: RSS of a fresh process holding N synthetic learners in the embedded store, and Redis
 * bytes per learner (used_memory delta over N learners written the same way, sampled with MEMORY USAGE too).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { writeLearners } from "./learners.ts";
import { progress, ROOT, tempDir } from "./lib.ts";
import { openBenchRedis, usedMemory } from "./redis.ts";

export interface RssResult {
  rss_mb: number;
  heap_used_mb: number;
  baseline_rss_mb: number;
  write_ms: number;
  learners: number;
  gc: boolean;
}

/** Spawns scripts/bench/rss-child.ts with --expose-gc on a fresh temp dir; its stderr progress is passed on. */
export async function benchRss(learners: number, batch: number): Promise<RssResult> {
  const data = await tempDir("rss");
  try {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        join(ROOT, "scripts", "bench", "rss-child.ts"),
        data.dir,
        String(learners),
        String(batch),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error(`rss child exited with ${code}:\n${stderr}`);
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as RssResult;
  } finally {
    await data.remove();
  }
}

/** Writes N learners to Redis under a unique prefix, measures used_memory growth per learner, then deletes them. */
export async function benchRedisBytes(
  learners: number,
): Promise<{ bytesPerLearner: number; sampled: number }> {
  const redis = await openBenchRedis("mem");
  try {
    const before = await usedMemory(redis.admin);
    let reported = 0;
    const ids = await writeLearners(redis.store, {
      count: learners,
      batch: 500,
      onBatch(done) {
        if (done - reported >= learners / 4 || done === learners) {
          reported = done;
          progress(`  redis memory: ${done}/${learners} learners written`);
        }
      },
    });
    const after = await usedMemory(redis.admin);
    // Cross-check: MEMORY USAGE of a sample of keys (their hashes; the shared set is spread over all).
    const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 200)) === 0);
    let sampled = 0;
    for (const id of sample) {
      for (const key of [`learner:${id}`, `progress:${id}`])
        sampled += Number((await redis.admin.memory("USAGE", `${redis.prefix}${key}`)) ?? 0);
    }
    const set = Number((await redis.admin.memory("USAGE", `${redis.prefix}learners:all`, "SAMPLES", 0)) ?? 0);
    return {
      bytesPerLearner: Math.round((after - before) / learners),
      sampled: Math.round(sampled / sample.length + set / learners),
    };
  } finally {
    await redis.dispose();
  }
}
