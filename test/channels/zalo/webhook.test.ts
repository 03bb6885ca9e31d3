import { describe, expect, it } from "vitest";
import { TOKEN_REFUSED_MESSAGE, zaloMessages } from "../../../src/catalog/zalo.ts";
import { createZaloChannel } from "../../../src/channels/zalo/channel.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import { AppError } from "../../../src/shared/app-error.ts";
import { silentLogger, tempStore, testAssistant } from "../../helpers/core.ts";
import { fixture, startFakeBotApi, TOKEN, zaloConfig } from "./fake-bot-api.ts";
import { webhookHarness } from "./harness.ts";

describe("Zalo webhook", () => {
  it("refuses a missing or wrong secret header with 401 and processes nothing", async () => {
    const h = await webhookHarness();
    for (const secret of [null, "", "wrong-secret-value", `${"webhook-secret-for-tests"}x`]) {
      const response = await h.post(fixture("text"), secret);
      expect(response.statusCode, String(secret)).toBe(401);
      expect(response.json().error.code).toBe("unauthorized");
    }
    const badJsonBadSecret = await h.post("{not json", "wrong-secret-value");
    expect(badJsonBadSecret.statusCode).toBe(401);
    await h.channel.idle();
    expect(h.turns).toHaveLength(0);
    expect(h.api.calls).toHaveLength(0);
    // Nor did a refused request claim the update: sent again with the right secret, it is handled.
    expect((await h.post(fixture("text"))).statusCode).toBe(200);
    await h.channel.idle();
    expect(h.turns).toHaveLength(1);
  });

  it("answers malformed JSON, or JSON that is not an update, with 400", async () => {
    const h = await webhookHarness();
    for (const body of ["{not json", "[]", "null", JSON.stringify({ hello: 1 })]) {
      const response = await h.post(body);
      expect(response.statusCode, body).toBe(400);
    }
    await h.channel.idle();
    expect(h.turns).toHaveLength(0);
  });

  it("acknowledges an unknown event with 200 and ignores it", async () => {
    const h = await webhookHarness();
    const response = await h.post(fixture("unknown-event"));
    expect(response.statusCode).toBe(200);
    await h.channel.idle();
    expect(h.turns).toHaveLength(0);
    expect(h.api.calls).toHaveLength(0);
  });

  it("answers a text message with the greeting and numbered consent options", async () => {
    const h = await webhookHarness();
    const response = await h.post(fixture("text"));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    await h.channel.idle();
    expect(h.turns).toEqual([
      { channel: "zalo", userId: "6ede9afa66b88fe6d6a9", text: "Xin chào", displayName: "Nguyễn Văn A" },
    ]);
    const sent = h.api.sent();
    expect(sent.every((m) => m.chat_id === "6ede9afa66b88fe6d6a9")).toBe(true);
    expect(sent[0]?.text).toContain("Xin chào");
    expect(sent.at(-1)?.text).toMatch(/1\. Đồng ý\n2\. Không đồng ý\n\nTrả lời 1 hoặc 2\.$/);
    expect(h.api.calls.every((c) => c.token === TOKEN)).toBe(true);
  });

  it("handles a redelivered message_id only once", async () => {
    const h = await webhookHarness();
    expect((await h.post(fixture("text"))).statusCode).toBe(200);
    expect((await h.post(fixture("text"))).statusCode).toBe(200);
    await h.channel.idle();
    expect((await h.post(fixture("text"))).statusCode).toBe(200);
    await h.channel.idle();
    expect(h.turns).toHaveLength(1);
    expect(h.api.sent()).toHaveLength(2);
  });

  it("accepts ids sent as numbers and a bare {event_name, message} body", async () => {
    const h = await webhookHarness();
    expect((await h.post(fixture("numeric-ids"))).statusCode).toBe(200);
    await h.channel.idle();
    expect(h.turns[0]?.userId).toBe("4081726354");
    expect(h.api.sent()[0]?.chat_id).toBe("4081726354");
  });

  it("answers a text in a group to the group, marked inGroup, and ignores a sticker there", async () => {
    const h = await webhookHarness();
    expect((await h.post(fixture("group-text"))).statusCode).toBe(200);
    const sticker = structuredClone(fixture("sticker")) as { result: { message: Record<string, unknown> } };
    sticker.result.message.chat = { id: "f0e1d2c3b4a5968778695a4b", chat_type: "GROUP" };
    expect((await h.post(sticker)).statusCode).toBe(200);
    await h.channel.idle();
    expect(h.turns).toHaveLength(1);
    expect(h.turns[0]).toMatchObject({ userId: "1a2b3c4d5e6f7a8b9c0d", inGroup: true });
    const sent = h.api.sent();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.chat_id === "f0e1d2c3b4a5968778695a4b")).toBe(true);
    expect(sent.some((m) => m.text === zaloMessages.sticker)).toBe(false);
  });

  it("marks a learner reachable again when they write", async () => {
    const h = await webhookHarness();
    await h.reachability.markUnreachable("zalo", "6ede9afa66b88fe6d6a9");
    await h.post(fixture("sticker"));
    await h.channel.idle();
    expect(await h.reachability.isReachable("zalo", "6ede9afa66b88fe6d6a9")).toBe(true);
  });

  it("refuses webhook mode without ZALO_WEBHOOK_SECRET, and any mode without a token", async () => {
    const store = await tempStore();
    const base = {
      assistant: await testAssistant(store),
      store,
      logger: silentLogger,
      reachability: new Reachability(store),
    };
    const noSecret = zaloConfig("http://127.0.0.1:9", { ZALO_WEBHOOK_SECRET: undefined });
    expect(() => createZaloChannel({ ...base, config: noSecret })).toThrow(AppError);
    expect(() => createZaloChannel({ ...base, config: noSecret })).toThrow(/ZALO_WEBHOOK_SECRET/);
    const noToken = zaloConfig("http://127.0.0.1:9", { ZALO_BOT_TOKEN: undefined });
    expect(() => createZaloChannel({ ...base, config: noToken })).toThrow(/ZALO_BOT_TOKEN/);
    const polling = zaloConfig("http://127.0.0.1:9", {
      ZALO_WEBHOOK_URL: undefined,
      ZALO_WEBHOOK_SECRET: undefined,
    });
    expect(createZaloChannel({ ...base, config: polling }).mode).toBe("polling");
  });
});

