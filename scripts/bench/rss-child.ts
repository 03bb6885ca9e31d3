/**
 * Child process of the memory bench (run with --expose-gc): opens a fresh embedded store in the given
 * directory, writes N synthetic learners, and prints one JSON line `{rss_mb, heap_mb, write_ms, …}` on stdout.
 * Usage: node --expose-gc --import tsx scripts/bench/rss-child.ts <dir> <count>
 */
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { seedLearners } from "./province.ts";

const [dir, countArg] = process.argv.slice(2);
if (!dir) throw new Error("usage: rss-child.ts <dir> <count>");
const count = Number(countArg ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

gc?.();
const baselineRss = process.memoryUsage().rss;
const store = await EmbeddedStore.open(dir);
const started = performance.now();
let lastReport = started;
await seedLearners(store, 0, count, (done) => {
  if (performance.now() - lastReport > 2000 || done === count) {
    lastReport = performance.now();
    const rate = done / ((lastReport - started) / 1000);
    process.stderr.write(`[bench]   memory: ${done}/${count} learners written (${Math.round(rate)}/s)\n`);
  }
});
const writeMs = performance.now() - started;
gc?.();
gc?.();
const usage = process.memoryUsage();
console.log(
  JSON.stringify({
    rss_mb: mb(usage.rss),
    heap_used_mb: mb(usage.heapUsed),
    baseline_rss_mb: mb(baselineRss),
    write_ms: Math.round(writeMs),
    learners: count,
    gc: gc !== undefined,
  }),
);
const closeStarted = performance.now();
await store.close();
process.stderr.write(
  `[bench]   memory: store closed in ${Math.round(performance.now() - closeStarted)} ms\n`,
);
