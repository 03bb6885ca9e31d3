import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { redisTarget } from "../../src/storage/redis/redis-target.ts";

describe("where Redis is", () => {
  it("is one server for a redis:// or rediss:// URL and nothing when neither variable is set", () => {
    expect(redisTarget("redis://:pw@10.0.0.5:6379/0", undefined)).toEqual({
      kind: "single",
      url: "redis://:pw@10.0.0.5:6379/0",
    });
    expect(redisTarget(undefined, undefined)).toBeNull();
  });

  it("is a cluster for REDIS_CLUSTER_NODES, every host:port a starting node", () => {
    expect(redisTarget(undefined, "10.0.0.5:7000, 10.0.0.6:7001,[::1]:7002")).toEqual({
      kind: "cluster",
      nodes: [
        { host: "10.0.0.5", port: 7000 },
        { host: "10.0.0.6", port: 7001 },
        { host: "::1", port: 7002 },
      ],
      tls: false,
    });
  });

  it("is a cluster for a redis+cluster:// URL, with its user, password and TLS", () => {
    expect(redisTarget("rediss+cluster://app:p%40ss:w@a.vn:7000,b.vn:7000/", undefined)).toEqual({
      kind: "cluster",
      nodes: [
        { host: "a.vn", port: 7000 },
        { host: "b.vn", port: 7000 },
      ],
      username: "app",
      password: "p@ss:w",
      tls: true,
    });
    expect(redisTarget("redis+cluster://:secret@a.vn:7000", undefined)).toMatchObject({
      kind: "cluster",
      password: "secret",
      tls: false,
    });
  });

  it("refuses a cluster database other than 0, a node without a port and both variables at once", () => {
    expect(() => redisTarget("redis+cluster://a.vn:7000/2", undefined)).toThrowError(/only database 0/);
    expect(() => redisTarget(undefined, "a.vn")).toThrowError(/expected host:port/);
    expect(() => redisTarget("redis://a.vn:6379", "a.vn:7000")).toThrowError(/not both/);
  });

  it("never repeats the password when a cluster URL is wrong", () => {
    expect(() => redisTarget("redis+cluster://:hunter2@a.vn", undefined)).toThrowError(/"a\.vn"/);
    try {
      redisTarget("redis+cluster://:hunter2@a.vn", undefined);
    } catch (error) {
      expect(String(error)).not.toContain("hunter2");
    }
  });

  it("is accepted by the configuration, which refuses a bad node list and both variables together", () => {
    expect(loadConfig({ REDIS_URL: "redis+cluster://10.0.0.5:7000" }).REDIS_URL).toBe(
      "redis+cluster://10.0.0.5:7000",
    );
    expect(loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.5:7000,10.0.0.6:7000" }).REDIS_CLUSTER_NODES).toBe(
      "10.0.0.5:7000,10.0.0.6:7000",
    );
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: "10.0.0.5" })).toThrowError(
      /REDIS_CLUSTER_NODES=.*host|comma-separated/,
    );
    expect(() => loadConfig({ REDIS_URL: "redis://a:1", REDIS_CLUSTER_NODES: "b:2" })).toThrowError(
      /not both/,
    );
  });
});
