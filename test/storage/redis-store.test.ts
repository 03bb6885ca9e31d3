import { afterAll, beforeAll, describe, it } from "vitest";
import type { RedisStore } from "../../src/storage/redis/redis-store.ts";
import { cleanTestRedis, connectTestRedis } from "../helpers/redis.ts";
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
});

describeStoreContract("redis", () => {
  if (!store) throw new Error("Redis unavailable");
  return store;
});
