import { describe, expect, it } from "vitest";
import { createZaloClient } from "../../../src/channels/zalo/client.ts";
import { loadOptions, optionsKey } from "../../../src/channels/zalo/options.ts";
import { createZaloSender, QUOTA_BACKOFF_MS } from "../../../src/channels/zalo/sender.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import { silentLogger, tempStore } from "../../helpers/core.ts";
import { startFakeBotApi, TOKEN } from "./fake-bot-api.ts";

async function senderWith(options: { intervalMs?: number; retries?: number } = {}) {
  const api = await startFakeBotApi();
  const store = await tempStore();
  const reachability = new Reachability(store);
  const sleeps: number[] = [];
  let clock = 1_000_000;
  const sender = createZaloSender({
    client: createZaloClient({ token: TOKEN, apiRoot: api.url }),
    store,
    reachability,
    logger: silentLogger,
    intervalMs: options.intervalMs ?? 0,
    retries: options.retries ?? 3,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
  });
  return { api, store, reachability, sender, sleeps };
}

const paragraph = (n: number) =>
  `${"Đoạn văn dài về kỹ năng số. ".repeat(Math.ceil(n / 28))}`.slice(0, n).trim();

describe("sending to Zalo", () => {
  it("splits a 4500-character reply on paragraph breaks into 3 messages of at most 2000", async () => {
    const { api, sender } = await senderWith();
    const text = [paragraph(1400), paragraph(1400), paragraph(1400)].join("\n\n");
    expect(text.length).toBeGreaterThan(4200);
    const long = `${text}\n\n${paragraph(4500 - text.length - 2)}`;
    expect(await sender.send("u1", [{ text: long }])).toEqual({ status: "sent" });
    const sent = api.sent();
    expect(sent).toHaveLength(3);
    for (const m of sent) expect(m.text.length).toBeLessThanOrEqual(2000);
    expect(sent.map((m) => m.text).join("\n\n")).toBe(long);
  });

  it("retries a reply after a 500, Zalo's 403 (its internal server error) and a 429, then succeeds", async () => {
    const { api, sender, sleeps, reachability } = await senderWith();
    api.script(
      "sendMessage",
      { status: 500, raw: "Internal Server Error" },
      { json: { ok: false, error_code: 403, description: "Internal server error" } },
      { json: { ok: false, error_code: 429, description: "Quota exceeded" } },
    );
    expect(await sender.sendTexts("u1", ["Chào bạn"])).toEqual({ status: "sent" });
    expect(api.sent()).toHaveLength(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(await reachability.isReachable("zalo", "u1")).toBe(true);
  });

  it("stops after ZALO_SEND_RETRIES: rate-limited for 429, failed with the platform code otherwise", async () => {
    const { api, sender } = await senderWith({ retries: 1 });
    const tooMany = { json: { ok: false, error_code: 429, description: "Too many requests" } };
    api.script("sendMessage", tooMany, tooMany, { json: { ok: false, error_code: 400, description: "bad" } });
    expect(await sender.sendTexts("u1", ["a"])).toMatchObject({ status: "rate-limited" });
    expect(await sender.sendTexts("u1", ["b"])).toEqual({ status: "failed", code: "zalo-platform-400" });
    expect(api.sent()).toHaveLength(3);
  });

  it("never marks a learner unreachable on 403: the error table says internal server error", async () => {
    const { api, sender, reachability } = await senderWith({ retries: 1 });
    const serverError = { json: { ok: false, error_code: 403, description: "Internal server error" } };
    api.script("sendMessage", serverError, serverError);
    expect(await sender.send("u9", [{ text: "Thông báo lớp học" }])).toEqual({
      status: "failed",
      code: "zalo-platform-403",
    });
    expect(await reachability.isReachable("zalo", "u9")).toBe(true);
    expect(await sender.send("u9", [{ text: "Thông báo 2" }])).toEqual({ status: "sent" });
    expect(api.sent()).toHaveLength(3);
  });

  it("hands a notice's 429 (quota exceeded) to the outbox at once, to pause every send", async () => {
    const { api, sender, sleeps } = await senderWith({ retries: 3 });
    api.script("sendMessage", { json: { ok: false, error_code: 429, description: "Quota exceeded" } });
    expect(await sender.send("u9", [{ text: "Thông báo" }])).toEqual({
      status: "rate-limited",
      retryAfterMs: QUOTA_BACKOFF_MS,
    });
    expect(api.sent()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("spaces consecutive messages to one chat by ZALO_SEND_INTERVAL_MS, but not different chats", async () => {
    const { sender, sleeps } = await senderWith({ intervalMs: 1000 });
    await Promise.all([sender.sendTexts("u1", ["một", "hai"]), sender.sendTexts("u2", ["ba"])]);
    await sender.sendTexts("u1", ["bốn"]);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it("remembers a broadcast's options so the learner can answer with a number", async () => {
    const { api, sender, store } = await senderWith();
    await sender.send("u1", [{ text: "Lớp học mới", options: [{ label: "Tham gia", action: "v1:menu" }] }]);
    expect(api.sent()[0]?.text).toBe("Lớp học mới\n\n1. Tham gia\n\nTrả lời 1 để chọn.");
    expect((await loadOptions(store, optionsKey("u1"))).map((o) => o.action)).toContain("v1:menu");
  });
});
