import type { ScoredMember } from "../store.ts";

/** One mutation, as written to the journal. Applying the same sequence always gives the same state. */
export type Op =
  | { t: "set"; k: string; v: string; x?: number }
  | { t: "del"; k: string }
  | { t: "exp"; k: string; x: number }
  | { t: "hset"; k: string; f: Record<string, string> }
  | { t: "hdel"; k: string; f: string[] }
  | { t: "sadd"; k: string; m: string[] }
  | { t: "srem"; k: string; m: string[] }
  | { t: "zadd"; k: string; s: number; m: string }
  | { t: "zrem"; k: string; m: string[] }
  | { t: "rpush"; k: string; v: string[] }
  | { t: "ltrim"; k: string; a: number; b: number };

type Value =
  | { type: "string"; data: string }
  | { type: "hash"; data: Map<string, string> }
  | { type: "set"; data: Set<string> }
  | { type: "zset"; data: Map<string, number> }
  | { type: "list"; data: string[] };
type Entry = Value & { expiresAt?: number };
type ValueType = Value["type"];
interface DataOf {
  string: string;
  hash: Map<string, string>;
  set: Set<string>;
  zset: Map<string, number>;
  list: string[];
}

/** A serialisable form of the whole state, used by snapshots. */
export type SnapshotEntry = [key: string, type: ValueType, data: unknown, expiresAt: number | null];

export class WrongTypeError extends Error {
  constructor(key: string, expected: string) {
    super(`WRONGTYPE: key "${key}" does not hold a ${expected}`);
  }
}

/** The in-memory data of the embedded store, with Redis semantics for the subset we use. */
export class MemoryState {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  apply(op: Op): void {
    switch (op.t) {
      case "set":
        this.entries.set(op.k, { type: "string", data: op.v, ...(op.x ? { expiresAt: op.x } : {}) });
        return;
      case "del":
        this.entries.delete(op.k);
        return;
      case "exp": {
        const entry = this.entries.get(op.k);
        if (entry) entry.expiresAt = op.x;
        return;
      }
      case "hset": {
        const hash = this.writable(op.k, "hash", () => new Map<string, string>());
        for (const [field, value] of Object.entries(op.f)) hash.set(field, value);
        return;
      }
      case "hdel":
        this.removeFrom(op.k, "hash", op.f);
        return;
      case "sadd": {
        const set = this.writable(op.k, "set", () => new Set<string>());
        for (const member of op.m) set.add(member);
        return;
      }
      case "srem":
        this.removeFrom(op.k, "set", op.m);
        return;
      case "zadd":
        this.writable(op.k, "zset", () => new Map<string, number>()).set(op.m, op.s);
        return;
      case "zrem":
        this.removeFrom(op.k, "zset", op.m);
        return;
      case "rpush":
        this.writable(op.k, "list", () => [] as string[]).push(...op.v);
        return;
      case "ltrim": {
        const list = this.read(op.k, "list");
        if (!list) return;
        const [from, to] = listRange(list.length, op.a, op.b);
        const kept = list.slice(from, to + 1);
        if (kept.length)
          this.entries.set(op.k, { ...this.entries.get(op.k), type: "list", data: kept } as Entry);
        else this.entries.delete(op.k);
        return;
      }
    }
  }

  exists(key: string): boolean {
    return this.live(key) !== undefined;
  }

  expiresAt(key: string): number | undefined {
    return this.live(key)?.expiresAt;
  }

  getString(key: string): string | null {
    return this.read(key, "string") ?? null;
  }

  hash(key: string): Map<string, string> | undefined {
    return this.read(key, "hash");
  }

  set(key: string): Set<string> | undefined {
    return this.read(key, "set");
  }

  zset(key: string): Map<string, number> | undefined {
    return this.read(key, "zset");
  }

  list(key: string): string[] | undefined {
    return this.read(key, "list");
  }

  zrangeByScore(key: string, min: number, max: number, limit: number): ScoredMember[] {
    const zset = this.read(key, "zset");
    if (!zset) return [];
    const found: ScoredMember[] = [];
    for (const [member, score] of zset) if (score >= min && score <= max) found.push({ member, score });
    found.sort((a, b) => a.score - b.score || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
    return found.slice(0, limit);
  }

  keys(prefix: string): string[] {
    const found: string[] = [];
    for (const key of this.entries.keys()) if (key.startsWith(prefix) && this.live(key)) found.push(key);
    return found;
  }

  snapshot(): SnapshotEntry[] {
    const out: SnapshotEntry[] = [];
    for (const [key, entry] of this.entries) {
      if (isExpired(entry, this.now())) continue;
      const data =
        entry.type === "string" || entry.type === "list"
          ? entry.data
          : entry.type === "set"
            ? [...entry.data]
            : [...entry.data.entries()];
      out.push([key, entry.type, data, entry.expiresAt ?? null]);
    }
    return out;
  }

  restore(entries: SnapshotEntry[]): void {
    this.entries.clear();
    for (const [key, type, data, expiresAt] of entries) {
      const value = revive(type, data);
      this.entries.set(key, expiresAt ? { ...value, expiresAt } : value);
    }
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && isExpired(entry, this.now())) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private read<T extends ValueType>(key: string, type: T): DataOf[T] | undefined {
    const entry = this.live(key);
    if (!entry) return undefined;
    if (entry.type !== type) throw new WrongTypeError(key, type);
    return entry.data as DataOf[T];
  }

  private writable<T extends ValueType>(key: string, type: T, create: () => DataOf[T]): DataOf[T] {
    const existing = this.read(key, type);
    if (existing) return existing;
    const data = create();
    this.entries.set(key, { type, data } as Entry);
    return data;
  }

  private removeFrom(key: string, type: "hash" | "set" | "zset", members: string[]): void {
    const container = this.read(key, type);
    if (!container) return;
    for (const member of members) container.delete(member);
    if (container.size === 0) this.entries.delete(key);
  }
}

function isExpired(entry: Entry, now: number): boolean {
  return entry.expiresAt !== undefined && entry.expiresAt <= now;
}

function revive(type: ValueType, data: unknown): Value {
  switch (type) {
    case "string":
      return { type, data: String(data) };
    case "list":
      return { type, data: (data as unknown[]).map(String) };
    case "set":
      return { type, data: new Set((data as unknown[]).map(String)) };
    case "hash":
      return { type, data: new Map(data as [string, string][]) };
    case "zset":
      return { type, data: new Map(data as [string, number][]) };
  }
}

/** Redis LRANGE/LTRIM index rules: negative counts from the end; the result is clamped. */
export function listRange(length: number, start: number, stop: number): [number, number] {
  const from = Math.max(start < 0 ? length + start : start, 0);
  const to = Math.min(stop < 0 ? length + stop : stop, length - 1);
  return [from, to];
}
