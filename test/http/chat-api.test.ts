import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/http/server.ts";
import type { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { httpDeps, tempStoreUnscoped, testAssistant } from "../helpers/core.ts";

let app: FastifyInstance;
let store: EmbeddedStore;
let healthy = true;

beforeAll(async () => {
  store = await tempStoreUnscoped();
  app = createHttpServer({
    assistant: await testAssistant(store),
    ...(await httpDeps(store)),
    health: async () =>
      healthy ? { status: "ok", store: "embedded" } : { status: "degraded", store: "embedded" },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const post = (
  payload: string | object,
  headers: Record<string, string> = { "content-type": "application/json" },
) =>
  app.inject({
    method: "POST",
    url: "/api/chat",
    headers,
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  });

describe("HTTP API", () => {
  it("answers /healthz with status ok, and 503 degraded when a dependency fails", async () => {
    const ok = await app.inject({ method: "GET", url: "/healthz" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "ok" });
    healthy = false;
    const bad = await app.inject({ method: "GET", url: "/healthz" });
    healthy = true;
    expect(bad.statusCode).toBe(503);
    expect(bad.json()).toMatchObject({ status: "degraded" });
  });

  it("returns replies with options exactly in the documented shape", async () => {
    const response = await post({ sessionId: "session-abc-1", text: "xin chào" });
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      replies: { text: string; options?: { label: string; action: string }[] }[];
    };
    expect(body.replies.length).toBeGreaterThan(0);
    for (const reply of body.replies) expect(typeof reply.text).toBe("string");
    expect(body.replies.at(-1)?.options?.[0]).toEqual({ label: "Đồng ý", action: "v1:consent:yes" });
  });

  it("accepts a chosen action", async () => {
    await post({ sessionId: "session-abc-2", text: "hi" });
    const response = await post({ sessionId: "session-abc-2", action: "v1:consent:yes" });
    expect(response.statusCode).toBe(200);
    expect(response.json().replies[0].options).toHaveLength(4);
  });

  it("rejects invalid JSON, a missing sessionId or an empty body with a 400 JSON error, never a 500", async () => {
    for (const [payload, headers] of [
      ["{not json", undefined],
      [{ text: "hi" }, undefined],
      [{ sessionId: "short", text: "hi" }, undefined],
      [{ sessionId: "session-abc-3" }, undefined],
      [{ sessionId: 12345678, text: "hi" }, undefined],
      ["[]", undefined],
      ["null", undefined],
    ] as const) {
      const response = await post(payload as string | object, headers);
      expect(response.statusCode, String(payload)).toBe(400);
      expect(response.json().error.code).toBe("bad-request");
    }
  });

  it("refuses a body larger than the limit with 413", async () => {
    const response = await post({ sessionId: "session-abc-4", text: "a".repeat(300 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("too-large");
  });

  it("handles a 10,000-character message without failing", async () => {
    const response = await post({ sessionId: "session-abc-5", text: "ư".repeat(10_000) });
    expect(response.statusCode).toBe(200);
    // A first message, however long, gets the consent question like any other.
    const replies = response.json().replies as { text: string; options?: { action: string }[] }[];
    expect(replies.at(-1)?.options?.map((o) => o.action)).toContain("v1:consent:yes");
  });

  it("serves the chat page with its assets and no external resources", async () => {
    const page = await app.inject({ method: "GET", url: "/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain('lang="vi"');
    expect(page.body).not.toMatch(/https?:\/\//);
    for (const asset of ["/chat.js", "/chat.css"])
      expect((await app.inject({ method: "GET", url: asset })).statusCode).toBe(200);
  });

  it("answers unknown paths with a JSON 404", async () => {
    const response = await app.inject({ method: "GET", url: "/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not-found");
  });
});
