import { randomUUID } from "node:crypto";
import { Cluster, Redis } from "ioredis";
import type { ScoredMember, SetOptions, Store, WriteGuard, WriteOp } from "../store.ts";
import { writeAtomically } from "./atomic-batch.ts";
import type { RedisTarget } from "./redis-target.ts";
import { asStoreError, reportingUnavailable } from "./unavailable.ts";

const RENEW_LEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_LEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface RedisStoreOptions {
  /** A `redis://` URL, or a cluster target from `redisTarget()`. */
  url: string | RedisTarget;
  /** Prepended to every key, so several deployments can share one Redis. */
  prefix: string;
  /** Fail a command after this long instead of queueing forever while Redis is down. */
  commandTimeoutMs?: number;
}

/**
 * The production store: Redis through ioredis, one server or a Redis Cluster. Keys go through one prefix
 * helper. On a cluster every command touches one key (one slot) — the only multi-key command, DEL, is sent
 * once per key — and key listing scans every master. A future command that needs several keys at once must give
 * them one hash tag (`class:{42}:going`, `class:{42}:wait`): Redis hashes only the part inside `{}`.
 */
export class RedisStore implements Store {
  private constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
  ) {}

  /** Connects and checks Redis answers; rejects with the connection error otherwise. */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    const target: RedisTarget =
      typeof options.url === "string" ? { kind: "single", url: options.url } : options.url;
    const common = { maxRetriesPerRequest: 2, commandTimeout: options.commandTimeoutMs ?? 2000 };
    const retry = (attempt: number) => Math.min(attempt * 200, 2000);
    const redis =
      target.kind === "single"
        ? new Redis(target.url, {
            ...common,
            lazyConnect: true,
            enableOfflineQueue: true,
            retryStrategy: retry,
          })
        : new Cluster(target.nodes, {
            lazyConnect: true,
            enableOfflineQueue: true,
            scaleReads: "master",
            clusterRetryStrategy: retry,
            redisOptions: {
              ...common,
              username: target.username,
              password: target.password,
              tls: target.tls ? {} : undefined,
            },
          });
    redis.on("error", () => {}); // surfaced through rejected commands and /healthz, not as unhandled events
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      redis.disconnect();
      throw asStoreError(error);
    }
    return new RedisStore(reportingUnavailable(redis), options.prefix);
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  async get(key: string) {
    return this.redis.get(this.k(key));
  }

  async set(key: string, value: string, options: SetOptions = {}) {
    const k = this.k(key);
    let result: string | null;
    if (options.ttlMs && options.ifAbsent) result = await this.redis.set(k, value, "PX", options.ttlMs, "NX");
    else if (options.ttlMs) result = await this.redis.set(k, value, "PX", options.ttlMs);
    else if (options.ifAbsent) result = await this.redis.set(k, value, "NX");
    else result = await this.redis.set(k, value);
    return result === "OK";
  }

  async del(...keys: string[]) {
    if (!keys.length) return 0;
    const full = keys.map((key) => this.k(key));
    if (!(this.redis instanceof Cluster)) return this.redis.del(...full);
    // Keys may live in different slots (CROSSSLOT for one DEL): one DEL each, sent together.
    const counts = await Promise.all(full.map((key) => this.redis.del(key)));
    return counts.reduce((sum, n) => sum + n, 0);
  }

  async incr(key: string, by = 1) {
    return this.redis.incrby(this.k(key), by);
  }

  async expire(key: string, ttlMs: number) {
    return (await this.redis.pexpire(this.k(key), ttlMs)) === 1;
  }

  async hget(key: string, field: string) {
    return this.redis.hget(this.k(key), field);
  }

  async hset(key: string, fields: Record<string, string>) {
    if (Object.keys(fields).length) await this.redis.hset(this.k(key), fields);
  }

  async hgetall(key: string) {
    return this.redis.hgetall(this.k(key));
  }

  async hdel(key: string, ...fields: string[]) {
    return fields.length ? this.redis.hdel(this.k(key), ...fields) : 0;
  }

  async hlen(key: string) {
    return this.redis.hlen(this.k(key));
  }

  async hincrby(key: string, field: string, by: number) {
    return this.redis.hincrby(this.k(key), field, by);
  }

  async sadd(key: string, ...members: string[]) {
    return members.length ? this.redis.sadd(this.k(key), ...members) : 0;
  }

  async srem(key: string, ...members: string[]) {
    return members.length ? this.redis.srem(this.k(key), ...members) : 0;
  }

  async smembers(key: string) {
    return this.redis.smembers(this.k(key));
  }

  async sismember(key: string, member: string) {
    return (await this.redis.sismember(this.k(key), member)) === 1;
  }

  async scard(key: string) {
    return this.redis.scard(this.k(key));
  }

  async zadd(key: string, score: number, member: string) {
    await this.redis.zadd(this.k(key), score, member);
  }

  async zrem(key: string, ...members: string[]) {
    return members.length ? this.redis.zrem(this.k(key), ...members) : 0;
  }

  async zscore(key: string, member: string) {
    const score = await this.redis.zscore(this.k(key), member);
    return score === null ? null : Number(score);
  }

  async zrangeByScore(key: string, min: number, max: number, limit?: number): Promise<ScoredMember[]> {
    const lo = Number.isFinite(min) ? String(min) : min < 0 ? "-inf" : "+inf";
    const hi = Number.isFinite(max) ? String(max) : max < 0 ? "-inf" : "+inf";
    const flat =
      limit === undefined || !Number.isFinite(limit)
        ? await this.redis.zrangebyscore(this.k(key), lo, hi, "WITHSCORES")
        : await this.redis.zrangebyscore(this.k(key), lo, hi, "WITHSCORES", "LIMIT", 0, limit);
    const out: ScoredMember[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      out.push({ member: flat[i] as string, score: Number(flat[i + 1]) });
    return out;
  }

  async zcard(key: string) {
    return this.redis.zcard(this.k(key));
  }

  async rpush(key: string, ...values: string[]) {
    return this.redis.rpush(this.k(key), ...values);
  }

  async lrange(key: string, start: number, stop: number) {
    return this.redis.lrange(this.k(key), start, stop);
  }

  async ltrim(key: string, start: number, stop: number) {
    await this.redis.ltrim(this.k(key), start, stop);
  }

  async llen(key: string) {
    return this.redis.llen(this.k(key));
  }

  async atomic(ops: readonly WriteOp[], guards: readonly WriteGuard[] = []) {
    return writeAtomically(this.redis, (key) => this.k(key), ops, guards);
  }

  async sscan(key: string, cursor: string, count: number) {
    const [next, members] = await this.redis.sscan(this.k(key), cursor, "COUNT", count);
    return { cursor: next, members };
  }

  /** SCAN walks one server's keys: on a cluster, every master is scanned (replicas hold copies). */
  async keys(prefix: string) {
    const found = new Set<string>();
    const servers = this.redis instanceof Cluster ? this.redis.nodes("master") : [this.redis];
    const pattern = `${escapeGlob(this.k(prefix))}*`;
    for (const server of servers) {
      let cursor = "0";
      do {
        const [next, batch] = await server.scan(cursor, "MATCH", pattern, "COUNT", 1000);
        cursor = next;
        for (const key of batch) found.add(key.slice(this.prefix.length));
      } while (cursor !== "0");
    }
    return [...found];
  }

  async acquireLease(name: string, ttlMs: number) {
    const token = randomUUID();
    return (await this.set(`lease:${name}`, token, { ttlMs, ifAbsent: true })) ? token : null;
  }

  async renewLease(name: string, token: string, ttlMs: number) {
    return (await this.redis.eval(RENEW_LEASE, 1, this.k(`lease:${name}`), token, ttlMs)) === 1;
  }

  async releaseLease(name: string, token: string) {
    await this.redis.eval(RELEASE_LEASE, 1, this.k(`lease:${name}`), token);
  }

  async ping() {
    await this.redis.ping();
  }

  async compact() {}

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
