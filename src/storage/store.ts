import { AppError } from "../shared/app-error.ts";

/**
 * The storage port: the small subset of Redis the domain needs. Two implementations share one contract
 * test suite: `redis/` (ioredis, several instances) and `embedded/` (in-process, persisted to DATA_DIR).
 * Every method resolves only after the write is durable; keys are plain strings (no prefix here).
 */
export interface SetOptions {
  /** Expire the key after this many milliseconds. */
  ttlMs?: number;
  /** Write only when the key does not exist yet (Redis NX). */
  ifAbsent?: boolean;
}

export interface ScoredMember {
  member: string;
  score: number;
}

/** One write of an atomic batch (see `Store.atomic`). */
export type WriteOp =
  | { op: "hset"; key: string; fields: Record<string, string> }
  | { op: "hdel"; key: string; fields: string[] }
  | { op: "hincrby"; key: string; field: string; by: number }
  | { op: "sadd"; key: string; members: string[] }
  | { op: "srem"; key: string; members: string[] }
  | { op: "set"; key: string; value: string }
  | { op: "del"; key: string };

/** A condition of an atomic batch: the hash field (or, without `field`, the string) equals `equals`; null = absent. */
export interface WriteGuard {
  key: string;
  field?: string;
  equals: string | null;
}

export interface Store {
  /** String value, or null when missing or expired. */
  get(key: string): Promise<string | null>;
  /** Resolves true when written; false only when `ifAbsent` was set and the key existed. */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;
  /** Deletes keys of any type; resolves to how many existed. */
  del(...keys: string[]): Promise<number>;
  /** Atomically adds `by` (default 1) to an integer string and returns the new value. */
  incr(key: string, by?: number): Promise<number>;
  /** Sets a time to live on an existing key; false when the key does not exist. */
  expire(key: string, ttlMs: number): Promise<boolean>;

  hget(key: string, field: string): Promise<string | null>;
  /** Writes several fields at once (atomically). */
  hset(key: string, fields: Record<string, string>): Promise<void>;
  /** All fields; an empty object when the key is missing. */
  hgetall(key: string): Promise<Record<string, string>>;
  hdel(key: string, ...fields: string[]): Promise<number>;
  /** How many fields the hash has (0 when missing). */
  hlen(key: string): Promise<number>;
  hincrby(key: string, field: string, by: number): Promise<number>;

  /** Adds members; resolves to how many were new. */
  sadd(key: string, ...members: string[]): Promise<number>;
  srem(key: string, ...members: string[]): Promise<number>;
  smembers(key: string): Promise<string[]>;
  sismember(key: string, member: string): Promise<boolean>;
  scard(key: string): Promise<number>;

  /** Adds or updates a member's score. */
  zadd(key: string, score: number, member: string): Promise<void>;
  zrem(key: string, ...members: string[]): Promise<number>;
  zscore(key: string, member: string): Promise<number | null>;
  /** Members with min ≤ score ≤ max, lowest score first, at most `limit`. */
  zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<ScoredMember[]>;
  zcard(key: string): Promise<number>;

  /** Appends to the tail of a list; resolves to the new length. */
  rpush(key: string, ...values: string[]): Promise<number>;
  /** Items from start to stop inclusive; negative indexes count from the end (Redis LRANGE). */
  lrange(key: string, start: number, stop: number): Promise<string[]>;
  /** Keeps only items start..stop (Redis LTRIM). */
  ltrim(key: string, start: number, stop: number): Promise<void>;
  llen(key: string): Promise<number>;

  /**
   * Applies every op in order as one atomic step, only when every guard holds; resolves false (and writes
   * nothing) when one does not. Facts and the aggregates that count them are written together this way.
   */
  atomic(ops: readonly WriteOp[], guards?: readonly WriteGuard[]): Promise<boolean>;
  /**
   * One page of a set's members from `cursor` ("0" to start); the next cursor is "0" when done. A member
   * present for the whole scan is returned at least once (Redis SSCAN); pages hold about `count` members.
   */
  sscan(key: string, cursor: string, count: number): Promise<{ cursor: string; members: string[] }>;

  /** Every key that starts with the prefix (for export, erasure and reports; not for hot paths). */
  keys(prefix: string): Promise<string[]>;

  /** Takes a lease lock: resolves a token when acquired, null when someone else holds it. */
  acquireLease(name: string, ttlMs: number): Promise<string | null>;
  /** Extends a held lease; false when it was lost. */
  renewLease(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Releases a held lease; a lease held by another token is left alone. */
  releaseLease(name: string, token: string): Promise<void>;

  /** Resolves when the store answers; rejects when it is unreachable. */
  ping(): Promise<void>;
  /**
   * Rewrites what the store keeps on disk so deleted data is gone from it too (called after an erasure).
   * Redis deletes in memory and its own persistence is the operator's; the embedded store rewrites its file.
   */
  compact(): Promise<void>;
  /** Flushes everything acknowledged and releases resources. */
  close(): Promise<void>;
}

/**
 * The store cannot be reached or did not answer in time (Redis down, a closed embedded store): both stores
 * throw this, so a turn can say "busy, try again" instead of "something went wrong".
 */
export class StoreUnavailableError extends AppError {
  constructor(
    readonly store: "redis" | "embedded",
    /** A short, safe reason (an error code or class name; never a host, a key or a value). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super("store-unavailable", `${store} store unavailable (${reason})`, options);
    this.name = "StoreUnavailableError";
  }
}
