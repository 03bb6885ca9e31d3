import { describe, expect, it } from "vitest";
import type { Assistant } from "../../src/assistant/types.ts";
import type { Reply } from "../../src/messaging/message.ts";
import { parseVietnamDateTime } from "../../src/organizer/datetime.ts";
import { onboard, tempStore } from "../helpers/core.ts";
import { fakeClock, organizerAssistant, recordingSender, testOrganizer, testRuntime } from "./helpers.ts";

const NOW = new Date("2026-12-01T02:00:00Z"); // 09:00, 1 Dec 2026 in Hà Nội

describe("reading Vietnamese dates and times", () => {
  it("accepts the usual formats in Vietnam time and rejects past, absurd and unknown ones", () => {
    const ok = (text: string) => {
      const r = parseVietnamDateTime(text, NOW);
      return r.ok ? r.start.toISOString() : r.error;
    };
    expect(ok("20/12 19:30")).toBe("2026-12-20T12:30:00.000Z");
    expect(ok("20/12/2026 19h30")).toBe("2026-12-20T12:30:00.000Z");
    expect(ok("ngày 20-12 lúc 19h")).toBe("2026-12-20T12:00:00.000Z");
    expect(ok("19:30 20/12")).toBe("2026-12-20T12:30:00.000Z");
    expect(ok("5/1 8h")).toBe("2027-01-05T01:00:00.000Z"); // January: next year
    expect(ok("30/11 19:30")).toBe("past");
    expect(ok("1/12/2026 08:00")).toBe("past");
    expect(ok("20/12/2030 19:30")).toBe("far");
    expect(ok("31/2 19:30")).toBe("format");
    expect(ok("20/12 25:00")).toBe("format");
    expect(ok("thứ bảy tuần sau")).toBe("format");
    expect(ok("20/12")).toBe("format");
    const range = parseVietnamDateTime("20/12 19h-21h", NOW);
    expect(range.ok && range.end?.toISOString()).toBe("2026-12-20T14:00:00.000Z");
    expect(parseVietnamDateTime("20/12 19h30-18h", NOW)).toEqual({ ok: false, error: "end-before-start" });
  });
});

async function world() {
  const store = await tempStore();
  const org = testOrganizer(store, ["web:admin-1"]);
  const clock = fakeClock(NOW.toISOString());
  const assistant = await organizerAssistant(store, org, clock.now);
  const web = recordingSender();
  const runtime = testRuntime(org, { web: web.sender }, clock);
  const say = async (
    userId: string,
    input: { text: string } | { action: string } | string,
  ): Promise<Reply[]> =>
    assistant.handle({ channel: "web", userId, ...(typeof input === "string" ? { text: input } : input) });
  const text = async (userId: string, input: Parameters<typeof say>[1]) =>
    (await say(userId, input)).map((r) => r.text).join("\n");
  return { store, org, clock, assistant, web, runtime, say, text };
}

async function resident(assistant: Assistant, userId: string, to: string) {
  await onboard(assistant, userId, "nguoi-dan", { text: to });
}

