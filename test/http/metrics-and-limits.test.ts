import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { AddressBuckets } from "../../src/http/ip-rate-limit.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { httpDeps, tempStore, testAssistant } from "../helpers/core.ts";

const TOKEN = "m3tr1cs-t0ken-q8Zr3vKx9LmP2sWt7YbN";

async function server(options: { metricsToken?: string; apiPerMinute?: number }) {
  const store = await tempStore();
  return createHttpServer({
    ...(await httpDeps(store)),
    assistant: await testAssistant(store),
    health: async () => ({ status: "ok" }),
    ...options,
  });
}

describe("/metrics", () => {
  it("serves Prometheus counters of turns and latency to the token holder only", async () => {
    const app = await server({ metricsToken: TOKEN });
    await app.inject({
      method: "POST",
      url: "/api/chat",
      payload: { sessionId: "metrics-session-1", text: "xin chào" },
    });
    expect((await app.inject({ url: "/metrics" })).statusCode).toBe(401);
    expect(
      (await app.inject({ url: "/metrics", headers: { authorization: "Bearer wrong" } })).statusCode,
    ).toBe(401);
    const ok = await app.inject({ url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["content-type"]).toContain("text/plain");
    expect(ok.body).toMatch(/hvs_turns_total\{channel="web"\} [1-9]/);
    expect(ok.body).toContain("hvs_turn_duration_seconds_bucket");
    for (const name of [
      "hvs_refusals_total",
      "hvs_llm_calls_total",
      "hvs_broadcast_messages_total",
      "hvs_store_errors_total",
    ])
      expect(ok.body).toContain(name);
    expect(ok.body).not.toContain("xin chào");
    expect(ok.body).not.toContain("metrics-session-1");
  });

  it("does not exist without a token", async () => {
    const app = await server({});
    expect((await app.inject({ url: "/metrics" })).statusCode).toBe(404);
  });
});

describe("per-IP limit on the web chat API", () => {
  it("answers 429 with Retry-After past the limit, and only for that address", async () => {
    const app = await server({ apiPerMinute: 5 });
    const post = (ip: string, n: number) =>
      app.inject({
        method: "POST",
        url: "/api/chat",
        remoteAddress: ip,
        payload: { sessionId: `session-${ip.replace(/\./g, "_")}-${n}`, text: "xin chào" },
      });
    const codes = [];
    for (let i = 0; i < 7; i++) codes.push((await post("10.0.0.1", i)).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await post("10.0.0.1", 99);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers["retry-after"])).toBeLessThanOrEqual(12); // one request every 12 s at 5/min
    expect(limited.json().error.message).toContain("Nhiều người đang dùng chung mạng này");
    expect(limited.json().error.message).not.toContain("kiểm tra mạng");
    expect((await post("10.0.0.2", 0)).statusCode).toBe(200);
    expect((await app.inject({ url: "/healthz", remoteAddress: "10.0.0.1" })).statusCode).toBe(200);
  });
});

describe("per-address buckets", () => {
  it("let a community hall through by default: 30 neighbours sending 70 requests in a minute from one address", () => {
    let t = 0;
    const buckets = new AddressBuckets(loadConfig({}).WEB_RATE_PER_MINUTE, undefined, () => t);
    const waits: number[] = [];
    for (let i = 0; i < 70; i++) {
      t += 60_000 / 70;
      waits.push(buckets.take("hall"));
    }
    expect(waits.every((w) => w === 0)).toBe(true);
  });

  it("take a burst at once, then refill evenly and say how many seconds to wait", () => {
    let t = 0;
    const buckets = new AddressBuckets(600, 100, () => t);
    for (let i = 0; i < 100; i++) expect(buckets.take("script")).toBe(0);
    expect(buckets.take("script")).toBe(1); // 600 a minute: one more every 0.1 s
    expect(buckets.take("other")).toBe(0);
    t += 1_000;
    for (let i = 0; i < 10; i++) expect(buckets.take("script")).toBe(0);
    expect(buckets.take("script")).toBeGreaterThan(0);
  });
});
