/**
 * Attacks from the security review, replayed against the real server in process (Fastify inject) or the
 * real assistant: each must now fail safely. Numbers are those of the review (issue #18).
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { Certificates, shortKey } from "../../src/learning/certificates.ts";
import { httpDeps, tempStore, testAssistant } from "../helpers/core.ts";
import { dashboardServer } from "../helpers/dashboard.ts";

const STRONG = "q8Zr3vKx9LmP2sWt7YbN4cHd6FjG1aEu";

async function server(options: { apiPerMinute?: number; trustProxy?: number | string[] } = {}) {
  const store = await tempStore();
  const app = createHttpServer({
    ...(await httpDeps(store)),
    assistant: await testAssistant(store),
    health: async () => ({ status: "ok" }),
    ...options,
  });
  return { app, store };
}

const chat = (sessionId: string) => ({ sessionId: `attack-session-${sessionId}`, text: "xin chào" });

describe("attacks on the running server", () => {
  it("1. a percent-encoded path does not skip the per-address limit on the chat API", async () => {
    const { app } = await server({ apiPerMinute: 5 });
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const url = i % 2 ? "/%61pi/chat" : "/api/%63hat";
      codes.push((await app.inject({ method: "POST", url, payload: chat(`enc-${i}`) })).statusCode);
    }
    expect(codes.slice(0, 5).every((c) => c === 200)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429, 429]);
  });

  it("2. behind one trusted proxy, a client cannot pick its address by writing X-Forwarded-For", async () => {
    const { app } = await server({ apiPerMinute: 3, trustProxy: 1 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: "POST",
        url: "/api/chat",
        remoteAddress: "10.0.0.2", // our proxy
        // The client wrote the first entry; our proxy appended the address it saw.
        headers: { "x-forwarded-for": `198.51.100.${i}, 203.0.113.7` },
        payload: chat(`xff-${i}`),
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
  });

  it("2. TRUST_PROXY=true, which would trust every hop, is refused at start-up", () => {
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrowError(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
    ]);
  });

  it("7. a certificate page needs its key, shows no key of its own, and is rate-limited", async () => {
    const { app, store } = await server({ apiPerMinute: 4 });
    const certificates = new Certificates(store, "test-secret");
    const { certificate } = await certificates.issue(
      "web:attack-7",
      { name: "Lê Thị Hoa", group: "nguoi-dan", modules: ["vneid"] } as never,
      new Date(),
    );
    const bare = await app.inject({ url: `/chung-nhan/${certificate.id}` });
    expect(bare.statusCode).toBe(404);
    expect(bare.body).not.toContain("Lê Thị Hoa");
    const keyed = await app.inject({ url: `/chung-nhan/${certificate.id}?k=${shortKey(certificate)}` });
    expect(keyed.statusCode).toBe(200);
    expect(keyed.body).not.toContain("Mã kiểm tra");
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await app.inject({ url: `/chung-nhan/HVS-26-00000${i}?k=x` })).statusCode);
    expect(codes.at(-1)).toBe(429);
  });

  it("12. a dashboard POST from another site, or not in the form encoding, is refused before it is read", async () => {
    const store = await tempStore();
    const { app, org } = await dashboardServer(store, { adminIds: ["tg:admin"], now: () => new Date() });
    const FORM = { "content-type": "application/x-www-form-urlencoded" };
    const signedIn = await app.inject({
      method: "POST",
      url: "/quan-tri/dang-nhap",
      headers: { ...FORM, host: "hocvuso.test", origin: "https://hocvuso.test" },
      payload: `code=${await org.dashboard.issueCode("tg:admin")}`,
    });
    expect(signedIn.statusCode).toBe(303);
    const cookie = /hvs_quantri=[^;]*/.exec(String(signedIn.headers["set-cookie"]))?.[0] ?? "";
    const upload = (headers: Record<string, string>, payload = "csv=to%2Cnguoi-dan") =>
      app.inject({
        method: "POST",
        url: "/quan-tri/dan-so",
        headers: { host: "hocvuso.test", cookie, ...headers },
        payload,
      });
    expect((await upload({ ...FORM, origin: "https://evil.example" })).statusCode).toBe(403);
    expect((await upload({ ...FORM, "sec-fetch-site": "cross-site" })).statusCode).toBe(403);
    expect(
      (await upload({ "content-type": "application/json" }, JSON.stringify({ csv: "x" }))).statusCode,
    ).toBe(415);
    // The dashboard's own form still works.
    expect((await upload({ ...FORM, origin: "https://hocvuso.test" })).statusCode).not.toBe(403);
  });

  it("11. production refuses to start without PUBLIC_URL", () => {
    expect(() => loadConfig({ NODE_ENV: "production", CERT_SECRET: STRONG })).toThrowError(
      /PUBLIC_URL must be set in production/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: "production", CERT_SECRET: STRONG, PUBLIC_URL: "https://hocvuso.example.vn" }),
    ).not.toThrow();
  });
});
