import { describe, expect, it } from "vitest";
import { messages } from "../../src/catalog/assistant-common.ts";
import { learningMessages as lm } from "../../src/catalog/assistant-learning.ts";
import type { Channel } from "../../src/messaging/message.ts";
import { onboard, tempStore, testAssistant } from "../helpers/core.ts";

describe("the four menu words (Telegram's big buttons) typed on any channel", () => {
  it("asks for a question, lists the lessons, offers the quizzes and shows progress, with or without accents", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    for (const channel of ["web", "zalo", "cli", "telegram"] as Channel[]) {
      const userId = `menu-words-${channel}`;
      await onboard(assistant, userId, "nguoi-dan", { action: "v1:to-skip" }, { channel });
      const first = async (text: string) => (await assistant.handle({ channel, userId, text }))[0];
      for (const text of ["Hỏi", "hoi"]) expect((await first(text))?.text, text).toBe(messages.askPrompt);
      for (const text of ["Học bài", "hoc bai", "HỌC BÀI"]) {
        const reply = await first(text);
        expect(reply?.text, text).toBe(messages.modulesTitle);
        expect(reply?.options?.[0]?.action).toMatch(/^v1:module:/);
      }
      for (const text of ["Kiểm tra", "kiem tra"])
        expect((await first(text))?.text).toBe(lm.chooseModuleQuiz);
      for (const text of ["Tiến độ", "tien do"])
        expect((await first(text))?.text).toMatch(/^Tiến độ của bạn \(Người dân\)/);
    }
  });

  it("still answers a question that merely starts with one of the words", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "menu-words-q");
    const replies = await assistant.handle({
      channel: "web",
      userId: "menu-words-q",
      text: "hỏi cách kích hoạt tài khoản VNeID",
    });
    expect(replies[0]?.text).toContain("Xem bài:");
  });

  it("answers “Hỏi” in a group too, where nothing personal is shown", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const [reply] = await assistant.handle({ channel: "telegram", userId: "55", text: "Hỏi", inGroup: true });
    expect(reply?.text).toBe(messages.askPrompt);
  });
});
