import calculateSlot from "cluster-key-slot";
import { Cluster, type Redis } from "ioredis";
import type { WriteGuard, WriteOp } from "../store.ts";

/**
 * An atomic batch: ARGV[1] is JSON {g: [[keyIndex, field|false, value|false]], o: [[command, keyIndex, ...args]]}.
 * Every guard is checked first; any that fails returns 0 and nothing is written.
 */
const ATOMIC = `local b = cjson.decode(ARGV[1])
for _, g in ipairs(b.g) do
  local v
  if g[2] then v = redis.call("hget", KEYS[g[1]], g[2]) else v = redis.call("get", KEYS[g[1]]) end
  if v ~= g[3] then return 0 end
end
for _, o in ipairs(b.o) do
  local args = {}
  for i = 3, #o do args[#args + 1] = o[i] end
  redis.call(o[1], KEYS[o[2]], unpack(args))
end
return 1`;

/**
 * Store.atomic on Redis: the guards are checked and the writes applied in one Lua script. On a cluster a
 * script may only touch keys of one hash slot, and a learner's records and the ward's counts live in different
 * slots, so there the guards are checked first and the writes then go slot by slot, each slot's part in one
 * script, in order. Not atomic across slots: two changes to one learner at the same instant, or a crash
 * between two slots, can leave a count off until `npm run rebuild-aggregates` (README).
 */
export async function writeAtomically(
  redis: Redis | Cluster,
  k: (key: string) => string,
  ops: readonly WriteOp[],
  guards: readonly WriteGuard[],
): Promise<boolean> {
  if (!(redis instanceof Cluster)) return runScript(redis, k, ops, guards);
  for (const guard of guards) if (!(await runScript(redis, k, [], [guard]))) return false;
  const bySlot = new Map<number, WriteOp[]>();
  for (const op of ops) {
    const slot = calculateSlot(k(op.key));
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), op]);
  }
  for (const part of bySlot.values()) await runScript(redis, k, part, []);
  return true;
}

async function runScript(
  redis: Redis | Cluster,
  k: (key: string) => string,
  ops: readonly WriteOp[],
  guards: readonly WriteGuard[],
): Promise<boolean> {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const at = (key: string) => {
    let i = index.get(key);
    if (i === undefined) {
      i = keys.push(k(key));
      index.set(key, i);
    }
    return i;
  };
  const g = guards.map((guard) => [at(guard.key), guard.field ?? false, guard.equals ?? false]);
  const o = ops.flatMap((write) => {
    const args = commandOf(write);
    return args ? [[args[0], at(write.key), ...args.slice(1)]] : [];
  });
  if (!o.length && !g.length) return true;
  return (await redis.eval(ATOMIC, keys.length, ...keys, JSON.stringify({ g, o }))) === 1;
}

/** The Redis command and arguments (after the key) of one atomic write; null when it writes nothing. */
function commandOf(write: WriteOp): (string | number)[] | null {
  switch (write.op) {
    case "hset": {
      const flat = Object.entries(write.fields).flat();
      return flat.length ? ["hset", ...flat] : null;
    }
    case "hdel":
      return write.fields.length ? ["hdel", ...write.fields] : null;
    case "hincrby":
      return ["hincrby", write.field, write.by];
    case "sadd":
    case "srem":
      return write.members.length ? [write.op, ...write.members] : null;
    case "set":
      return ["set", write.value];
    case "del":
      return ["del"];
  }
}