describe("Zalo start-up", () => {
  async function channelOn(apiUrl: string, overrides: Record<string, string | undefined> = {}) {
    const store = await tempStore();
    return createZaloChannel({
      config: zaloConfig(apiUrl, overrides),
      assistant: await testAssistant(store),
      store,
      logger: silentLogger,
      reachability: new Reachability(store),
    });
  }

  it("calls getMe, and a refused token stops start-up with one readable line without the token", async () => {
    const api = await startFakeBotApi();
    api.script("getMe", { json: { ok: false, error_code: 401, description: "Unauthorized" } });
    const channel = await channelOn(api.url);
    const error = await channel.start().then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error?.message).toBe(TOKEN_REFUSED_MESSAGE);
    expect(error?.message.split("\n")).toHaveLength(1);
    expect(error?.message).not.toContain(TOKEN);
    expect(api.calls.map((c) => c.method)).toEqual(["getMe"]);
  });

  it("starts with the documented getMe answer, and only warns when Zalo does not answer", async () => {
    const api = await startFakeBotApi();
    api.script("getMe", { json: fixture("get-me") }, { status: 502, raw: "Bad gateway" });
    await (await channelOn(api.url)).start();
    await (await channelOn(api.url)).start();
    expect(api.calls.map((c) => c.method)).toEqual(["getMe", "getMe"]);
  });
});
