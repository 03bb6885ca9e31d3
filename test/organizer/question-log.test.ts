import { describe, expect, it } from "vitest";
import type { Assistant } from "../../src/assistant/types.ts";
import { onboard, tempStore } from "../helpers/core.ts";
import { fakeClock, organizerAssistant, testOrganizer } from "./helpers.ts";

const say = async (assistant: Assistant, userId: string, text: string) =>
  (await assistant.handle({ channel: "web", userId, text })).map((r) => r.text).join("\n");

/** Every stored key and value, as one string. */
async function dump(store: Awaited<ReturnType<typeof tempStore>>): Promise<string> {
  const parts: string[] = [];
  for (const key of await store.keys("")) {
    parts.push(key);
    for (const read of [
      () => store.get(key),
      () => store.hgetall(key).then(JSON.stringify),
      () => store.lrange(key, 0, -1).then(JSON.stringify),
    ])
      parts.push((await read().catch(() => "")) ?? "");
  }
  return parts.join("\n");
}

describe("anonymised question logs", () => {
  it("store no message text while off, the default", async () => {
    const store = await tempStore();
    const org = testOrganizer(store, ["web:admin-1"]);
    const assistant = await organizerAssistant(store, org, fakeClock("2026-11-26T03:00:00Z").now);
    await onboard(assistant, "u1");
    await say(assistant, "u1", "cách cài ứng dụng vneid trên điện thoại");
    expect(await dump(store)).not.toContain("điện thoại");
    expect(await say(assistant, "admin-1", "/nhatky")).toContain("đang TẮT");
  });

  it("once a ward organizer turns them on, keep questions without who asked and with personal data redacted", async () => {
    const store = await tempStore();
    const org = testOrganizer(store, ["web:admin-1"]);
    const assistant = await organizerAssistant(store, org, fakeClock("2026-11-26T03:00:00Z").now);
    expect(await say(assistant, "admin-1", "/nhatky bat")).toContain("Đã BẬT");
    await onboard(assistant, "u1");
    await say(
      assistant,
      "u1",
      "số cccd 001204012345 của tôi, sđt 0912345678, email an@vi.vn, cài vneid thế nào",
    );
    await say(assistant, "u1", "giá vàng hôm nay bao nhiêu");
    const logged = await org.questionLog.month("2026-11");
    expect(logged).toHaveLength(2);
    expect(logged[0]?.text).toBe(
      "số cccd [số định danh] của tôi, sđt [số điện thoại], email [email], cài vneid thế nào",
    );
    expect(logged[0]).toMatchObject({ day: "2026-11-26", refused: false });
    expect(logged[1]).toMatchObject({ refused: true, text: "giá vàng hôm nay bao nhiêu" });
    const everything = await dump(store);
    for (const secret of ["001204012345", "0912345678", "an@vi.vn"]) expect(everything).not.toContain(secret);
    expect(JSON.stringify(logged)).not.toContain("u1");
    expect(await say(assistant, "admin-1", "/nhatky xem")).toContain("giá vàng hôm nay bao nhiêu");
    expect(await say(assistant, "admin-1", "/nhatky tat")).toContain("Đã TẮT");
    await say(assistant, "u1", "đổi mật khẩu zalo");
    expect(await org.questionLog.month("2026-11")).toHaveLength(2);
    expect((await org.audit.recent()).map((e) => e.action)).toEqual(["question-log-on", "question-log-off"]);
  });

  it("can be switched only by a ward-level organizer", async () => {
    const store = await tempStore();
    const org = testOrganizer(store, ["web:admin-1"]);
    const assistant = await organizerAssistant(store, org, fakeClock("2026-11-26T03:00:00Z").now);
    await say(assistant, "admin-1", "/phanquyen cap web:org-5 to:5");
    expect(await say(assistant, "org-5", "/nhatky bat")).toContain("cấp phường");
    expect(await org.questionLog.enabled()).toBe(false);
    await onboard(assistant, "u1");
    expect(await say(assistant, "u1", "/nhatky bat")).toContain("chỉ dành cho người tổ chức");
  });
});
