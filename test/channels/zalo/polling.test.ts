import { describe, expect, it } from "vitest";
import { TOKEN_REFUSED_MESSAGE, WEBHOOK_SET_MESSAGE } from "../../../src/catalog/zalo.ts";
import { createZaloChannel } from "../../../src/channels/zalo/channel.ts";
import { createZaloClient } from "../../../src/channels/zalo/client.ts";
import type { ZaloHandler } from "../../../src/channels/zalo/handler.ts";
import { createZaloPoller } from "../../../src/channels/zalo/polling.ts";
import type { ZaloUpdate } from "../../../src/channels/zalo/types.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import { silentLogger, tempStore, testAssistant } from "../../helpers/core.ts";
import { fixture, startFakeBotApi, TOKEN, zaloConfig } from "./fake-bot-api.ts";

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

function recordingHandler() {
  const updates: ZaloUpdate[] = [];
  const handler: ZaloHandler = {
    dispatch: (u) => void updates.push(u),
    handle: async (u) => void updates.push(u),
    idle: async () => {},
  };
  return { updates, handler };
}

describe("Zalo long polling", () => {
  it("receives one update per getUpdates call, answers it, then stops cleanly", async () => {
    const api = await startFakeBotApi();
    api.script("getUpdates", { json: fixture("text") });
    const store = await tempStore();
    const channel = createZaloChannel({
      config: zaloConfig(api.url, { ZALO_WEBHOOK_URL: undefined, ZALO_WEBHOOK_SECRET: undefined }),
      assistant: await testAssistant(store),
      store,
      logger: silentLogger,
      reachability: new Reachability(store),
      pollTimeoutSec: 1,
    });
    expect(channel.mode).toBe("polling");
    await channel.start();
    await until(() => api.sent().length >= 2);
    await channel.stop();
    expect(api.calls.slice(0, 2).map((c) => c.method)).toEqual(["getMe", "getWebhookInfo"]);
    expect(api.calls.find((c) => c.method === "getUpdates")?.body).toEqual({ timeout: "1" });
    expect(api.sent()[0]).toMatchObject({ chat_id: "6ede9afa66b88fe6d6a9" });
    // A call sent just before stop() may reach the stand-in API a moment later on a busy machine; after
    // that, a loop still running would poll again at once (the stand-in answers immediately).
    await new Promise((r) => setTimeout(r, 150));
    const polls = api.calls.filter((c) => c.method === "getUpdates").length;
    await new Promise((r) => setTimeout(r, 300));
    expect(api.calls.filter((c) => c.method === "getUpdates")).toHaveLength(polls);
  });

  it("refuses to start while a webhook is set, saying how to fix it", async () => {
    const api = await startFakeBotApi();
    api.script("getWebhookInfo", { json: { ok: true, result: { url: "https://x.example/webhook/zalo" } } });
    const { handler } = recordingHandler();
    const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
    const poller = createZaloPoller({ client, handler, logger: silentLogger, timeoutSec: 1 });
    await expect(poller.start()).rejects.toThrow(WEBHOOK_SET_MESSAGE);
    expect(WEBHOOK_SET_MESSAGE).toContain("npm run set-webhook -- zalo --delete");
    expect(api.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("ends the loop with that error when getUpdates is refused and getWebhookInfo shows a webhook", async () => {
    const api = await startFakeBotApi();
    api.script("getUpdates", { json: { ok: false, error_code: 400, description: "Bad request" } });
    api.script(
      "getWebhookInfo",
      { json: { ok: true, result: { url: "" } } },
      { json: { ok: true, result: { url: "https://x.example/webhook/zalo" } } },
    );
    const { handler } = recordingHandler();
    const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
    const poller = createZaloPoller({ client, handler, logger: silentLogger, timeoutSec: 1 });
    await poller.start();
    await expect(poller.done).rejects.toThrow(WEBHOOK_SET_MESSAGE);
    await poller.stop();
  });

  it("stops with one readable line, without the token, when the token is refused while polling", async () => {
    const api = await startFakeBotApi();
    api.script("getUpdates", { json: { ok: false, error_code: 401, description: "Unauthorized" } });
    const { handler } = recordingHandler();
    const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
    const poller = createZaloPoller({ client, handler, logger: silentLogger, timeoutSec: 1 });
    await poller.start();
    const error = await poller.done.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(TOKEN_REFUSED_MESSAGE);
    expect(error?.message).not.toContain(TOKEN);
    await poller.stop();
  });

  it("keeps polling after a 400 when no webhook is set, and after a 403 or 429", async () => {
    const api = await startFakeBotApi();
    api.script(
      "getUpdates",
      { json: { ok: false, error_code: 400, description: "Bad request" } },
      { json: { ok: false, error_code: 403, description: "Internal server error" } },
      { json: { ok: false, error_code: 429, description: "Quota exceeded" } },
      { json: { ok: true, result: fixture("numeric-ids") } },
    );
    const { sleeps } = await pollUntilOneUpdate(api.url);
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it("backs off after errors, treats an empty long poll as no update, and keeps going", async () => {
    const api = await startFakeBotApi();
    api.script(
      "getUpdates",
      { status: 502, raw: "Bad gateway" },
      { json: { ok: false, error_code: 408, description: "Request timeout" } },
      { status: 500, raw: "oops" },
      { json: { ok: true, result: fixture("numeric-ids") } },
    );
    const { updates, sleeps } = await pollUntilOneUpdate(api.url);
    expect(sleeps).toEqual([1000, 1000]);
    expect(updates[0]).toMatchObject({ kind: "known", message: { message_id: "918273645501" } });
  });
});

/** Polls the stand-in until one update arrives, recording the backoff waits instead of sleeping them. */
async function pollUntilOneUpdate(apiRoot: string) {
  const { handler, updates } = recordingHandler();
  const sleeps: number[] = [];
  const poller = createZaloPoller({
    client: createZaloClient({ token: TOKEN, apiRoot }),
    handler,
    logger: silentLogger,
    timeoutSec: 1,
    sleep: async (ms) => void sleeps.push(ms),
  });
  await poller.start();
  await until(() => updates.length === 1);
  await poller.stop();
  await poller.done;
  return { updates, sleeps };
}
