import { randomUUID } from "node:crypto";
import { expect, onTestFinished } from "vitest";
import type { Assistant } from "../../../src/assistant/types.ts";
import { createZaloChannel } from "../../../src/channels/zalo/channel.ts";
import { createHttpServer } from "../../../src/http/server.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import type { Inbound } from "../../../src/messaging/message.ts";
import type { Store } from "../../../src/storage/store.ts";
import { httpDeps, silentLogger, tempStore, testAssistant } from "../../helpers/core.ts";
import { SECRET, startFakeBotApi, textUpdate, zaloConfig } from "./fake-bot-api.ts";

/** The real assistant (counting its turns), a Zalo channel in webhook mode and the one HTTP server. */
export async function webhookHarness(options: { store?: Store } = {}) {
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
    logger: silentLogger,
    reachability,
    sleep: async () => {},
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
