import { describe, expect, it } from "vitest";
import { createZaloOaChannel } from "../../../src/channels/zalo-oa/channel.ts";
import { Certificates } from "../../../src/learning/certificates.ts";
import { ConsultationWindow } from "../../../src/learning/consultation-window.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import { createOrganizerServices } from "../../../src/organizer/organizer.ts";
import { onboard, silentLogger, tempStore, testAssistant } from "../../helpers/core.ts";
import { testWard } from "../../helpers/ward.ts";
import { fakeClock, organizerAssistant, recordingSender, testRuntime } from "../../organizer/helpers.ts";
import { oaConfig, startFakeOaApi } from "./fake-oa-api.ts";

const NOW = "2026-12-01T02:00:00Z"; // 09:00 in Hà Nội
const HOUR = 60 * 60 * 1000;

/** Two OA followers: one wrote an hour ago, one 49 hours ago; an organizer on the web. */
async function setup() {
  const api = await startFakeOaApi();
  const store = await tempStore();
  const clock = fakeClock(NOW);
  const org = createOrganizerServices({
    ward: testWard,
    store,
    adminIds: ["web:admin-1"],
    certificates: new Certificates(store, "test-secret"),
    now: clock.now,
  });
  org.useDeliveryChannels(["zalo-oa", "web"]);
  const channel = createZaloOaChannel({
    config: oaConfig(api.url),
    assistant: { handle: async () => [] },
    store,
    logger: silentLogger,
    reachability: new Reachability(store),
    sleep: async () => {},
    now: clock.clock,
  });
  const learner = await testAssistant(store);
  const window = new ConsultationWindow(store);
  for (const [id, hoursAgo] of [
    ["f-recent", 1],
    ["f-old", 49],
  ] as const) {
    await onboard(learner, id, "nguoi-dan", { action: "v1:to-skip" }, { channel: "zalo-oa" });
    await window.recordMessage(id, new Date(clock.clock() - hoursAgo * HOUR));
  }
  const assistant = await organizerAssistant(store, org, clock.now);
  const say = async (input: { text: string } | { action: string }) =>
    (await assistant.handle({ channel: "web", userId: "admin-1", ...input })).map((r) => r.text).join("\n");
  const runtime = testRuntime(org, { "zalo-oa": channel.sender }, clock);
  return { api, store, clock, org, say, runtime, channel, learner };
}

describe("broadcasts to Zalo OA followers and the 48-hour window", () => {
  it("delivers inside the window, records the follower outside it as 'ngoài thời hạn 48 giờ' and /baocaogui shows it", async () => {
    const { api, say, runtime } = await setup();
    await say({ text: "/thongbao" });
    await say({ text: "Họp tổ dân phố tối thứ Sáu" });
    await say({ action: "v1:dlg:ward" });
    const preview = await say({ action: "v1:dlg:now" });
    expect(preview).toContain("Người nhận: 2 người");
    expect(preview).toContain("1 người chỉ nhắn với Zalo OA của phường và đã ngoài thời hạn 48 giờ");
    await say({ action: "v1:dlg:urgent" });

    await runtime.runOnce();
    expect(api.sent.map((m) => m.userId)).toEqual(["f-recent"]);
    expect(api.sent[0]?.text).toContain("Họp tổ dân phố tối thứ Sáu");
    expect(api.attempts.map((m) => m.userId)).not.toContain("f-old"); // never sent blindly
    const report = await say({ text: "/baocaogui" });
    expect(report).toContain("đã gửi 1, lỗi 0, không liên lạc được 1 (1 ngoài thời hạn 48 giờ của Zalo OA)");
  });

  it("counts a follower Zalo says is past the window (-230) the same way, and stops sending to them", async () => {
    const { api, org, clock, runtime, store } = await setup();
    api.script({ json: { error: -230, message: "User has not interacted with the OA in the past 7 days" } });
    const { id } = await org.outbox.create(
      {
        kind: "reminder",
        text: "Nhắc lịch học ngày mai",
        audienceLabel: "lớp",
        createdBy: "system",
        sendAt: clock.now(),
        urgent: false,
      },
      ["zalo-oa:f-recent"],
      clock.now(),
    );
    await runtime.runOnce();
    expect(await org.outbox.counts(id)).toMatchObject({ sent: 0, outsideWindow: 1, unreachable: 0 });
    expect(await new ConsultationWindow(store).isOpen("f-recent", clock.now())).toBe(false);
    expect(await org.outbox.totals()).toMatchObject({ outsideWindow: "1" });
  });

  it("paces a follower's 429 through the shared pacer, then delivers", async () => {
    const { api, org, clock, runtime } = await setup();
    api.script(...Array.from({ length: 4 }, () => ({ json: { error: -32, message: "Exceed rate limit" } })), {
      status: 429,
      json: { error: -32, message: "Too many requests" },
    });
    const { id } = await org.outbox.create(
      {
        kind: "notice",
        text: "Thông báo",
        audienceLabel: "cả phường",
        createdBy: "web:admin-1",
        sendAt: clock.now(),
        urgent: true,
      },
      ["zalo-oa:f-recent"],
      clock.now(),
    );
    const started = clock.clock();
    await runtime.runOnce();
    expect(await org.outbox.counts(id)).toMatchObject({ sent: 1, failed: 0 });
    expect(api.sent).toHaveLength(1);
    // Everyone waited out the rate limit (the sender's last backoff, 500 ms × 2³), not just the chat spacing.
    expect(clock.clock() - started).toBeGreaterThanOrEqual(4000);
  });

  it("reaches a follower past the window on their other app, and previews count them reachable", async () => {
    const { api, org, clock, channel, learner } = await setup();
    // f-old links a Telegram account: the notice goes there, the OA is not tried outside its window.
    const code = (await learner.handle({ channel: "zalo-oa", userId: "f-old", text: "/lienket" }))
      .map((r) => r.text)
      .join("\n")
      .match(/\d{8}/)?.[0];
    expect(code).toBeDefined();
    await learner.handle({ channel: "telegram", userId: "tg-9", text: `/lienket ${code}` });
    org.useDeliveryChannels(["zalo-oa", "telegram"]);
    const person = await org.recipients({});
    expect(await org.reach(person)).toEqual({
      reachable: 2,
      unreachable: { noPush: 0, outsideWindow: 0, blocked: 0, noChannel: 0 },
    });
    const telegram = recordingSender();
    const { id } = await org.outbox.create(
      {
        kind: "notice",
        text: "Họp tổ",
        audienceLabel: "cả phường",
        createdBy: "system",
        sendAt: clock.now(),
        urgent: true,
      },
      person,
      clock.now(),
    );
    await testRuntime(org, { "zalo-oa": channel.sender, telegram: telegram.sender }, clock).runOnce();
    expect(await org.outbox.counts(id)).toMatchObject({ sent: 2, outsideWindow: 0 });
    expect(api.sent.map((m) => m.userId)).toEqual(["f-recent"]);
    expect(telegram.sent.map((s) => s.userId)).toEqual(["tg-9"]);
  });
});
