import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/free-port.ts";
import { RedisStore } from "../../src/storage/redis/redis-store.ts";
import { StoreUnavailableError } from "../../src/storage/store.ts";
import { cleanTestRedis, connectTestRedis, REDIS_URL } from "../helpers/redis.ts";
import { describeStoreContract } from "./store-contract.ts";

let store: RedisStore | null = null;
beforeAll(async () => {
  store = await connectTestRedis();
});
afterAll(async () => {
  if (store) await cleanTestRedis(store);
});

describe("redis store", () => {
  it("runs against a real Redis (skipped only when Redis is absent and not required)", ({ skip }) => {
    if (!store) skip();
  });

  it("reports a Redis it cannot reach, or a closed connection, as unavailable — and other errors as they are", async ({
    skip,
  }) => {
    if (!store) skip();
    const nowhere = `redis://127.0.0.1:${await freePort()}`;
    await expect(
      RedisStore.connect({ url: nowhere, prefix: "t:", commandTimeoutMs: 500 }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    const other = await RedisStore.connect({ url: REDIS_URL, prefix: `test:${randomUUID()}:` });
    await other.set("s:text", "không phải số");
    await expect(other.incr("s:text")).rejects.not.toBeInstanceOf(StoreUnavailableError);
    await other.close();
    await expect(other.get("s:text")).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describeStoreContract("redis", () => {
  if (!store) throw new Error("Redis unavailable");
  return store;
});
