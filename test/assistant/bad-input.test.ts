import { describe, expect, it } from "vitest";
import { onboard, tempStore, testAssistant } from "../helpers/core.ts";

async function readyAssistant() {
  const store = await tempStore();
  const assistant = await testAssistant(store);
  await onboard(assistant, "bad");
  return assistant;
}

describe("bad input", () => {
  it("answers an empty or whitespace-only message with a hint", async () => {
    const assistant = await readyAssistant();
    for (const text of ["", "   \n\t ", "\u200B\u200B"]) {
      const replies = await assistant.handle({ channel: "web", userId: "bad", text });
      expect(replies[0]?.text).toContain("chưa gõ gì");
    }
  });

  it("reads only the start of a 10,000-character message and says so", async () => {
    const assistant = await readyAssistant();
    const replies = await assistant.handle({ channel: "web", userId: "bad", text: "vneid ".repeat(1700) });
    expect(replies[0]?.text).toContain("2000 ký tự");
    expect(replies.length).toBeGreaterThan(1);
  });

  it("refuses unknown, malformed or oversized action strings and offers fresh options", async () => {
    const assistant = await readyAssistant();
    for (const action of [
      "v2:menu",
      "v1:group:admin",
      "v1:lesson:../../etc/passwd",
      "x".repeat(500),
      "v1:menu:extra",
      "",
    ]) {
      const replies = await assistant.handle({ channel: "web", userId: "bad", action });
      expect(replies[0]?.text).toContain("không còn dùng được");
      expect(replies[0]?.options?.length).toBeGreaterThan(0);
    }
  });

  it("tells the learner about an unknown command", async () => {
    const assistant = await readyAssistant();
    const replies = await assistant.handle({ channel: "web", userId: "bad", text: "/khongcolenhnay" });
    expect(replies[0]?.text).toContain("chưa biết lệnh");
  });

  it("turns a storage failure into a polite busy message instead of throwing", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await store.close();
    const replies = await assistant.handle({ channel: "web", userId: "x", text: "hello" });
    expect(replies[0]?.text).toContain("Hệ thống đang bận");
  });
});
