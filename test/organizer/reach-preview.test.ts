import { describe, expect, it } from "vitest";
import { PushSubscriptions } from "../../src/learning/push-subscriptions.ts";
import { Reachability } from "../../src/learning/reachability.ts";
import { onboard, tempStore } from "../helpers/core.ts";
import { fakeClock, organizerAssistant, recordingSender, testOrganizer, testRuntime } from "./helpers.ts";

const subscription = {
  endpoint: "https://fcm.googleapis.com/fcm/send/abc",
  keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) },
};

async function world() {
  const store = await tempStore();
  const org = testOrganizer(store, ["web:admin-1"]);
  org.useDeliveryChannels(["telegram", "web"]);
  const clock = fakeClock("2026-12-01T02:00:00Z");
  const assistant = await organizerAssistant(store, org, clock.now);
  const say = async (input: { text: string } | { action: string }) =>
    (await assistant.handle({ channel: "web", userId: "admin-1", ...input })).map((r) => r.text).join("\n");
  return { store, org, clock, assistant, say };
}

describe("before a notice goes out, the organizer is told who will not get it and why", () => {
  it("/thongbao's preview counts web learners without notices, blocked and terminal-only learners, and the report agrees", async () => {
    const { store, org, clock, assistant, say } = await world();
    await onboard(assistant, "web-on");
    await onboard(assistant, "web-off");
    await onboard(assistant, "tg-ok", "nguoi-dan", { action: "v1:to-skip" }, { channel: "telegram" });
    await onboard(assistant, "tg-blocked", "nguoi-dan", { action: "v1:to-skip" }, { channel: "telegram" });
    await onboard(assistant, "local", "nguoi-dan", { action: "v1:to-skip" }, { channel: "cli" });
    await new PushSubscriptions(store).save("web-on", subscription);
    await new Reachability(store).markUnreachable("telegram", "tg-blocked");

    await say({ text: "/thongbao" });
    await say({ text: "Họp tổ tối nay" });
    await say({ action: "v1:dlg:ward" });
    const preview = await say({ action: "v1:dlg:now" });
    expect(preview).toContain("Người nhận: 5 người");
    expect(preview).toContain(
      "⚠️ 3 người trong số đó sẽ KHÔNG nhận được: 1 người chỉ dùng trang web học mà chưa bật nhận thông báo; " +
        "1 người đã chặn Trợ lý hoặc tắt nhận thông báo; 1 người chỉ dùng kênh mà máy chủ này không gửi tin được.",
    );
    expect(await say({ action: "v1:dlg:ok" })).toContain("3 người trong số đó sẽ KHÔNG nhận được");

    // As the real web push sender answers for a session without a subscription (test/channels/web/push-sender).
    const web = recordingSender((userId) => ({ status: userId === "web-off" ? "unreachable" : "sent" }));
    const telegram = recordingSender();
    await testRuntime(org, { web: web.sender, telegram: telegram.sender }, clock).runOnce();
    expect(await say({ text: "/baocaogui" })).toContain("đã gửi 2, lỗi 0, không liên lạc được 3");
  });

  it("says nothing more when everyone can be reached", async () => {
    const { store, assistant, say } = await world();
    await onboard(assistant, "web-on");
    await new PushSubscriptions(store).save("web-on", subscription);
    await say({ text: "/thongbao" });
    await say({ text: "Họp tổ" });
    await say({ action: "v1:dlg:ward" });
    const preview = await say({ action: "v1:dlg:now" });
    expect(preview).toContain("Người nhận: 1 người");
    expect(preview).not.toContain("KHÔNG nhận được");
  });

  it("counts a learner linked on Telegram as reachable even when their web phone has no notices", async () => {
    const { assistant, say } = await world();
    await onboard(assistant, "web-off");
    const code = /\/lienket (\d{8})/.exec(
      (await assistant.handle({ channel: "web", userId: "web-off", text: "/lienket" }))[0]?.text ?? "",
    )?.[1];
    await assistant.handle({ channel: "telegram", userId: "tg-9", text: "hi" });
    await assistant.handle({ channel: "telegram", userId: "tg-9", action: "v1:consent:yes" });
    await assistant.handle({ channel: "telegram", userId: "tg-9", text: `/lienket ${code}` });
    await say({ text: "/thongbao" });
    await say({ text: "Họp tổ" });
    await say({ action: "v1:dlg:ward" });
    const preview = await say({ action: "v1:dlg:now" });
    expect(preview).toContain("Người nhận: 1 người");
    expect(preview).not.toContain("KHÔNG nhận được");
  });

  it("/taolop's confirmation and announcement say how many will not get the class notice and why", async () => {
    const { assistant, say } = await world();
    await onboard(assistant, "web-off");
    await say({ text: "/taolop" });
    for (const answer of ["Dùng VNeID", "20/12 19:30", "Nhà văn hóa tổ 5"]) await say({ text: answer });
    await say({ action: "v1:dlg:ward" });
    await say({ action: "v1:dlg:all" });
    const confirm = await say({ text: "20" });
    expect(confirm).toContain("Thông báo sẽ gửi tới 1 người.");
    expect(confirm).toContain(
      "⚠️ 1 người trong số đó sẽ KHÔNG nhận được: 1 người chỉ dùng trang web học mà chưa bật nhận thông báo.",
    );
    expect(confirm.indexOf("KHÔNG nhận được")).toBeLessThan(confirm.indexOf("Xác nhận?"));
    expect(await say({ action: "v1:dlg:ok" })).toContain("1 người trong số đó sẽ KHÔNG nhận được");
  });
});
