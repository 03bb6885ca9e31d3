import { AppError } from "../../shared/app-error.ts";
import type { WriteOp } from "../store.ts";
import type { MemoryState, Op } from "./memory-state.ts";

/** The journal op of one atomic write, read against the state as it is now; null when it changes nothing. */
export function opOf(state: MemoryState, write: WriteOp): Op | null {
  switch (write.op) {
    case "hset":
      return Object.keys(write.fields).length ? { t: "hset", k: write.key, f: { ...write.fields } } : null;
    case "hdel": {
      const hash = state.hash(write.key);
      const existing = write.fields.filter((f) => hash?.has(f));
      return existing.length ? { t: "hdel", k: write.key, f: existing } : null;
    }
    case "hincrby": {
      const current = state.hash(write.key)?.get(write.field) ?? "0";
      if (!/^-?\d+$/.test(current))
        throw new AppError("not-integer", `field "${write.field}" of "${write.key}" is not an integer`);
      return { t: "hset", k: write.key, f: { [write.field]: String(Number(current) + write.by) } };
    }
    case "sadd": {
      const set = state.set(write.key);
      const added = [...new Set(write.members)].filter((m) => !set?.has(m));
      return added.length ? { t: "sadd", k: write.key, m: added } : null;
    }
    case "srem": {
      const set = state.set(write.key);
      const removed = [...new Set(write.members)].filter((m) => set?.has(m));
      return removed.length ? { t: "srem", k: write.key, m: removed } : null;
    }
    case "set":
      return { t: "set", k: write.key, v: write.value };
    case "del":
      return state.exists(write.key) ? { t: "del", k: write.key } : null;
  }
}
