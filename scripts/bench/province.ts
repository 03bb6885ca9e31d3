/**
 * Province-sized stores: synthetic learners written through the stores' bulk path (the keys and counts the
 * learner stores write one by one), then a ward report and an audience queued into the outbox, timed.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { LEARNER_GROUPS } from "../../src/knowledge/schema.ts";
import { type BulkLearner, writeLearnersInBulk } from "../../src/learning/bulk-learners.ts";
import { vietnamDate } from "../../src/shared/vietnam-time.ts";
import type { Store } from "../../src/storage/store.ts";
import { progress, REDIS_URL, ROOT } from "./lib.ts";
import { openBenchRedis, usedMemory } from "./redis.ts";

const DAY_MS = 86_400_000;
/** Tổ dân phố of the synthetic province: learners are spread evenly over them. */
export const TOS = 40;
const BATCH = 500;

/** Learner i: group i mod 4, tổ i mod 40, registered on one of the last 365 days, half of them read a lesson. */
export function syntheticLearner(i: number, now: number, base = 7_000_000_000): BulkLearner {
  const consentAt = new Date(now - (i % 365) * DAY_MS - 3_600_000);
  return {
    id: `telegram:${base + i}`,
    group: LEARNER_GROUPS[i % LEARNER_GROUPS.length] as BulkLearner["group"],
    to: `Tổ ${(i % TOS) + 1}`,
    consentAt: consentAt.toISOString(),
    seenOn: vietnamDate(new Date(consentAt.getTime() + (i % 30) * DAY_MS)),
    ...(i % 2 === 0 ? { reads: { "vneid/kich-hoat": consentAt.toISOString() } } : {}),
  };
}

/** Writes learners `from` … `to − 1`; `onProgress` gets the count written so far. */
export async function seedLearners(
  store: Store,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
): Promise<void> {
  const now = Date.now();
  for (let start = from; start < to; start += BATCH * 4) {
    const calls: Promise<void>[] = [];
    for (let s = start; s < Math.min(to, start + BATCH * 4); s += BATCH) {
      const learners = Array.from({ length: Math.min(BATCH, to - s) }, (_, j) =>
        syntheticLearner(s + j, now),
      );
      calls.push(writeLearnersInBulk(store, learners));
    }
    await Promise.all(calls);
    onProgress?.(Math.min(to, start + BATCH * 4));
  }
}

export interface ProvinceFigures {
  learners: number;
  report_ms: number;
  audience_ms: number;
  recipients: number;
  /** Peak RSS of the process that made the report and queued the audience. */
  max_rss_mb: number;
  /** Redis used_memory growth per learner, from empty to this size. */
  redis_bytes_per_learner: number;
  seed_ms: number;
}

/** Spawns province-child.ts (with --expose-gc) on the seeded prefix and reads its JSON line. */
async function measure(prefix: string, learners: number) {
  const child = spawn(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      join(ROOT, "scripts", "bench", "province-child.ts"),
      REDIS_URL,
      prefix,
      String(learners),
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`province child exited with ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1) ?? "") as {
    report_ms: number;
    audience_ms: number;
    recipients: number;
    max_rss_mb: number;
  };
}

/** Seeds Redis (unique prefix, deleted after) up to each size in turn and measures a report and an audience. */
export async function benchProvince(sizes: readonly number[]): Promise<ProvinceFigures[]> {
  const redis = await openBenchRedis("province");
  const out: ProvinceFigures[] = [];
  try {
    const empty = await usedMemory(redis.admin);
    let seeded = 0;
    for (const size of sizes) {
      const started = performance.now();
      await seedLearners(redis.store, seeded, size, (done) => {
        if (done % 100_000 === 0 || done === size) progress(`  province: ${done}/${size} learners written`);
      });
      seeded = size;
      const seedMs = Math.round(performance.now() - started);
      const bytes = Math.round(((await usedMemory(redis.admin)) - empty) / size);
      const figures = await measure(redis.prefix, size);
      // The queued audience is not part of the next size's store.
      await redis.store.del(...(await redis.store.keys("bc:")));
      out.push({ learners: size, ...figures, redis_bytes_per_learner: bytes, seed_ms: seedMs });
      progress(`  province ${size}: report ${figures.report_ms} ms, audience ${figures.audience_ms} ms`);
    }
    return out;
  } finally {
    await redis.dispose();
  }
}