describe("classes: the guided dialogue, RSVP with a waitlist, reminders and attendance", () => {
  it("guides an organizer through /taolop, rejecting bad answers, and survives a restart of the assistant", async () => {
    const { store, org, clock, text } = await world();
    await text("admin-1", "/phanquyen cap web:org-1 to:5");
    expect(await text("org-1", "/taolop")).toContain("Bước 1/6");
    expect(await text("org-1", "ab")).toContain("từ 3 đến 120");
    expect(await text("org-1", "1")).toContain("Bước 2/6"); // module 1
    expect(await text("org-1", "hôm nào đó")).toContain("chưa hiểu ngày giờ");
    expect(await text("org-1", "30/11 19:30")).toContain("đã qua");
    expect(await text("org-1", "20/12 19h30-18h")).toContain("Giờ kết thúc");
    // A new assistant over the same store (a restart) continues the same dialogue.
    const restarted = await organizerAssistant(store, org, clock.now);
    const next = await restarted.handle({ channel: "web", userId: "org-1", text: "20/12 19:30" });
    expect(next[0]?.text).toContain("Bước 3/6");
    expect(await text("org-1", "Nhà văn hóa tổ 5")).toContain("Bước 4/6");
    expect(await text("org-1", "7")).toContain("Bạn chỉ được tổ chức cho: Tổ 5");
    expect(await text("org-1", "5")).toContain("Bước 5/6");
    expect(await text("org-1", { action: "v1:dlg:all" })).toContain("Bước 6/6");
    expect(await text("org-1", "0")).toContain("từ 1 đến 500");
    expect(await text("org-1", "100000")).toContain("từ 1 đến 500");
    expect(await text("org-1", "30")).toContain("Kiểm tra lại lớp học");
    expect(await text("org-1", "/huy")).toContain("Đã hủy");
    expect(await org.classes.held()).toEqual([]); // no class was created
  });

  it("announces a class, fills it, waitlists, promotes on cancel, reminds 24 h and 1 h before, and takes attendance", async () => {
    const { org, clock, web, runtime, assistant, say, text } = await world();
    await resident(assistant, "res-1", "5");
    await resident(assistant, "res-2", "5");
    await resident(assistant, "res-3", "7"); // not in the audience
    await text("admin-1", "/taolop");
    for (const answer of ["Dùng VNeID", "20/12 19:30", "Nhà văn hóa tổ 5", "5"])
      await text("admin-1", answer);
    await say("admin-1", { action: "v1:dlg:all" });
    expect(await text("admin-1", "1")).toContain("gửi tới 2 người");
    const created = await text("admin-1", { action: "v1:dlg:ok" });
    const code = /Mã điểm danh của lớp: (\d{6})/.exec(created)?.[1] ?? "";
    expect(code).toMatch(/^\d{6}$/);

    await runtime.runOnce();
    expect(web.sent.map((s) => s.userId).sort()).toEqual(["res-1", "res-2"]);
    const join = web.sent[0]?.replies[0]?.options?.[0]?.action ?? "";
    expect(join).toMatch(/^v1:rsvp:[a-z0-9]{6}\.y$/);
    const classId = join.slice(8, 14);

    expect(await text("res-1", { action: join })).toContain("Đã ghi tên bạn");
    expect(await text("res-2", { action: join })).toContain("vị trí 1 trong danh sách chờ");
    expect(await text("res-2", "/lichhoc")).toContain("bạn đang trong danh sách chờ");
    expect(await text("res-1", { action: `v1:rsvp:${classId}.x` })).toContain("Đã hủy đăng ký");
    web.sent.length = 0;
    await runtime.runOnce();
    expect(web.sent.map((s) => [s.userId, s.replies[0]?.text.slice(0, 17)])).toEqual([
      ["res-2", "Tin vui: đã có ch"],
    ]);
    expect(await text("res-2", "/lichhoc")).toContain("bạn đã đăng ký");

    web.sent.length = 0;
    clock.set("2026-12-19T12:30:00Z"); // 24 h before
    await runtime.runOnce();
    await runtime.runOnce();
    clock.set("2026-12-20T11:00:00Z"); // 1 h 30 before: nothing new
    await runtime.runOnce();
    clock.set("2026-12-20T11:30:00Z"); // 1 h before
    await runtime.runOnce();
    await runtime.runOnce();
    expect(web.sent.map((s) => [s.userId, s.replies[0]?.text])).toEqual([
      ["res-2", "nhắc 24h Dùng VNeID"],
      ["res-2", "nhắc 1h Dùng VNeID"],
    ]);

    clock.set("2026-12-20T12:40:00Z"); // in class
    expect(await text("admin-1", "/diemdanh")).toContain(`mã ${code}`);
    expect(await text("res-2", "/diemdanh")).toContain("mã điểm danh");
    expect(await text("res-2", code)).toContain("Đã điểm danh");
    expect(await text("res-2", `/diemdanh ${code}`)).toContain("đã điểm danh");
    expect(await text("res-1", "/diemdanh 0000")).toContain("không đúng");
    const list = await text("admin-1", { action: `v1:att:${classId}` });
    expect(list).toContain("1 người");
    expect(await text("res-1", { action: `v1:att:${classId}` })).toContain("chỉ dành cho người tổ chức");

    const status = await text("admin-1", "/baocaogui");
    expect(status).toContain("báo lớp");
    expect(status).toContain("nhắc lịch");
    // Erasure removes the resident's RSVP and attendance; the class's counts stay.
    await say("res-2", { action: "v1:erase:yes" });
    expect(await org.classes.statusOf(classId, "web:res-2")).toBeNull();
    expect((await org.classes.get(classId))?.present).toBe(1);
    expect(await org.classes.totals()).toEqual({ created: "1", attendance: "1" });
    expect(await org.classes.namesKept(classId)).toEqual({});
  });
});
