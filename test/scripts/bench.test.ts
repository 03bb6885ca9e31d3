import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/process.ts";

const run = promisify(execFile);
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

const FIGURES = [
  "retrieval_p50_ms",
  "retrieval_p95_ms",
  "baseline_p50_ms",
  "baseline_p95_ms",
  "index_build_ms",
  "cold_start_ms",
  "cold_start_cached_ms",
  "turn_p95_ms",
  "turns_per_s_redis",
  "broadcast_efficiency",
  "broadcast_duplicates",
  "broadcast_lost",
  "report_ms_100k",
  "report_ms_1m",
  "audience_ms_100k",
  "audience_ms_1m",
  "rss_mb_1m_redis",
  "rss_mb_100k_learners",
  "redis_bytes_per_learner",
  "cores",
] as const;
const BROADCAST = new Set(["broadcast_efficiency", "broadcast_duplicates", "broadcast_lost"]);
const REDIS = new Set([
  "turn_p95_ms",
  "turns_per_s_redis",
  "report_ms_100k",
  "report_ms_1m",
  "audience_ms_100k",
  "audience_ms_1m",
  "rss_mb_1m_redis",
  "redis_bytes_per_learner",
]);

describe("bench script (quick smoke run)", () => {
  it("prints one JSON object with every named figure, consistent values and the targets", async () => {
    const { stdout, stderr } = await run(TSX, ["scripts/bench.ts", "--quick", "--json"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH },
      maxBuffer: 10 * 1024 * 1024,
      timeout: 170_000,
    });
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/\[bench\] retrieval/);
    const result = JSON.parse(stdout);
    const notes: string[] = result.notes;
    const broadcastMissing = notes.some((n) => n.startsWith("broadcast"));
    const redisMissing =
      notes.some((n) => n.startsWith("redis unavailable")) && process.env.REQUIRE_REDIS !== "1";

    for (const name of FIGURES) {
      const value = result[name];
      if (value === null && BROADCAST.has(name) && broadcastMissing) continue;
      if (value === null && REDIS.has(name) && redisMissing) continue;
      expect(typeof value, name).toBe("number");
      expect(Number.isFinite(value), name).toBe(true);
      expect(value, name).toBeGreaterThanOrEqual(0);
    }
    expect(result.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(result.date))).toBe(false);

    expect(result.retrieval_p50_ms).toBeLessThanOrEqual(result.retrieval_p95_ms);
    expect(result.baseline_p50_ms).toBeLessThanOrEqual(result.baseline_p95_ms);
    for (const figure of ["index_build_ms", "cold_start_ms", "cold_start_cached_ms"])
      expect(result[figure], figure).toBeGreaterThan(0);
    if (!redisMissing) {
      expect(result.details.turn_p50_ms).toBeLessThanOrEqual(result.turn_p95_ms);
      expect(result.turns_per_s_redis).toBeGreaterThan(0);
      // The audiences reached everyone seeded (the quick run's sizes), and the report counted them.
      expect(result.details.audience_recipients_100k).toBe(2000);
      expect(result.details.audience_recipients_1m).toBe(5000);
      expect(result.redis_bytes_per_learner).toBeGreaterThan(0);
    }
    if (!broadcastMissing) {
      expect(result.broadcast_efficiency).toBeGreaterThan(0);
      expect(result.broadcast_duplicates).toBe(0);
      expect(result.broadcast_lost).toBe(0);
    }
    expect(result.rss_mb_100k_learners).toBeGreaterThan(result.details.rss_empty_process_mb / 2);

    expect(Object.keys(result.targets).sort()).toEqual(
      [
        "audience_100k",
        "broadcast",
        "cold_start_cached",
        "report_1m",
        "retrieval_p95",
        "rss_1m_redis",
        "turn_p95",
      ].sort(),
    );
    expect(result).not.toHaveProperty("echo_turns_per_s");
    for (const target of Object.values(result.targets) as { pass: boolean | null }[])
      expect([true, false, null]).toContain(target.pass);
  }, 180_000);
});
