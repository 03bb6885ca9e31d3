/** Small shared helpers of the benchmark: progress lines, temp dirs, ports, and percentiles. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";

export { percentile } from "../eval-lib.ts";
export { freePort } from "../lib/free-port.ts";

export const ROOT = join(import.meta.dirname, "..", "..");
export const silentLogger = pino({ level: "silent" });

/** One progress line on stderr (stdout is kept for the result). */
export function progress(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

/** A fresh temp directory; `remove()` deletes it and everything in it. */
export async function tempDir(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `hvs-bench-${label}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A unique Redis key prefix for one bench section, so nothing else in that Redis is touched. */
export function uniquePrefix(section: string): string {
  return `hvs-bench:${process.pid}:${Date.now().toString(36)}:${section}:`;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
