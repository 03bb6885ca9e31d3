import { describe, expect, it } from "vitest";
import { createZaloOaChannel } from "../../../src/channels/zalo-oa/channel.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import { onboard, silentLogger, tempStore, testAssistant } from "../../helpers/core.ts";
import {
  APP_SECRET,
  FOLLOWER,
  OA_SECRET_KEY,
  oaConfig,
  SEED_REFRESH,
  startFakeOaApi,
  textEvent,
} from "./fake-oa-api.ts";
import { capturedLogger, oaHarness } from "./harness.ts";

const AT = Date.parse("2026-12-02T02:00:00Z");

describe("Zalo OA OAuth v4 tokens", () => {
  it("keeps the rotated refresh token in the store and uses it for the next refresh and after a restart", async () => {
    const api = await startFakeOaApi();
    const store = await tempStore();
    let clock = AT;
    const instance = () =>
      createZaloOaChannel({
        config: oaConfig(api.url),
        assistant: { handle: async () => [] },
        store,
        logger: silentLogger,
        reachability: new Reachability(store),
        now: () => clock,
      });
    const first = instance();
    expect(await first.tokens.accessToken()).toBe("access-token-1");
    expect(await first.tokens.accessToken()).toBe("access-token-1"); // still valid: no second refresh
    expect(api.refreshCalls.map((c) => c.refreshToken)).toEqual([SEED_REFRESH]);
    expect(api.refreshCalls[0]?.secretKey).toBe(APP_SECRET);

    clock += 90_000 * 1000 - 5 * 60_000; // five minutes before expiry: refreshed ahead of time
    expect(await first.tokens.accessToken()).toBe("access-token-2");
    // A restart reads the newest refresh token from the store; the seed in the environment is spent.
    const restarted = instance();
    clock += 90_000 * 1000;
    expect(await restarted.tokens.accessToken()).toBe("access-token-3");
    expect(api.refreshCalls.map((c) => c.refreshToken)).toEqual([
      SEED_REFRESH,
      "rotated-refresh-1",
      "rotated-refresh-2",
    ]);
  });

  it("refreshes once across instances when both find the token refused at the same time", async () => {
    const api = await startFakeOaApi();
    const store = await tempStore();
    const make = () =>
      createZaloOaChannel({
        config: oaConfig(api.url),
        assistant: { handle: async () => [] },
        store,
        logger: silentLogger,
        reachability: new Reachability(store),
      });
    const [a, b] = [make(), make()];
    const stale = await a.tokens.accessToken();
    const fresh = await Promise.all([
      a.tokens.refresh(stale),
      b.tokens.refresh(stale),
      b.tokens.refresh(stale),
    ]);
    expect(new Set(fresh)).toEqual(new Set(["access-token-2"]));
    expect(api.refreshCalls).toHaveLength(2);
  });

  it("refreshes an expired access token and retries the send once", async () => {
    // The clock stays beside the events' time: a reminder is only sent within 48 hours of the last message.
    const h = await oaHarness({ now: () => AT + 2000 });
    await onboard(
      await testAssistant(h.store),
      FOLLOWER,
      "nguoi-dan",
      { action: "v1:to-skip" },
      { channel: "zalo-oa" },
    );
    await h.deliver(textEvent("/tiendo", "mid-1", AT));
    expect(h.api.refreshCalls).toHaveLength(1);
    h.api.expireAccess();
    const answered = await h.deliver(textEvent("/tiendo", "mid-2", AT + 1000));
    expect(answered.length).toBeGreaterThan(0);
    expect(h.api.refreshCalls).toHaveLength(2);
    const retried = h.api.attempts.filter((m) => m.accessToken === "access-token-1");
    expect(retried.length).toBeGreaterThan(0);
    expect(h.api.sent.slice(-answered.length).every((m) => m.accessToken === "access-token-2")).toBe(true);

    // Refused again right after the refresh: one retry only, then the send counts as failed.
    const before = h.api.attempts.length;
    h.api.script(
      { json: { error: -124, message: "expired" } },
      { json: { error: -124, message: "expired" } },
    );
    expect(await h.channel.sender.send(FOLLOWER, [{ text: "Nhắc lịch học" }])).toEqual({
      status: "failed",
      code: "zalo-oa-platform--124",
    });
    expect(h.api.attempts.length - before).toBe(2);
    expect(h.api.refreshCalls).toHaveLength(3);
  });

  it("never writes a token, secret or message text to the logs", async () => {
    const h = await oaHarness();
    await onboard(
      await testAssistant(h.store),
      FOLLOWER,
      "nguoi-dan",
      { action: "v1:to-skip" },
      { channel: "zalo-oa" },
    );
    await h.deliver(textEvent("so dien thoai cua toi la 0912345678", "mid-1", AT));
    h.api.expireAccess();
    await h.deliver(textEvent("/tiendo", "mid-2", AT + 1));
    await h.post(textEvent("gia mao", "mid-3", AT + 2), "mac=bad");
    // A refresh token the platform no longer accepts: the failure is logged by its code only.
    const store = await tempStore();
    const log = capturedLogger();
    const broken = createZaloOaChannel({
      config: oaConfig(h.api.url, { ZALO_OA_REFRESH_TOKEN: "revoked-refresh-token-77" }),
      assistant: { handle: async () => [] },
      store,
      logger: log.logger,
      reachability: new Reachability(store),
    });
    await broken.start();
    await broken.stop();
    expect(log.text()).toContain("-14014");

    const everything = h.logs() + log.text();
    expect(everything.length).toBeGreaterThan(0);
    for (const secret of [
      SEED_REFRESH,
      "rotated-refresh",
      "access-token-",
      "revoked-refresh-token-77",
      APP_SECRET,
      OA_SECRET_KEY,
      "0912345678",
      "gia mao",
    ])
      expect(everything).not.toContain(secret);
  });
});
