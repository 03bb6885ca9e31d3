import { describe, expect, it } from "vitest";
import { onboard, tempStore } from "../helpers/core.ts";
import { fakeClock, organizerAssistant, recordingSender, testOrganizer, testRuntime } from "./helpers.ts";

describe("/thongbao through assistant.handle on the web channel", () => {
  it("writes a 5,000-character notice, picks an audience, previews the count, confirms, and /baocaogui reports it", async () => {
    const store = await tempStore();
    const org = testOrganizer(store, ["web:admin-1"]);
    const clock = fakeClock("2026-12-01T02:00:00Z");
    const assistant = await organizerAssistant(store, org, clock.now);
    const say = async (userId: string, input: { text: string } | { action: string }) =>
      (await assistant.handle({ channel: "web", userId, ...input })).map((r) => r.text).join("\n");
    await onboard(assistant, "res-1", "nguoi-dan", { text: "5" });
    await onboard(assistant, "res-2", "hoc-sinh", { text: "5" });
    await onboard(assistant, "res-3", "nguoi-dan", { text: "9" });

    expect(await say("admin-1", { text: "/thongbao" })).toContain("Bước 1/3");
    expect(await say("admin-1", { text: "   " })).toContain("chưa gõ gì"); // whitespace only: the dialogue waits
    const long = `${"Lịch tiêm chủng và họp tổ dân phố. ".repeat(200).slice(0, 4990)}CUỐI THƯ.`;
    expect([...long].length).toBeGreaterThan(4990);
    expect(await say("admin-1", { text: `${long}${"x".repeat(200)}` })).toContain("tối đa 5000");
    expect(await say("admin-1", { text: long })).toContain("Bước 2/3");
    await say("admin-1", { action: "v1:dlg:grp" });
    expect(await say("admin-1", { action: "v1:dlg:g-nguoi-dan" })).toContain("Bước 3/3");
    const preview = await say("admin-1", { action: "v1:dlg:now" });
    expect(preview).toContain("CUỐI THƯ.");
    expect(preview).toContain("Người nhận: 2 người");
    expect(await say("admin-1", { action: "v1:dlg:urgent" })).toContain("tới 2 người");

    const web = recordingSender();
    await testRuntime(org, { web: web.sender }, clock).runOnce();
    expect(web.sent.map((s) => s.userId).sort()).toEqual(["res-1", "res-3"]);
    expect(web.sent[0]?.replies[0]?.text).toBe(long);
    const report = await say("admin-1", { text: "/baocaogui" });
    expect(report).toContain("đã gửi 2, lỗi 0, không liên lạc được 0, chờ gửi 0, không rõ 0");
    const audit = await org.audit.recent();
    expect(audit.at(-1)).toMatchObject({ action: "broadcast", actor: "web:admin-1", audience: 2 });
    expect(audit.at(-1)?.detail).toContain("khẩn");
  });

  it("schedules a notice for later and lets the organizer stop it from /baocaogui", async () => {
    const store = await tempStore();
    const org = testOrganizer(store, ["web:admin-1"]);
    const clock = fakeClock("2026-12-01T02:00:00Z");
    const assistant = await organizerAssistant(store, org, clock.now);
    const handle = (input: { text: string } | { action: string }) =>
      assistant.handle({ channel: "web", userId: "admin-1", ...input });
    await onboard(assistant, "res-1");
    for (const text of ["/thongbao", "Họp tổ"]) await handle({ text });
    await handle({ action: "v1:dlg:ward" });
    await handle({ text: "2/12 08:00" });
    expect((await handle({ action: "v1:dlg:ok" }))[0]?.text).toContain("08:00 ngày 02/12/2026");
    const status = await handle({ text: "/baocaogui" });
    const stop = status[0]?.options?.[0]?.action ?? "";
    expect(stop).toMatch(/^v1:bcx:/);
    expect((await handle({ action: stop }))[0]?.text).toContain("Đã dừng gửi");
    const web = recordingSender();
    clock.set("2026-12-02T01:00:01Z");
    await testRuntime(org, { web: web.sender }, clock).runOnce();
    expect(web.sent).toHaveLength(0);
    expect((await handle({ text: "/baocaogui" }))[0]?.text).toContain("đã dừng");
  });
});
