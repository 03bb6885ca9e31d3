import type { Config } from "../config/schema.ts";
import { EmbeddedStore } from "./embedded/embedded-store.ts";
import { redisTarget } from "./redis/redis-target.ts";
import type { Store } from "./store.ts";

/** Redis (one server or a cluster) when REDIS_URL or REDIS_CLUSTER_NODES is set, else the embedded store. */
export async function openStore(
  config: Pick<Config, "REDIS_URL" | "REDIS_CLUSTER_NODES" | "REDIS_PREFIX" | "DATA_DIR">,
): Promise<{
  store: Store;
  kind: "redis" | "embedded";
}> {
  const target = redisTarget(config.REDIS_URL, config.REDIS_CLUSTER_NODES);
  if (target) {
    // Loaded only when Redis is configured: the embedded store's start-up does not pay for ioredis.
    const { RedisStore } = await import("./redis/redis-store.ts");
    return { store: await RedisStore.connect({ url: target, prefix: config.REDIS_PREFIX }), kind: "redis" };
  }
  return { store: await EmbeddedStore.open(`${config.DATA_DIR}/store`), kind: "embedded" };
}
