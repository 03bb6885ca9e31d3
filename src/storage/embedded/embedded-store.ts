import { randomUUID } from "node:crypto";
import { AppError } from "../../shared/app-error.ts";
import {
  type ScoredMember,
  type SetOptions,
  type Store,
  StoreUnavailableError,
  type WriteGuard,
  type WriteOp,
} from "../store.ts";
import { lockDataDir } from "./dir-lock.ts";
import { Journal } from "./journal.ts";
import { listRange, MemoryState, type Op } from "./memory-state.ts";
import { SetScans } from "./set-scans.ts";
import { opOf } from "./write-ops.ts";

interface Pending {
  ops: Op[];
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * The default store: all data in memory, every mutation journaled to DATA_DIR and fsynced before the
 * caller's promise resolves. Writes made in the same tick share one fsync (group commit).
 */
export class EmbeddedStore implements Store {
  private readonly state: MemoryState;
  private pending: Pending | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly scans = new SetScans();

  private constructor(
    private readonly journal: Journal,
    private readonly now: () => number,
    private readonly unlock: () => Promise<void>,
  ) {
    this.state = new MemoryState(now);
  }

  /**
   * Opens (or creates) the store in `dir`; a corrupt file stops start-up with a message naming it, and
   * so does a directory another living process holds.
   */
  static async open(dir: string, now: () => number = Date.now): Promise<EmbeddedStore> {
    const unlock = await lockDataDir(dir);
    const journal = new Journal(dir);
    const store = new EmbeddedStore(journal, now, unlock);
    const recovered = await journal.recover().catch(async (error) => {
      await unlock();
      throw error;
    });
    store.state.restore(recovered.entries);
    for (const op of recovered.ops) store.state.apply(op);
    return store;
  }

  async get(key: string) {
    return this.state.getString(key);
  }

  async set(key: string, value: string, options: SetOptions = {}) {
    if (options.ifAbsent && this.state.exists(key)) return false;
    await this.write({
      t: "set",
      k: key,
      v: value,
      ...(options.ttlMs ? { x: this.expiry(options.ttlMs) } : {}),
    });
    return true;
  }

  async del(...keys: string[]) {
    const existing = keys.filter((k) => this.state.exists(k));
    await this.write(...existing.map((k): Op => ({ t: "del", k })));
    return existing.length;
  }

  async incr(key: string, by = 1) {
    const current = this.state.getString(key) ?? "0";
    if (!/^-?\d+$/.test(current)) throw new AppError("not-integer", `value of "${key}" is not an integer`);
    const next = Number(current) + by;
    const expiresAt = this.state.expiresAt(key);
    await this.write({ t: "set", k: key, v: String(next), ...(expiresAt ? { x: expiresAt } : {}) });
    return next;
  }

  async expire(key: string, ttlMs: number) {
    if (!this.state.exists(key)) return false;
    await this.write({ t: "exp", k: key, x: this.expiry(ttlMs) });
    return true;
  }

  async hget(key: string, field: string) {
    return this.state.hash(key)?.get(field) ?? null;
  }

  async hset(key: string, fields: Record<string, string>) {
    if (Object.keys(fields).length) await this.write({ t: "hset", k: key, f: { ...fields } });
  }

  async hgetall(key: string) {
    return Object.fromEntries(this.state.hash(key) ?? []);
  }

  async hdel(key: string, ...fields: string[]) {
    const hash = this.state.hash(key);
    const existing = fields.filter((f) => hash?.has(f));
    if (existing.length) await this.write({ t: "hdel", k: key, f: existing });
    return existing.length;
  }

  async hlen(key: string) {
    return this.state.hash(key)?.size ?? 0;
  }

  async hincrby(key: string, field: string, by: number) {
    const current = this.state.hash(key)?.get(field) ?? "0";
    if (!/^-?\d+$/.test(current))
      throw new AppError("not-integer", `field "${field}" of "${key}" is not an integer`);
    const next = Number(current) + by;
    await this.write({ t: "hset", k: key, f: { [field]: String(next) } });
    return next;
  }

  async sadd(key: string, ...members: string[]) {
    const set = this.state.set(key);
    const added = [...new Set(members)].filter((m) => !set?.has(m));
    if (added.length) await this.write({ t: "sadd", k: key, m: added });
    return added.length;
  }

  async srem(key: string, ...members: string[]) {
    const set = this.state.set(key);
    const removed = [...new Set(members)].filter((m) => set?.has(m));
    if (removed.length) await this.write({ t: "srem", k: key, m: removed });
    return removed.length;
  }

  async smembers(key: string) {
    return [...(this.state.set(key) ?? [])];
  }

