/**
 * Child process of the province bench: on Redis under the given prefix (already seeded), times a ward report
 * over the last year and an audience of about 100,000 recipients resolved and queued into the outbox, and
 * prints one JSON line `{report_ms, audience_ms, recipients, rss_mb, max_rss_mb}` on stdout.
 * Usage: node --expose-gc --import tsx scripts/bench/province-child.ts <redis url> <prefix> <learners>
 */
import { join } from "node:path";
import { loadCurriculum } from "../../src/knowledge/load-curriculum.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import { createOrganizerServices } from "../../src/organizer/organizer.ts";
import { vietnamDate } from "../../src/shared/vietnam-time.ts";
import { RedisStore } from "../../src/storage/redis/redis-store.ts";
import { TOS } from "./province.ts";

const [url, prefix, learnersArg] = process.argv.slice(2);
if (!url || !prefix) throw new Error("usage: province-child.ts <redis url> <prefix> <learners>");
const learners = Number(learnersArg);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;

const { ward } = await loadCurriculum(join(import.meta.dirname, "..", "..", "knowledge"));
const store = await RedisStore.connect({ url, prefix, commandTimeoutMs: 30_000 });
const org = createOrganizerServices({
  ward,
  store,
  adminIds: [],
  certificates: new Certificates(store, "bench"),
});
const now = new Date();
const range = { from: vietnamDate(new Date(now.getTime() - 364 * 86_400_000)), to: vietnamDate(now) };

let started = performance.now();
const report = await org.reports.produce(range, { ward: true }, now);
const reportMs = performance.now() - started;

// About 100,000 recipients: the whole ward at 100k learners, the first tổ that add up to it at 1M.
const tos = Math.max(1, Math.round((100_000 / learners) * TOS));
const audience = tos >= TOS ? {} : { tos: Array.from({ length: tos }, (_, i) => `Tổ ${i + 1}`) };
started = performance.now();
const queued = await org.queue(
  audience,
  {
    kind: "notice",
    text: "Thông báo: họp tổ dân phố tối thứ Bảy.",
    audienceLabel: "bench",
    createdBy: "system",
    sendAt: new Date(now.getTime() + 3_600_000),
    urgent: false,
  },
  now,
);
const audienceMs = performance.now() - started;
gc?.();
const usage = process.memoryUsage();
console.log(
  JSON.stringify({
    report_ms: Math.round(reportMs),
    report_registered: report.raw.total.registered,
    audience_ms: Math.round(audienceMs),
    recipients: queued.recipients,
    rss_mb: mb(usage.rss),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
  }),
);
await store.close();
