import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { Assistant } from "../../../src/assistant/types.ts";
import { telegramMessages } from "../../../src/catalog/telegram.ts";
import { callbackUpdate, fixture, type Payload, testChannel } from "./helpers.ts";

const GROUP = -1001900000001;
const withButtons: Assistant = {
  handle: async () => [{ text: "Chọn một", options: [{ label: "Menu", action: "v1:menu" }] }],
};

function groupCallback(presser: number, messageId: number): Update {
  const update = callbackUpdate(presser, "v1:menu", messageId) as Payload;
  update.callback_query.message.chat = { id: GROUP, title: "Tổ 7 học kỹ năng số", type: "supergroup" };
  return update as Update;
}

describe("telegram bad input", () => {
  it.each(["sticker", "photo"])(
    "answers a %s with one polite note and does not call the assistant",
    async (kind) => {
      const { channel, telegram, inbound } = await testChannel();
      await channel.handleUpdate(fixture(kind));
      expect(inbound).toHaveLength(0);
      expect(telegram.sent()).toHaveLength(1);
      expect(telegram.sent()[0]).toMatchObject({ chat_id: 5550001, text: telegramMessages.textOnly });
    },
  );

  it.each(["edited-message", "channel-post"])("ignores a %s", async (kind) => {
    const { channel, telegram, inbound } = await testChannel();
    await channel.handleUpdate(fixture(kind));
    expect(inbound).toHaveLength(0);
    expect(telegram.calls).toHaveLength(0);
  });

  it("stays silent in a group unless mentioned", async () => {
    const { channel, telegram, inbound } = await testChannel();
    await channel.handleUpdate(fixture("group-plain"));
    expect(inbound).toHaveLength(0);
    expect(telegram.calls).toHaveLength(0);
  });

  it("answers a mention in a group with the mention removed, marked as a group turn, in the group", async () => {
    const { channel, telegram, inbound } = await testChannel();
    await channel.handleUpdate(fixture("group-mention"));
    expect(inbound).toEqual([
      expect.objectContaining({
        channel: "telegram",
        userId: "5550002",
        text: "cách kích hoạt tài khoản VNeID",
        inGroup: true,
      }),
    ]);
    const first = telegram.sent()[0];
    expect(first).toMatchObject({ chat_id: GROUP, reply_parameters: { message_id: 310 } });
  });

  it("answers a command addressed to the bot in a group, and ignores one for another bot", async () => {
    const { channel, inbound } = await testChannel();
    for (const [text, updateId] of [
      ["/trogiup@hocvuso_test_bot", 1],
      ["/trogiup@other_bot", 2],
    ] as const) {
      const update = fixture("group-plain") as Payload;
      update.update_id = updateId;
      update.message.text = text;
      update.message.entities = [{ offset: 0, length: text.length, type: "bot_command" }];
      await channel.handleUpdate(update as Update);
    }
    expect(inbound.map((i) => i.text)).toEqual(["/trogiup@hocvuso_test_bot"]);
  });

  it("only acknowledges a press on someone else's keyboard in a group", async () => {
    const { channel, telegram, inbound } = await testChannel({ assistant: withButtons });
    await channel.handleUpdate(fixture("group-mention"));
    const keyboardMessage = telegram.lastMessageId();
    telegram.clear();

    await channel.handleUpdate(groupCallback(5550999, keyboardMessage));
    expect(telegram.calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(telegram.calls[0]?.payload.text).toBe(telegramMessages.notYourKeyboard);
    expect(inbound).toHaveLength(1);

    await channel.handleUpdate(groupCallback(5550002, keyboardMessage));
    expect(inbound.at(-1)).toMatchObject({ userId: "5550002", action: "v1:menu", inGroup: true });
  });

  it("survives a failing Bot API without throwing", async () => {
    const { channel, telegram } = await testChannel({ assistant: withButtons });
    telegram.failNext("answerCallbackQuery", { ok: false, error_code: 400, description: "query is too old" });
    telegram.failNext("sendMessage", {
      ok: false,
      error_code: 400,
      description: "Bad Request: chat not found",
    });
    await expect(channel.handleUpdate(callbackUpdate(5550001, "v1:menu"))).resolves.toBeUndefined();
  });
});