  async sismember(key: string, member: string) {
    return this.state.set(key)?.has(member) ?? false;
  }

  async scard(key: string) {
    return this.state.set(key)?.size ?? 0;
  }

  async zadd(key: string, score: number, member: string) {
    this.state.zset(key); // type check before writing
    await this.write({ t: "zadd", k: key, s: score, m: member });
  }

  async zrem(key: string, ...members: string[]) {
    const zset = this.state.zset(key);
    const removed = [...new Set(members)].filter((m) => zset?.has(m));
    if (removed.length) await this.write({ t: "zrem", k: key, m: removed });
    return removed.length;
  }

  async zscore(key: string, member: string) {
    return this.state.zset(key)?.get(member) ?? null;
  }

  async zrangeByScore(
    key: string,
    min: number,
    max: number,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<ScoredMember[]> {
    return this.state.zrangeByScore(key, min, max, limit);
  }

  async zcard(key: string) {
    return this.state.zset(key)?.size ?? 0;
  }

  async rpush(key: string, ...values: string[]) {
    this.state.list(key);
    await this.write({ t: "rpush", k: key, v: values });
    return this.state.list(key)?.length ?? 0;
  }

  async lrange(key: string, start: number, stop: number) {
    const list = this.state.list(key) ?? [];
    const [from, to] = listRange(list.length, start, stop);
    return list.slice(from, to + 1);
  }

  async ltrim(key: string, start: number, stop: number) {
    if (this.state.list(key)) await this.write({ t: "ltrim", k: key, a: start, b: stop });
  }

  async llen(key: string) {
    return this.state.list(key)?.length ?? 0;
  }

  async atomic(ops: readonly WriteOp[], guards: readonly WriteGuard[] = []) {
    if (this.closed) throw new StoreUnavailableError("embedded", "closed");
    for (const g of guards) {
      const current =
        g.field === undefined ? this.state.getString(g.key) : (this.state.hash(g.key)?.get(g.field) ?? null);
      if (current !== g.equals) return false;
    }
    const applied: Op[] = [];
    for (const write of ops) {
      const op = opOf(this.state, write);
      if (!op) continue;
      this.state.apply(op);
      applied.push(op);
    }
    await this.journalApplied(applied);
    return true;
  }

  async sscan(key: string, cursor: string, count: number) {
    return this.scans.page(cursor, count, () => [...(this.state.set(key) ?? [])]);
  }

  async keys(prefix: string) {
    return this.state.keys(prefix);
  }

  async acquireLease(name: string, ttlMs: number) {
    const token = randomUUID();
    return (await this.set(`lease:${name}`, token, { ttlMs, ifAbsent: true })) ? token : null;
  }

  async renewLease(name: string, token: string, ttlMs: number) {
    if (this.state.getString(`lease:${name}`) !== token) return false;
    await this.write({ t: "set", k: `lease:${name}`, v: token, x: this.expiry(ttlMs) });
    return true;
  }

  async releaseLease(name: string, token: string) {
    if (this.state.getString(`lease:${name}`) === token) await this.write({ t: "del", k: `lease:${name}` });
  }

  async ping() {
    if (this.closed) throw new StoreUnavailableError("embedded", "closed");
  }

  /** Waits for pending writes, then rewrites the journal from memory: deleted data leaves the disk. */
  async compact() {
    if (this.closed) throw new StoreUnavailableError("embedded", "closed");
    await this.flushing;
    this.flushing = this.flushing.then(() => this.journal.compact(this.state.snapshot()));
    await this.flushing;
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    await this.journal.compact(this.state.snapshot());
    await this.journal.close();
    await this.unlock();
  }

  /** Applies ops in memory now and resolves once they are journaled on disk. */
  private write(...ops: Op[]): Promise<void> {
    if (this.closed) return Promise.reject(new StoreUnavailableError("embedded", "closed"));
    for (const op of ops) this.state.apply(op);
    return this.journalApplied(ops);
  }

  /** Resolves once ops already applied in memory are journaled on disk. */
  private journalApplied(ops: Op[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (!this.pending) {
        this.pending = { ops: [], waiters: [] };
        this.flushing = this.flushing.then(() => this.flush());
      }
      this.pending.ops.push(...ops);
      this.pending.waiters.push({ resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = undefined;
    if (!batch) return;
    try {
      await this.journal.append(batch.ops);
      if (this.journal.needsCompaction) await this.journal.compact(this.state.snapshot());
      for (const w of batch.waiters) w.resolve();
    } catch (error) {
      for (const w of batch.waiters) w.reject(error);
    }
  }

  private expiry(ttlMs: number): number {
    return this.now() + ttlMs;
  }
}
