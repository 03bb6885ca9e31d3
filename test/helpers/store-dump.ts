import type { Store } from "../../src/storage/store.ts";

/** Everything one key holds (string, hash, list, set or sorted set), as text. */
async function heldBy(store: Store, key: string): Promise<string> {
  const parts: string[] = [];
  for (const read of [
    () => store.get(key),
    () => store.hgetall(key).then(JSON.stringify),
    () => store.lrange(key, 0, -1).then(JSON.stringify),
    () => store.smembers(key).then(JSON.stringify),
    () => store.zrangeByScore(key, -Infinity, Infinity).then(JSON.stringify),
  ])
    parts.push((await read().catch(() => "")) ?? "");
  return parts.join("\n");
}

/** Every stored key with every value it holds, as one string. */
export async function storeDump(store: Store): Promise<string> {
  const parts: string[] = [];
  for (const key of await store.keys("")) parts.push(key, await heldBy(store, key));
  return parts.join("\n");
}

/** The keys whose name or value contains `needle`. */
export async function keysHolding(store: Store, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const key of await store.keys(""))
    if (key.includes(needle) || (await heldBy(store, key)).includes(needle)) found.push(key);
  return found.sort();
}
