import Fastify from "fastify";
import { describe, expect, it, onTestFinished } from "vitest";
import type { Assistant } from "../../../src/assistant/types.ts";
import { AppError } from "../../../src/shared/app-error.ts";
import { testChannel, textUpdate } from "./helpers.ts";

const SECRET = "s3cret_Token-for-tests";
const WEBHOOK_ENV = {
  TELEGRAM_WEBHOOK_URL: "https://hocvuso.example.vn/webhook/telegram",
  TELEGRAM_WEBHOOK_SECRET: SECRET,
};
const echo: Assistant = { handle: async () => [{ text: "ok" }] };

async function webhookApp() {
  const setup = await testChannel({ env: WEBHOOK_ENV, assistant: echo });
  const app = Fastify();
  setup.channel.registerRoutes(app);
  await app.ready();
  onTestFinished(() => app.close());
  const post = (headers: Record<string, string>, payload: unknown = textUpdate(5550001, "chào")) =>
    app.inject({ method: "POST", url: "/webhook/telegram", headers, payload: payload as object });
  return { ...setup, app, post };
}

describe("telegram webhook", () => {
  it("refuses a request without the secret token header, handling nothing", async () => {
    const { post, channel, inbound, telegram } = await webhookApp();
    const response = await post({});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    await channel.stop();
    expect(inbound).toHaveLength(0);
    expect(telegram.calls).toHaveLength(0);
  });

  it("refuses a wrong secret token, handling nothing", async () => {
    const { post, channel, inbound } = await webhookApp();
    for (const wrong of ["wrong", `${SECRET}x`, SECRET.slice(0, -1)]) {
      expect((await post({ "x-telegram-bot-api-secret-token": wrong })).statusCode).toBe(401);
    }
    await channel.stop();
    expect(inbound).toHaveLength(0);
  });

  it("acknowledges the right secret at once and handles the update after answering", async () => {
    const { post, channel, inbound, telegram } = await webhookApp();
    const response = await post({ "x-telegram-bot-api-secret-token": SECRET });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    await channel.stop(); // waits for updates in flight
    expect(inbound).toEqual([expect.objectContaining({ userId: "5550001", text: "chào" })]);
    expect(telegram.sent()).toHaveLength(1);
  });

  it("rejects a body that is not an update", async () => {
    const { post } = await webhookApp();
    const response = await post({ "x-telegram-bot-api-secret-token": SECRET }, { hello: "world" });
    expect(response.statusCode).toBe(400);
  });

  it("will not start webhook mode without a secret", async () => {
    const attempt = testChannel({ env: { TELEGRAM_WEBHOOK_URL: WEBHOOK_ENV.TELEGRAM_WEBHOOK_URL } });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "telegram-webhook-secret-missing" });
  });

  it("adds no route in polling mode", async () => {
    const { channel } = await testChannel({ assistant: echo });
    expect(channel.mode).toBe("polling");
    const app = Fastify();
    channel.registerRoutes(app);
    const response = await app.inject({ method: "POST", url: "/webhook/telegram", payload: {} });
    expect(response.statusCode).toBe(404);
    await app.close();
  });

  it("polls with the runner after removing any webhook, handles updates, and stops cleanly", async () => {
    const { channel, telegram, inbound } = await testChannel({ assistant: echo });
    telegram.answerNext("getUpdates", [textUpdate(5550001, "chào")]);
    await channel.start();
    await expect.poll(() => inbound.length, { timeout: 3000 }).toBe(1);
    await channel.stop();
    const methods = telegram.calls.map((c) => c.method);
    expect(methods.indexOf("deleteWebhook")).toBeLessThan(methods.indexOf("getUpdates"));
    expect(telegram.called("getUpdates")[0]?.payload.allowed_updates).toEqual([
      "message",
      "callback_query",
      "my_chat_member",
    ]);
    const polls = telegram.called("getUpdates").length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(telegram.called("getUpdates")).toHaveLength(polls);
  });

  it("explains a token Telegram refuses instead of starting", async () => {
    const { channel, telegram } = await testChannel({ assistant: echo, deps: { botInfo: undefined } });
    telegram.failNext("getMe", { ok: false, error_code: 401, description: "Unauthorized" });
    await expect(channel.start()).rejects.toMatchObject({ code: "telegram-token-refused" });
    expect(telegram.called("getUpdates")).toHaveLength(0);
  });
});
