/** The chat API in process (Fastify inject) for the bad-input tests, and what every answer to them must satisfy. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { decodeAction } from "../../../src/assistant/actions.ts";
import { createHttpServer } from "../../../src/http/server.ts";
import type { EmbeddedStore } from "../../../src/storage/embedded/embedded-store.ts";
import { httpDeps, tempStoreUnscoped, testAssistant } from "../../helpers/core.ts";
import { invisibleIn, LONE_SURROGATE, PROMPT_LINES } from "../../helpers/reply-safety.ts";
import { ONBOARDING_INPUTS } from "./onboarding-inputs.ts";

export interface ChatBody {
  replies: { text: string; options?: { label: string; action: string }[]; link?: { url: string } }[];
}

const JSON_TYPE = { "content-type": "application/json" };

/**
 * A server over a fresh store for one file's tests (its fields are filled before the first test, closed after
 * the last), a raw POST to /api/chat, and a session that has been through onboarding.
 */
export function chatApiUnderTest() {
  const server = {} as { app: FastifyInstance; store: EmbeddedStore };
  beforeAll(async () => {
    server.store = await tempStoreUnscoped();
    server.app = createHttpServer({
      assistant: await testAssistant(server.store),
      ...(await httpDeps(server.store)),
      health: async () => ({ status: "ok", store: "embedded" }),
    });
    await server.app.ready();
  });
  afterAll(async () => {
    await server.app.close();
    await server.store.close();
  });

  const post = (payload: string | object, headers: Record<string, string> = JSON_TYPE) =>
    server.app.inject({
      method: "POST",
      url: "/api/chat",
      headers,
      payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    });

  let session = 0;
  /** A fresh web session that has been through onboarding, so text reaches the question routes. */
  async function readySession(): Promise<string> {
    const id = `bad-web-${++session}-session`;
    for (const input of ONBOARDING_INPUTS)
      expect((await post({ sessionId: id, ...input })).statusCode).toBe(200);
    return id;
  }

  return { server, post, readySession };
}

export function expectSafeBody(body: ChatBody): void {
  expect(Object.keys(body)).toEqual(["replies"]);
  expect(body.replies.length).toBeGreaterThan(0);
  for (const reply of body.replies) {
    expect(reply.text.trim()).not.toBe("");
    expect(invisibleIn(reply.text)).toEqual([]);
    expect(reply.text).not.toMatch(LONE_SURROGATE);
    for (const line of PROMPT_LINES) expect(reply.text).not.toContain(line);
    for (const option of reply.options ?? []) expect(decodeAction(option.action)).not.toBeNull();
    if (reply.link) expect(reply.link.url).toMatch(/^https:\/\/hocvuso\.test\//);
  }
}
