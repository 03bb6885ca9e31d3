import { describe, expect, it } from "vitest";
import { setupZaloWebhook } from "../../../src/channels/zalo/setup.ts";
import { AppError } from "../../../src/shared/app-error.ts";
import { SECRET, startFakeBotApi, TOKEN, zaloConfig } from "./fake-bot-api.ts";

describe("npm run set-webhook -- zalo", () => {
  it("sets the webhook with the URL and secret, then prints the webhook info without the token", async () => {
    const api = await startFakeBotApi();
    api.script("getWebhookInfo", {
      json: {
        ok: true,
        result: { url: "https://hocvuso.example.vn/webhook/zalo", updated_at: 1750316131602 },
      },
    });
    const lines: string[] = [];
    await setupZaloWebhook(zaloConfig(api.url), { log: (line) => lines.push(line) });
    expect(api.calls.map((c) => c.method)).toEqual(["setWebhook", "getWebhookInfo"]);
    expect(api.calls[0]?.body).toEqual({
      url: "https://hocvuso.example.vn/webhook/zalo",
      secret_token: SECRET,
    });
    expect(lines.join("\n")).toContain("https://hocvuso.example.vn/webhook/zalo");
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines.join("\n")).not.toContain(SECRET);
  });

  it("deletes the webhook for long polling", async () => {
    const api = await startFakeBotApi();
    const lines: string[] = [];
    await setupZaloWebhook(zaloConfig(api.url), { delete: true, log: (line) => lines.push(line) });
    expect(api.calls.map((c) => c.method)).toEqual(["deleteWebhook", "getWebhookInfo"]);
    expect(lines[0]).toContain("deleted");
  });

  it("refuses a secret shorter than 8 characters, or a missing URL, before calling Zalo", async () => {
    const api = await startFakeBotApi();
    const log = () => {};
    const short = setupZaloWebhook(zaloConfig(api.url, { ZALO_WEBHOOK_SECRET: "short" }), { log });
    await expect(short).rejects.toThrow(/8–256/);
    await expect(
      setupZaloWebhook(zaloConfig(api.url, { ZALO_WEBHOOK_URL: undefined }), { log }),
    ).rejects.toBeInstanceOf(AppError);
    expect(api.calls).toHaveLength(0);
  });

  it("reports a platform refusal as an AppError with the code and no token", async () => {
    const api = await startFakeBotApi();
    api.script("setWebhook", { json: { ok: false, error_code: 401, description: "Unauthorized" } });
    const error = await setupZaloWebhook(zaloConfig(api.url), { log: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("zalo-platform-401");
    expect((error as AppError).message).not.toContain(TOKEN);
  });
});
