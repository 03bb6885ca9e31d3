import { describe, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One behaviour suite that both store implementations must pass. */
export function describeStoreContract(name: string, getStore: () => Store) {
  describe(`${name} store contract`, () => {
    it("stores and reads a string, and reports a missing key as null", async () => {
      const store = getStore();
      expect(await store.get("s:missing")).toBeNull();
      expect(await store.set("s:a", "xin chào")).toBe(true);
      expect(await store.get("s:a")).toBe("xin chào");
    });

    it("writes with ifAbsent only once", async () => {
      const store = getStore();
      expect(await store.set("s:once", "1", { ifAbsent: true })).toBe(true);
      expect(await store.set("s:once", "2", { ifAbsent: true })).toBe(false);
      expect(await store.get("s:once")).toBe("1");
    });

    it("forgets a key after its time to live", async () => {
      const store = getStore();
      await store.set("s:ttl", "x", { ttlMs: 60 });
      expect(await store.get("s:ttl")).toBe("x");
      await sleep(120);
      expect(await store.get("s:ttl")).toBeNull();
      expect(await store.set("s:ttl", "y", { ifAbsent: true })).toBe(true);
    });

    it("expires an existing key and refuses to expire a missing one", async () => {
      const store = getStore();
      await store.set("s:exp", "x");
      expect(await store.expire("s:exp", 50)).toBe(true);
      expect(await store.expire("s:nothing", 50)).toBe(false);
      await sleep(100);
      expect(await store.get("s:exp")).toBeNull();
    });

    it("increments atomically, even when many increments race", async () => {
      const store = getStore();
      await Promise.all(Array.from({ length: 50 }, () => store.incr("s:count")));
      expect(await store.incr("s:count", 5)).toBe(55);
    });

    it("deletes keys of any type and counts those that existed", async () => {
      const store = getStore();
      await store.set("d:a", "1");
      await store.hset("d:b", { f: "v" });
      await store.sadd("d:c", "m");
      expect(await store.del("d:a", "d:b", "d:c", "d:none")).toBe(3);
      expect(await store.get("d:a")).toBeNull();
      expect(await store.hgetall("d:b")).toEqual({});
    });

    it("keeps every live key through a compaction after a deletion", async () => {
      const store = getStore();
      await store.hset("c:keep", { name: "giữ" });
      await store.set("c:gone", "xóa");
      await store.del("c:gone");
      await store.compact();
      expect(await store.hgetall("c:keep")).toEqual({ name: "giữ" });
      expect(await store.get("c:gone")).toBeNull();
    });

    it("keeps hash fields, deletes some and increments one", async () => {
      const store = getStore();
      await store.hset("h:1", { name: "Bà Lan", group: "nguoi-dan" });
      await store.hset("h:1", { to: "Tổ 5" });
      expect(await store.hget("h:1", "name")).toBe("Bà Lan");
      expect(await store.hgetall("h:1")).toEqual({ name: "Bà Lan", group: "nguoi-dan", to: "Tổ 5" });
      expect(await store.hdel("h:1", "to", "nothing")).toBe(1);
      expect(await store.hincrby("h:1", "score", 3)).toBe(3);
      expect(await store.hincrby("h:1", "score", -1)).toBe(2);
      expect(await store.hget("h:1", "missing")).toBeNull();
    });

    it("counts a hash's fields, and a missing hash as empty", async () => {
      const store = getStore();
      await store.hset("hl:h", { a: "1", b: "2" });
      await store.hset("hl:h", { b: "3", c: "4" });
      expect(await store.hlen("hl:h")).toBe(3);
      expect(await store.hlen("hl:missing")).toBe(0);
    });

    it("keeps set members unique", async () => {
      const store = getStore();
      expect(await store.sadd("set:1", "a", "b", "a")).toBe(2);
      expect(await store.sadd("set:1", "b", "c")).toBe(1);
      expect((await store.smembers("set:1")).sort()).toEqual(["a", "b", "c"]);
      expect(await store.sismember("set:1", "c")).toBe(true);
      expect(await store.srem("set:1", "c", "z")).toBe(1);
      expect(await store.scard("set:1")).toBe(2);
    });

    it("orders sorted-set members by score and ranges over them", async () => {
      const store = getStore();
      await store.zadd("z:1", 30, "c");
      await store.zadd("z:1", 10, "a");
      await store.zadd("z:1", 20, "b");
      await store.zadd("z:1", 5, "c");
      expect(await store.zrangeByScore("z:1", 0, 25)).toEqual([
        { member: "c", score: 5 },
        { member: "a", score: 10 },
        { member: "b", score: 20 },
      ]);
      expect(await store.zrangeByScore("z:1", Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1)).toEqual(
        [{ member: "c", score: 5 }],
      );
      expect(await store.zscore("z:1", "b")).toBe(20);
      expect(await store.zscore("z:1", "none")).toBeNull();
      expect(await store.zrem("z:1", "a")).toBe(1);
      expect(await store.zcard("z:1")).toBe(2);
    });

    it("appends to lists, ranges with negative indexes and trims", async () => {
      const store = getStore();
      expect(await store.rpush("l:1", "a", "b")).toBe(2);
      expect(await store.rpush("l:1", "c", "d")).toBe(4);
      expect(await store.lrange("l:1", 0, -1)).toEqual(["a", "b", "c", "d"]);
      expect(await store.lrange("l:1", -2, -1)).toEqual(["c", "d"]);
      await store.ltrim("l:1", -3, -1);
      expect(await store.lrange("l:1", 0, 10)).toEqual(["b", "c", "d"]);
      expect(await store.llen("l:1")).toBe(3);
    });

    it("lists keys by prefix", async () => {
      const store = getStore();
      await store.set("k:learner:1", "x");
      await store.hset("k:learner:2", { a: "1" });
      await store.set("k:other", "x");
      expect((await store.keys("k:learner:")).sort()).toEqual(["k:learner:1", "k:learner:2"]);
    });

    it("grants a lease to one holder at a time and lets it go", async () => {
      const store = getStore();
      const first = await store.acquireLease("sender", 5000);
      expect(first).toBeTruthy();
      expect(await store.acquireLease("sender", 5000)).toBeNull();
      expect(await store.renewLease("sender", "not-the-token", 5000)).toBe(false);
      expect(await store.renewLease("sender", first as string, 5000)).toBe(true);
      await store.releaseLease("sender", "not-the-token");
      expect(await store.acquireLease("sender", 5000)).toBeNull();
      await store.releaseLease("sender", first as string);
      expect(await store.acquireLease("sender", 5000)).toBeTruthy();
    });

    it("hands an expired lease to the next holder", async () => {
      const store = getStore();
      expect(await store.acquireLease("short", 50)).toBeTruthy();
      await sleep(100);
      expect(await store.acquireLease("short", 50)).toBeTruthy();
    });

    it("writes an atomic batch in order, incrementing fields and changing sets and strings together", async () => {
      const store = getStore();
      await store.hset("at:h", { keep: "1", gone: "x" });
      await store.sadd("at:s", "old");
      const ok = await store.atomic([
        { op: "hincrby", key: "at:h", field: "n", by: 2 },
        { op: "hincrby", key: "at:h", field: "n", by: -5 },
        { op: "hdel", key: "at:h", fields: ["gone"] },
        { op: "hset", key: "at:h", fields: { tên: "Tổ 5" } },
        { op: "sadd", key: "at:s", members: ["a", "b"] },
        { op: "srem", key: "at:s", members: ["old"] },
        { op: "set", key: "at:str", value: "v" },
        { op: "del", key: "at:none" },
      ]);
      expect(ok).toBe(true);
      expect(await store.hgetall("at:h")).toEqual({ keep: "1", n: "-3", tên: "Tổ 5" });
      expect((await store.smembers("at:s")).sort()).toEqual(["a", "b"]);
      expect(await store.get("at:str")).toBe("v");
    });

    it("writes nothing of an atomic batch when a guard fails, and all of it when every guard holds", async () => {
      const store = getStore();
      await store.hset("ag:h", { read: "2026-01-01" });
      await store.set("ag:s", "1");
      const batch = [{ op: "hincrby" as const, key: "ag:count", field: "n", by: 1 }];
      expect(await store.atomic(batch, [{ key: "ag:h", field: "read", equals: null }])).toBe(false);
      expect(await store.atomic(batch, [{ key: "ag:s", equals: "2" }])).toBe(false);
      expect(await store.hgetall("ag:count")).toEqual({});
      const guards = [
        { key: "ag:h", field: "read", equals: "2026-01-01" },
        { key: "ag:h", field: "other", equals: null },
        { key: "ag:s", equals: "1" },
        { key: "ag:missing", equals: null },
      ];
      expect(await store.atomic(batch, guards)).toBe(true);
      expect(await store.hgetall("ag:count")).toEqual({ n: "1" });
    });

    it("scans a set page by page, returning every member that stays", async () => {
      const store = getStore();
      const members = Array.from({ length: 250 }, (_, i) => `m${i}`);
      await store.sadd("sc:set", ...members);
      const seen = new Set<string>();
      let cursor = "0";
      let pages = 0;
      do {
        const page = await store.sscan("sc:set", cursor, 50);
        for (const m of page.members) seen.add(m);
        if (pages === 0) await store.srem("sc:set", "m249"); // removed while scanning: may or may not come back
        cursor = page.cursor;
        pages++;
      } while (cursor !== "0" && pages < 1000);
      seen.delete("m249");
      expect(seen.size).toBe(249);
      expect(pages).toBeGreaterThan(1);
      expect((await store.sscan("sc:empty", "0", 10)).members).toEqual([]);
    });

    it("answers a ping", async () => {
      await expect(getStore().ping()).resolves.toBeUndefined();
    });
  });
}
