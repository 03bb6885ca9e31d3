/**
 * A sending instance of the broadcast bench: opens the store (Redis when REDIS_URL is set, else the embedded
 * store in DATA_DIR), and sends broadcast BROADCAST_ID through the real runtime (outbox, pacer, worker, lease)
 * over a fake Telegram that appends each delivered user id to OUT_FILE and answers every RATE_LIMIT_EVERY-th
 * attempt with 429. Prints "done <final counts json>" when the broadcast has ended.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { loadCurriculum } from "../../src/knowledge/load-curriculum.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import { createOrganizerServices } from "../../src/organizer/organizer.ts";
import { createOrganizerRuntime } from "../../src/organizer/runtime.ts";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { RedisStore } from "../../src/storage/redis/redis-store.ts";
import type { Store } from "../../src/storage/store.ts";
import { silentLogger } from "./lib.ts";

const env = process.env;
const id = env.BROADCAST_ID ?? "";
const every = Number(env.RATE_LIMIT_EVERY ?? 0);
const retryAfterMs = Number(env.RETRY_AFTER_MS ?? 25);
const store: Store = env.REDIS_URL
  ? await RedisStore.connect({ url: env.REDIS_URL, prefix: env.REDIS_PREFIX ?? "", commandTimeoutMs: 10_000 })
  : await EmbeddedStore.open(env.DATA_DIR ?? "");
const { ward } = await loadCurriculum(join(import.meta.dirname, "..", "..", "knowledge"));
const org = createOrganizerServices({
  ward,
  store,
  adminIds: [],
  certificates: new Certificates(store, "bench"),
});
let attempts = 0;
const runtime = createOrganizerRuntime({
  org,
  senders: {
    telegram: {
      async send(userId) {
        if (every > 0 && ++attempts % every === 0) return { status: "rate-limited", retryAfterMs };
        appendFileSync(env.OUT_FILE ?? "", `${userId}\n`);
        return { status: "sent" };
      },
    },
  },
  logger: silentLogger,
  ratePerSecond: Number(env.RATE ?? 1000),
  chatSpacingMs: Number(env.CHAT_SPACING_MS ?? 25),
  leaseMs: 1000,
  reminder: () => ({ text: "" }),
});
process.stdout.write("ready\n");
for (;;) {
  await runtime.runOnce();
  const record = await org.outbox.get(id);
  if (record?.status === "done") {
    process.stdout.write(`done ${JSON.stringify(record.final)}\n`);
    await store.close();
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 50)); // a killed instance's lease expires after 1 s
}
