import { describe, expect, it } from "vitest";
import type { Assistant } from "../../src/assistant/types.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import { onboard, tempStore } from "../helpers/core.ts";
import { fakeClock, organizerAssistant, testOrganizer } from "./helpers.ts";

const say = async (assistant: Assistant, userId: string, text: string) =>
  (await assistant.handle({ channel: "web", userId, text })).map((r) => r.text).join("\n");

async function setup() {
  const store = await tempStore();
  const org = testOrganizer(store, ["web:admin-1"]);
  const clock = fakeClock("2026-12-01T02:00:00Z");
  const assistant = await organizerAssistant(store, org, clock.now);
  return { store, org, assistant };
}

describe("organizer roles and scopes", () => {
  it("refuses organizer commands to a resident politely and tells them their account id", async () => {
    const { assistant } = await setup();
    await onboard(assistant, "resident-1");
    for (const command of [
      "/taolop",
      "/thongbao",
      "/baocaogui",
      "/phanquyen",
      "/thuhoicn HVS-26-AAAAAA sai",
    ]) {
      const reply = await say(assistant, "resident-1", command);
      expect(reply).toContain("chỉ dành cho người tổ chức");
      expect(reply).toContain("web:resident-1");
    }
  });

  it("lets an admin grant a tổ-scoped role and revoke it, each change in the audit log", async () => {
    const { assistant, org } = await setup();
    expect(await say(assistant, "admin-1", "/phanquyen cap web:org-1 to:5,7")).toContain("Tổ 5, Tổ 7");
    expect(await say(assistant, "admin-1", "/phanquyen")).toContain("web:org-1: Tổ 5, Tổ 7");
    expect(await say(assistant, "org-1", "/taolop")).toContain("Bước 1/6");
    expect(await say(assistant, "org-1", "/huy")).toContain("Đã hủy");
    // An organizer cannot hand out roles.
    expect(await say(assistant, "org-1", "/phanquyen cap web:x-2 phuong")).toContain("Chỉ quản trị viên");
    expect(await say(assistant, "admin-1", "/phanquyen thuhoi web:org-1")).toContain("Đã thu hồi");
    expect(await say(assistant, "org-1", "/taolop")).toContain("chỉ dành cho người tổ chức");
    const audit = await org.audit.recent();
    expect(audit.map((e) => [e.action, e.actor, e.target])).toEqual([
      ["role-grant", "web:admin-1", "web:org-1"],
      ["role-revoke", "web:admin-1", "web:org-1"],
    ]);
    expect(await say(assistant, "admin-1", "/phanquyen cap web:org-1")).toContain("chưa hiểu");
    expect(await say(assistant, "admin-1", "/phanquyen cap nobody to:5")).toContain("chưa hiểu");
  });

  it("refuses an organizer who targets a tổ outside their scope", async () => {
    const { assistant } = await setup();
    await say(assistant, "admin-1", "/phanquyen cap web:org-1 to:5");
    await say(assistant, "org-1", "/thongbao");
    await say(assistant, "org-1", "Họp tổ tối nay");
    expect(await say(assistant, "org-1", "7")).toContain("Bạn chỉ được tổ chức cho: Tổ 5");
    await assistant.handle({ channel: "web", userId: "org-1", action: "v1:dlg:to" });
    expect(await say(assistant, "org-1", "5, 9")).toContain("Bạn chỉ được tổ chức cho: Tổ 5");
    expect(await say(assistant, "org-1", "5")).toContain("Bước 3/3");
  });

  it("keeps a role on the account it was granted to: a linked account gets it only when an admin grants it again", async () => {
    const { assistant, org } = await setup();
    await onboard(assistant, "z-1", "nguoi-dan", { action: "v1:to-skip" }, { channel: "zalo" });
    await say(assistant, "admin-1", "/phanquyen cap telegram:555 phuong");
    // telegram:555 links to the Zalo person: the Telegram account keeps its role, the Zalo one does not get it.
    const asked = await assistant.handle({ channel: "zalo", userId: "z-1", text: "/lienket" });
    const code = /\d{8}/.exec(asked.map((r) => r.text).join("\n"))?.[0] ?? "";
    await assistant.handle({ channel: "telegram", userId: "555", text: `/lienket ${code}` });
    const accounts = ["zalo:z-1", "telegram:555"];
    expect(await org.roles.of("zalo:z-1", accounts, "telegram:555")).toMatchObject({ admin: false });
    expect(await org.roles.of("zalo:z-1", accounts, "zalo:z-1")).toBeNull();
    const refused = await assistant.handle({ channel: "zalo", userId: "z-1", text: "/baocaogui" });
    expect(refused[0]?.text).not.toContain("Chưa có thông báo");
    const fromTelegram = await assistant.handle({ channel: "telegram", userId: "555", text: "/baocaogui" });
    expect(fromTelegram[0]?.text).toContain("Chưa có thông báo");
    await say(assistant, "admin-1", "/phanquyen cap zalo:z-1 phuong");
    const status = await assistant.handle({ channel: "zalo", userId: "z-1", text: "/baocaogui" });
    expect(status[0]?.text).toContain("Chưa có thông báo");
  });

  it("lets an organizer revoke a certificate of their tổ with a reason, and not one outside it", async () => {
    const { store, assistant } = await setup();
    const certificates = new Certificates(store, "test-secret");
    const at = new Date("2026-11-30T02:00:00Z");
    const base = { name: "Lê Thị Hoa", group: "nguoi-dan" as const, modules: ["vneid"] };
    const mine = (await certificates.issue("web:h5", { ...base, to: "Tổ 5" }, at)).certificate;
    const other = (await certificates.issue("web:h9", { ...base, to: "Tổ 9" }, at)).certificate;
    await say(assistant, "admin-1", "/phanquyen cap web:org-5 to:5");

    expect(await say(assistant, "org-5", `/thuhoicn ${other.id} cấp nhầm`)).not.toContain(other.id);
    expect((await certificates.verify(other.id)).status).toBe("valid");
    expect(await say(assistant, "org-5", `/thuhoicn ${mine.id}`)).toContain("/thuhoicn");
    expect(await say(assistant, "org-5", `/thuhoicn ${mine.id} cấp nhầm người`)).toContain(mine.id);
    expect(await certificates.verify(mine.id)).toMatchObject({
      status: "revoked",
      certificate: { revokeReason: "cấp nhầm người" },
    });
  });
});
