import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { RedisStore } from "../../src/storage/redis/redis-store.ts";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
export const REQUIRE_REDIS = process.env.REQUIRE_REDIS === "1";

/**
 * Connects to the test Redis under a fresh key prefix. Without Redis it returns null (tests skip with a
 * visible notice) unless REQUIRE_REDIS=1, where a missing Redis fails the run.
 */
export async function connectTestRedis(): Promise<RedisStore | null> {
  try {
    return await RedisStore.connect({
      url: REDIS_URL,
      prefix: `test:${randomUUID()}:`,
      commandTimeoutMs: 2000,
    });
  } catch (error) {
    if (REQUIRE_REDIS)
      throw new Error(`REQUIRE_REDIS=1 but Redis at ${REDIS_URL} did not answer: ${String(error)}`);
    console.warn(`\n  ⚠ Redis at ${REDIS_URL} is not reachable: the Redis contract suite is SKIPPED.\n`);
    return null;
  }
}

/** Removes every key a test wrote under its prefix. */
export async function cleanTestRedis(store: RedisStore): Promise<void> {
  const keys = await store.keys("");
  if (keys.length) await store.del(...keys);
  await store.close();
}

/**
 * Connects once before the file's tests and cleans up after; the getter gives null when Redis is absent
 * (tests then skip), and connecting fails the run when REQUIRE_REDIS=1.
 */
export function useTestRedis(): () => RedisStore | null {
  let store: RedisStore | null = null;
  beforeAll(async () => {
    store = await connectTestRedis();
  });
  afterAll(async () => {
    if (store) await cleanTestRedis(store);
  });
  return () => store;
}
