import { describe, expect, it } from "vitest";
import { renderForTerminal } from "../../src/channels/cli/render.ts";
import { renderReplies } from "../../src/channels/zalo/render.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import type { Reply } from "../../src/messaging/message.ts";
import { tempStore, testAssistant } from "../helpers/core.ts";
import { webhookHarness } from "./zalo/harness.ts";

describe("the tổ question reads a typed number as the tổ on every channel", () => {
  it("on the web, '1' is Tổ 1 and 'bỏ qua' declines", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const learners = new LearnerStore(store);
    for (const [userId, typed, expected] of [
      ["to-web-1", "1", "Tổ 1"],
      ["to-web-2", "bỏ qua", undefined],
    ] as const) {
      const say = (text: string) => assistant.handle({ channel: "web", userId, text });
      await say("xin chào");
      await say("đồng ý");
      expect((await say("người dân")).at(-1)?.text).toMatch(/tổ dân phố nào/);
      const replies = await say(typed);
      expect(replies.at(-1)?.text).not.toMatch(/tổ dân phố nào/);
      expect((await learners.get(`web:${userId}`))?.to).toBe(expected);
    }
  });

  it("on Zalo, where options are typed, '1' is Tổ 1 too, not the first option ('Bỏ qua')", async () => {
    const h = await webhookHarness();
    const learners = new LearnerStore(h.store);
    await h.say("xin chào");
    await h.say("1"); // Đồng ý
    const question = await h.say("4"); // Người dân
    expect(question.join("\n")).toMatch(/• Bỏ qua/);
    expect(question.join("\n")).not.toMatch(/^1\. Bỏ qua/m);
    await h.say("1");
    expect((await learners.get("zalo:user-zalo-1"))?.to).toBe("Tổ 1");
  });

  it("in the terminal, the options are listed as words to type and no number picks one", () => {
    const question: Reply = {
      text: "Bạn sống ở tổ dân phố nào?",
      typedAnswer: true,
      options: [{ label: "Bỏ qua", action: "v1:to-skip" }],
    };
    const { text, options } = renderForTerminal([question]);
    expect(options).toEqual([]);
    expect(text).toContain("  • Bỏ qua");
    expect(text).not.toContain("1) Bỏ qua");
    expect(renderReplies([question]).options).toEqual([]);
  });
});
