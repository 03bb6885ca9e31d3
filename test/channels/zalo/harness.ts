import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { expect, onTestFinished } from "vitest";
import type { Assistant } from "../../../src/assistant/types.ts";
import { createZaloChannel } from "../../../src/channels/zalo/channel.ts";
import { createHttpServer } from "../../../src/http/server.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import type { Inbound } from "../../../src/messaging/message.ts";
import type { Transcriber } from "../../../src/speech/transcriber.ts";
import type { Store } from "../../../src/storage/store.ts";
import { httpDeps, silentLogger, tempStore, testAssistant } from "../../helpers/core.ts";
import { SECRET, startFakeBotApi, textUpdate, zaloConfig } from "./fake-bot-api.ts";

/** The real assistant (counting its turns), a Zalo channel in webhook mode and the one HTTP server. */
export async function webhookHarness(
  options: { store?: Store; logger?: Logger; transcriber?: Transcriber } = {},
) {
  const api = await startFakeBotApi();
  const store = options.store ?? (await tempStore());
  const real = await testAssistant(store);
  const turns: Inbound[] = [];
  const assistant: Assistant = {
    handle(inbound) {
      turns.push(inbound);
      return real.handle(inbound);
    },
  };
  const reachability = new Reachability(store);
  const channel = createZaloChannel({
    config: zaloConfig(api.url),
    assistant,
    store,
    logger: options.logger ?? silentLogger,
    reachability,
    sleep: async () => {},
    ...(options.transcriber ? { transcriber: options.transcriber } : {}),
  });
  const app = createHttpServer({
    assistant,
    health: async () => ({ status: "ok", store: "embedded" }),
    ...(await httpDeps(store)),
  });
  channel.registerRoutes(app);
  await app.ready();
  onTestFinished(() => app.close());

  const post = (body: unknown, secret: string | null = SECRET) =>
    app.inject({
      method: "POST",
      url: "/webhook/zalo",
      headers: {
        "content-type": "application/json",
        ...(secret === null ? {} : { "x-bot-api-secret-token": secret }),
      },
      payload: typeof body === "string" ? body : JSON.stringify(body),
    });

  /** Posts one text as the learner, waits for the handling, returns the texts sent back. */
  async function say(text: string, userId = "user-zalo-1"): Promise<string[]> {
    const before = api.sent().length;
    const response = await post(textUpdate(text, `msg-${randomUUID()}`, userId));
    expect(response.statusCode).toBe(200);
    await channel.idle();
    return api
      .sent()
      .slice(before)
      .map((m) => m.text);
  }

  return { api, store, app, channel, turns, reachability, post, say };
}

/** The same channel in polling mode: each body is answered by one getUpdates call, in order. */
export async function pollingHarness(options: { store?: Store; transcriber?: Transcriber } = {}) {
  const api = await startFakeBotApi();
  const store = options.store ?? (await tempStore());
  const real = await testAssistant(store);
  const turns: Inbound[] = [];
  const assistant: Assistant = {
    handle(inbound) {
      turns.push(inbound);
      return real.handle(inbound);
    },
  };
  const channel = createZaloChannel({
    config: zaloConfig(api.url, { ZALO_WEBHOOK_URL: undefined, ZALO_WEBHOOK_SECRET: undefined }),
    assistant,
    store,
    logger: silentLogger,
    reachability: new Reachability(store),
    sleep: async () => {},
    pollTimeoutSec: 1,
    ...(options.transcriber ? { transcriber: options.transcriber } : {}),
  });
  onTestFinished(() => channel.stop());

  /** Delivers the bodies through getUpdates, waits until each was fetched and handled, returns sent texts. */
  async function deliver(...bodies: unknown[]): Promise<string[]> {
    const before = api.sent().length;
    const polled = () => api.calls.filter((c) => c.method === "getUpdates").length;
    const target = polled() + bodies.length + 1;
    for (const body of bodies) {
      const json = body && typeof body === "object" && "result" in body ? body : { ok: true, result: body };
      api.script("getUpdates", { json });
    }
    await channel.start();
    const end = Date.now() + 10_000;
    while (polled() < target) {
      if (Date.now() > end) throw new Error("getUpdates not called in time");
      await new Promise((r) => setTimeout(r, 10));
    }
    await channel.idle();
    return api
      .sent()
      .slice(before)
      .map((m) => m.text);
  }

  return { api, store, channel, turns, deliver };
}
