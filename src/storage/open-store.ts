import type { Config } from "../config/schema.ts";
import { EmbeddedStore } from "./embedded/embedded-store.ts";
import { RedisStore } from "./redis/redis-store.ts";
import type { Store } from "./store.ts";

/** Redis when REDIS_URL is set, otherwise the embedded store under DATA_DIR. */
export async function openStore(config: Pick<Config, "REDIS_URL" | "REDIS_PREFIX" | "DATA_DIR">): Promise<{
  store: Store;
  kind: "redis" | "embedded";
}> {
  if (config.REDIS_URL) {
    return {
      store: await RedisStore.connect({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX }),
      kind: "redis",
    };
  }
  return { store: await EmbeddedStore.open(`${config.DATA_DIR}/store`), kind: "embedded" };
}
