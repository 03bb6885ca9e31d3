import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { LEARNER_COMMANDS, ORGANIZER_COMMANDS } from "../../../src/assistant/commands.ts";
import { setupTelegram, webhookUrl } from "../../../src/channels/telegram/setup.ts";
import { fakeTelegram, TOKEN, telegramConfig } from "./helpers.ts";

const SECRET = "s3cret_Token-for-tests";

function fakeApi() {
  const telegram = fakeTelegram();
  const api = new Api(TOKEN);
  api.config.use(telegram.transformer);
  return { api, telegram };
}

describe("telegram set-webhook", () => {
  it("registers the webhook with its secret and sets the learner and admin command menus", async () => {
    const { api, telegram } = fakeApi();
    const lines: string[] = [];
    const config = telegramConfig({
      TELEGRAM_WEBHOOK_URL: "https://hocvuso.example.vn",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      ADMIN_IDS: "telegram:111,zalo:abc,telegram:222",
    });
    await setupTelegram(config, api, { log: (line) => lines.push(line) });

    expect(telegram.called("setWebhook")[0]?.payload).toEqual({
      url: "https://hocvuso.example.vn/webhook/telegram",
      secret_token: SECRET,
      allowed_updates: ["message", "callback_query", "my_chat_member"],
      drop_pending_updates: false,
    });
    const menus = telegram.called("setMyCommands").map((c) => c.payload);
    expect(menus[0]).toEqual({
      commands: LEARNER_COMMANDS.map(({ command, description }) => ({ command, description })),
      scope: { type: "default" },
    });
    expect(menus.slice(1).map((m) => m.scope)).toEqual([
      { type: "chat", chat_id: 111 },
      { type: "chat", chat_id: 222 },
    ]);
    expect(menus[1]?.commands).toHaveLength(LEARNER_COMMANDS.length + ORGANIZER_COMMANDS.length);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join("\n")).not.toContain(SECRET);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("carries on when one admin never opened the bot, and says so", async () => {
    const { api, telegram } = fakeApi();
    const lines: string[] = [];
    telegram.answerNext("setMyCommands", true);
    telegram.failNext("setMyCommands", {
      ok: false,
      error_code: 400,
      description: "Bad Request: chat not found",
    });
    const config = telegramConfig({
      TELEGRAM_WEBHOOK_URL: "https://hocvuso.example.vn/webhook/telegram",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      ADMIN_IDS: "telegram:111,telegram:222",
    });
    await setupTelegram(config, api, { log: (line) => lines.push(line) });
    expect(telegram.called("setMyCommands")).toHaveLength(3);
    expect(lines.join("\n")).toMatch(/not set for 1 admin/);
  });

  it("removes the webhook with --delete, keeping pending updates", async () => {
    const { api, telegram } = fakeApi();
    await setupTelegram(telegramConfig(), api, { remove: true });
    expect(telegram.calls).toEqual([
      expect.objectContaining({ method: "deleteWebhook", payload: { drop_pending_updates: false } }),
    ]);
  });

  it("refuses to register without a secret or over plain http", async () => {
    const { api, telegram } = fakeApi();
    const noSecret = telegramConfig({ TELEGRAM_WEBHOOK_URL: "https://hocvuso.example.vn" });
    await expect(setupTelegram(noSecret, api)).rejects.toMatchObject({
      code: "telegram-webhook-secret-missing",
    });
    const http = telegramConfig({
      TELEGRAM_WEBHOOK_URL: "http://hocvuso.example.vn",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    await expect(setupTelegram(http, api)).rejects.toMatchObject({ code: "telegram-webhook-not-https" });
    expect(telegram.calls).toHaveLength(0);
  });

  it("adds the route path to a bare address and keeps a full one", () => {
    expect(webhookUrl("https://x.vn/")).toBe("https://x.vn/webhook/telegram");
    expect(webhookUrl("https://x.vn/hvs/webhook/telegram")).toBe("https://x.vn/hvs/webhook/telegram");
  });
});
