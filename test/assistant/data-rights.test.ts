import { describe, expect, it } from "vitest";
import { readStoredCounts } from "../../src/learning/aggregate-counts.ts";
import type { Store } from "../../src/storage/store.ts";
import { onboard, tempStore, testAssistant, testCurriculum } from "../helpers/core.ts";
import { takeModuleQuiz } from "../helpers/quiz.ts";

/** Every key and value (a store-level scan: nothing personal may be left anywhere). */
async function everything(store: Store): Promise<string> {
  const parts: string[] = [];
  for (const key of await store.keys("")) {
    parts.push(key);
    parts.push(JSON.stringify(await store.get(key).catch(() => null)));
    parts.push(JSON.stringify(await store.hgetall(key).catch(() => ({}))));
    parts.push(JSON.stringify(await store.smembers(key).catch(() => [])));
    parts.push(JSON.stringify(await store.zrangeByScore(key, -Infinity, Infinity).catch(() => [])));
  }
  return parts.join("\n");
}

describe("data rights", () => {
  it("exports everything stored about the learner as JSON", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "d1", "nguoi-dan", { text: "4" });
    await takeModuleQuiz(assistant, curriculum, "d1", "vneid", 6);
    const [reply] = await assistant.handle({ channel: "web", userId: "d1", text: "/dulieu" });
    const json = JSON.parse(reply?.text.slice(reply.text.indexOf("{")) ?? "{}");
    expect(json.hoSo).toMatchObject({ group: "nguoi-dan", to: "Tổ 4", step: "ready" });
    expect(json.hoSo.consentAt).toBeTruthy();
    expect(json.tienDo["best:vneid"]).toBe("0.6");
    expect(Object.keys(json.onTap)).toHaveLength(4);
    expect(json.taiKhoan).toEqual(["web:d1"]);
  });

  it("erases every trace of the learner after confirmation, and keeps it when they say no", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    const other = "keepme42";
    await onboard(assistant, other);
    await onboard(assistant, "erase-me-7", "nguoi-dan", { text: "8" });
    await takeModuleQuiz(assistant, curriculum, "erase-me-7", "vneid", 6);
    await assistant.handle({ channel: "web", userId: "erase-me-7", action: "v1:remind:on" });
    await assistant.handle({ channel: "web", userId: "erase-me-7", action: "v1:quiz:an-toan-so" });

    const ask = await assistant.handle({ channel: "web", userId: "erase-me-7", text: "/xoadulieu" });
    expect(ask[0]?.options?.map((o) => o.action)).toEqual(["v1:erase:yes", "v1:erase:no"]);
    const kept = await assistant.handle({ channel: "web", userId: "erase-me-7", action: "v1:erase:no" });
    expect(kept[0]?.text).toContain("giữ nguyên");
    expect(await everything(store)).toContain("erase-me-7");

    const erased = await assistant.handle({ channel: "web", userId: "erase-me-7", action: "v1:erase:yes" });
    expect(erased[0]?.text).toContain("Đã xóa");
    const dump = await everything(store);
    expect(dump).not.toContain("erase-me-7");
    expect(dump).toContain(other);
    // The ward's anonymous counts per tổ stay (reports keep them, as plain numbers); nothing else names the
    // learner's tổ: with the counts' cell names taken out, "Tổ 8" is nowhere.
    const counts = await readStoredCounts(store);
    expect(counts.cells.some((cell) => cell.startsWith("Tổ 8"))).toBe(true);
    for (const { fields } of counts.counts)
      for (const n of Object.values(fields)) expect(Number.isInteger(n)).toBe(true);
    let rest = await everything(store);
    for (const cell of counts.cells) rest = rest.replaceAll(cell, "");
    expect(rest).not.toContain("Tổ 8");
  });
});
