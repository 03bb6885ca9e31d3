import { describe, expect, it } from "vitest";
import type { Assistant } from "../../src/assistant/types.ts";
import { onboard, tempStore } from "../helpers/core.ts";
import { fakeClock, organizerAssistant, testOrganizer } from "../organizer/helpers.ts";
import { NOW, seedWard } from "../organizer/reports/seed-ward.ts";

const say = async (assistant: Assistant, userId: string, text: string) =>
  (await assistant.handle({ channel: "web", userId, text })).map((r) => r.text).join("\n");

async function setup() {
  const store = await tempStore();
  await seedWard(store);
  const org = testOrganizer(store, ["web:admin-1"]);
  const assistant = await organizerAssistant(store, org, fakeClock(NOW.toISOString()).now);
  return { store, org, assistant };
}

describe("/baocao: the report in the chat", () => {
  it("gives a ward admin the period's targets, totals and tổ with the hand-checked numbers", async () => {
    const { assistant } = await setup();
    const text = await say(assistant, "admin-1", "/baocao 01/01/2026 30/04/2026");
    expect(text).toContain("Toàn phường, từ 01/01/2026 đến 30/04/2026");
    expect(text).toContain("8,7% (12/138). Mục tiêu trên 90% — còn thiếu 81,3 điểm %, cần thêm 113 người");
    expect(text).toContain(
      "Toàn phường: 31 đăng ký học, 13 có chứng nhận (8,1% dân số), 17 hoạt động 30 ngày qua",
    );
    expect(text).toContain("• Tổ 1: 19 đăng ký học, 12 có chứng nhận (15,8% dân số)");
    expect(text).toContain("• Tổ 2: < 5 đăng ký học, < 5 có chứng nhận, < 5 hoạt động");
    expect(text).toContain("Lớp học: 2 buổi, 14 lượt điểm danh. Thông báo: 1, 18 lượt nhận thành công.");
    expect(text).toContain("/quantri");
  });

  it("accepts 'từ … đến …' and defaults to 1 January until today", async () => {
    const { assistant } = await setup();
    expect(await say(assistant, "admin-1", "/baocao từ 1/1/2026 đến 30/4/2026")).toContain(
      "13 có chứng nhận",
    );
    expect(await say(assistant, "admin-1", "/baocao")).toContain("từ 01/01/2026 đến 15/05/2026");
  });

  it("explains a bad date or an end before the start instead of reporting", async () => {
    const { assistant } = await setup();
    expect(await say(assistant, "admin-1", "/baocao 31/02/2026 30/04/2026")).toContain(
      'không đọc được ngày "31/02/2026"',
    );
    expect(await say(assistant, "admin-1", "/baocao 30/04/2026 01/01/2026")).toContain(
      "Ngày kết thúc đang trước ngày bắt đầu",
    );
    expect(await say(assistant, "admin-1", "/baocao hom qua")).toContain("Báo cáo theo kỳ: /baocao");
  });

  it("shows a tổ organizer only their tổ", async () => {
    const { assistant } = await setup();
    await say(assistant, "admin-1", "/phanquyen cap web:org-1 to:1");
    const text = await say(assistant, "org-1", "/baocao 01/01/2026 30/04/2026");
    expect(text).toContain("Tổ 1, từ 01/01/2026");
    expect(text).toContain("Tổng các tổ phụ trách: 19 đăng ký học");
    expect(text).not.toContain("Tổ 2");
    expect(text).not.toContain("Toàn phường");
  });

  it("refuses a resident", async () => {
    const { assistant } = await setup();
    await onboard(assistant, "resident-1");
    expect(await say(assistant, "resident-1", "/baocao")).toContain("chỉ dành cho người tổ chức");
    expect(await say(assistant, "resident-1", "/quantri")).toContain("chỉ dành cho người tổ chức");
  });
});

describe("/quantri: the dashboard login code", () => {
  it("sends an organizer a one-time code that opens exactly one session", async () => {
    const { assistant, org } = await setup();
    const text = await say(assistant, "admin-1", "/quantri");
    const code = /Mã đăng nhập trang quản trị: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text)?.[1];
    expect(text).toContain("/quan-tri/dang-nhap");
    expect(code).toBeDefined();
    const session = await org.dashboard.redeem((code ?? "").toLowerCase().replace("-", " "));
    expect(session?.personId).toBe("web:admin-1");
    expect(await org.dashboard.personOf(session?.token ?? "")).toBe("web:admin-1");
    expect(await org.dashboard.redeem(code ?? "")).toBeNull();
  });
});
