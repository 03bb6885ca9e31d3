/** Redis plumbing of the bench: a store under a unique prefix, its cleanup, and used_memory readings. */
import { Redis } from "ioredis";
import { RedisStore } from "../../src/storage/redis/redis-store.ts";
import { REDIS_URL, uniquePrefix } from "./lib.ts";

export interface BenchRedis {
  store: RedisStore;
  prefix: string;
  /** A plain client on the same server (INFO, SCAN, cleanup). */
  admin: Redis;
  /** Deletes every key under the prefix and closes both connections. */
  dispose(): Promise<void>;
}

/** Connects a RedisStore under a fresh prefix; rejects when Redis does not answer. */
export async function openBenchRedis(section: string): Promise<BenchRedis> {
  const prefix = uniquePrefix(section);
  const store = await RedisStore.connect({ url: REDIS_URL, prefix, commandTimeoutMs: 10_000 });
  const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  admin.on("error", () => {});
  await admin.connect();
  return {
    store,
    prefix,
    admin,
    async dispose() {
      await deleteByPrefix(admin, prefix);
      await store.close();
      await admin.quit().catch(() => admin.disconnect());
    },
  };
}

export async function deleteByPrefix(admin: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
  do {
    const [next, keys] = await admin.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    if (keys.length) deleted += await admin.unlink(...keys);
  } while (cursor !== "0");
  return deleted;
}

/** `used_memory` from INFO memory, in bytes. */
export async function usedMemory(admin: Redis): Promise<number> {
  const info = await admin.info("memory");
  const match = /^used_memory:(\d+)/m.exec(info);
  if (!match) throw new Error("INFO memory has no used_memory");
  return Number(match[1]);
}
