import { describe, expect, it } from "vitest";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { LearnerStore } from "../../../src/learning/learner-store.ts";
import { actionsOf, callbackUpdate, fixture, testChannel, textUpdate } from "./helpers.ts";

const LAN = 5550001;

describe("telegram conversation", () => {
  it("takes a newcomer from /start through onboarding to a cited answer, a quiz answer and /tiendo", async () => {
    const { channel, telegram, store, inbound } = await testChannel();

    await channel.handleUpdate(textUpdate(LAN, "/start"));
    const greeting = telegram.sent();
    expect(greeting.at(-1)?.chat_id).toBe(LAN);
    expect(greeting.at(-1)?.parse_mode).toBe("HTML");
    expect(actionsOf(greeting.at(-1))).toEqual(["v1:consent:yes", "v1:consent:no"]);
    expect(inbound[0]).toMatchObject({ channel: "telegram", userId: String(LAN), text: "/start" });

    let keyboardMessage = telegram.lastMessageId();
    telegram.clear();
    await channel.handleUpdate(callbackUpdate(LAN, "v1:consent:yes", keyboardMessage));
    expect(actionsOf(telegram.sent().at(-1))).toContain("v1:group:nguoi-dan");

    keyboardMessage = telegram.lastMessageId();
    telegram.clear();
    await channel.handleUpdate(callbackUpdate(LAN, "v1:group:nguoi-dan", keyboardMessage));
    expect(telegram.sent().at(-1)?.text).toContain("tổ dân phố");

    telegram.clear();
    await channel.handleUpdate(textUpdate(LAN, "tổ 7"));
    const learners = new LearnerStore(store);
    expect(await learners.get(`telegram:${LAN}`)).toMatchObject({ group: "nguoi-dan", to: "Tổ 7" });
    // Any further onboarding question the core asks is answered with its first button.
    for (let i = 0; i < 3 && (await learners.get(`telegram:${LAN}`))?.step !== "ready"; i++) {
      const first = actionsOf(telegram.sent().at(-1))[0];
      if (first) await channel.handleUpdate(callbackUpdate(LAN, first, telegram.lastMessageId()));
    }
    expect((await learners.get(`telegram:${LAN}`))?.step).toBe("ready");

    telegram.clear();
    await channel.handleUpdate(textUpdate(LAN, "cách kích hoạt tài khoản VNeID"));
    const answer = telegram.sent().map((p) => p.text as string);
    expect(answer.join("\n")).toContain("Xem bài");

    // A quiz: pick the first topic, answer the first question with its first button.
    await channel.handleUpdate(textUpdate(LAN, "/kiemtra"));
    for (const step of ["topic", "answer"]) {
      const choice = actionsOf(telegram.sent().at(-1))[0];
      expect(choice, `a ${step} button`).toBeDefined();
      const keyboardMessage = telegram.lastMessageId();
      telegram.clear();
      await channel.handleUpdate(callbackUpdate(LAN, choice as string, keyboardMessage));
      expect(telegram.sent().length).toBeGreaterThan(0);
    }

    telegram.clear();
    await channel.handleUpdate(textUpdate(LAN, "/tiendo"));
    expect(inbound.at(-1)).toMatchObject({ text: "/tiendo" });
    expect(telegram.sent()[0]?.text).toMatch(/tiến độ/i);
  });

  it("acknowledges a pressed button, removes its keyboard, then passes the action as the presser", async () => {
    const { channel, telegram, inbound } = await testChannel();
    await channel.handleUpdate(textUpdate(LAN, "chào"));
    telegram.clear();

    await channel.handleUpdate(callbackUpdate(LAN, "v1:consent:yes", 1001));
    const methods = telegram.calls.map((c) => c.method);
    expect(methods.slice(0, 2)).toEqual(["answerCallbackQuery", "editMessageReplyMarkup"]);
    expect(telegram.called("answerCallbackQuery")[0]?.payload.callback_query_id).toMatch(/^cb-/);
    expect(telegram.called("editMessageReplyMarkup")[0]?.payload).toMatchObject({
      chat_id: LAN,
      message_id: 1001,
      reply_markup: { inline_keyboard: [] },
    });
    expect(inbound.at(-1)).toEqual(
      expect.objectContaining({ channel: "telegram", userId: String(LAN), action: "v1:consent:yes" }),
    );
    expect(methods).toContain("sendMessage");
  });

  it("answers forged or stale button data politely instead of failing", async () => {
    const { channel, telegram } = await testChannel();
    await channel.handleUpdate(callbackUpdate(LAN, "v9:drop-table:learners"));
    expect(telegram.called("answerCallbackQuery")).toHaveLength(1);
    expect(telegram.sent()).toHaveLength(1);
    expect(telegram.sent()[0]?.text).toBe(messages.unknownAction);
  });

  it("answers forwarded text like typed text", async () => {
    const { channel, telegram, inbound } = await testChannel();
    await channel.handleUpdate(fixture("forwarded-text"));
    expect(inbound).toHaveLength(1);
    expect(inbound[0]?.text).toContain("lừa đảo");
    expect(telegram.sent().length).toBeGreaterThan(0);
  });
});
