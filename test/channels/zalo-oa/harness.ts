import { Writable } from "node:stream";
import { pino } from "pino";
import { onTestFinished } from "vitest";
import type { Assistant } from "../../../src/assistant/types.ts";
import { createZaloOaChannel } from "../../../src/channels/zalo-oa/channel.ts";
import { zaloOaSignature } from "../../../src/channels/zalo-oa/signature.ts";
import { createHttpServer } from "../../../src/http/server.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import type { Inbound } from "../../../src/messaging/message.ts";
import type { Store } from "../../../src/storage/store.ts";
import { httpDeps, tempStore, testAssistant } from "../../helpers/core.ts";
import { APP_ID, OA_SECRET_KEY, oaConfig, startFakeOaApi } from "./fake-oa-api.ts";

/** A pino logger at trace level whose every line is kept, to check what logs never contain. */
export function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: "trace" }, stream), text: () => lines.join("") };
}

/** Signs a raw body the way Zalo does. */
export const sign = (raw: string) => {
  const timestamp = String((JSON.parse(raw) as { timestamp: unknown }).timestamp);
  return zaloOaSignature(APP_ID, raw, timestamp, OA_SECRET_KEY);
};

/** The real assistant (counting its turns), the OA channel against the stand-in, and the HTTP server. */
export async function oaHarness(options: { store?: Store; now?: () => number } = {}) {
  const api = await startFakeOaApi();
  const store = options.store ?? (await tempStore());
  const real = await testAssistant(store);
  const turns: Inbound[] = [];
  const assistant: Assistant = {
    handle(inbound) {
      turns.push(inbound);
      return real.handle(inbound);
    },
  };
  const log = capturedLogger();
  const channel = createZaloOaChannel({
    config: oaConfig(api.url),
    assistant,
    store,
    logger: log.logger,
    reachability: new Reachability(store),
    sleep: async () => {},
    ...(options.now ? { now: options.now } : {}),
  });
  const app = createHttpServer({
    assistant,
    health: async () => ({ status: "ok", store: "embedded" }),
    ...(await httpDeps(store)),
    logger: log.logger,
  });
  channel.registerRoutes(app);
  await app.ready();
  onTestFinished(() => app.close());

  /** Posts a raw body, signed unless `signature` says otherwise (null: no header). */
  const post = (raw: string, signature: string | null = sign(raw)) =>
    app.inject({
      method: "POST",
      url: "/webhook/zalo-oa",
      headers: {
        "content-type": "application/json",
        ...(signature === null ? {} : { "x-zevent-signature": signature }),
      },
      payload: raw,
    });

  /** Posts and waits for the handling; returns the texts the OA sent back during it. */
  async function deliver(raw: string): Promise<string[]> {
    const before = api.sent.length;
    const response = await post(raw);
    if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}`);
    await channel.idle();
    return api.sent.slice(before).map((m) => m.text);
  }

  return { api, store, channel, app, turns, post, deliver, logs: log.text };
}
