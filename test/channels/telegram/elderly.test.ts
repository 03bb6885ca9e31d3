import type { Update } from "grammy/types";
import { describe, expect, it, onTestFinished } from "vitest";
import { parseCommand } from "../../../src/assistant/commands.ts";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { learningMessages as lm } from "../../../src/catalog/assistant-learning.ts";
import { telegramMessages } from "../../../src/catalog/telegram.ts";
import type { TelegramChannel } from "../../../src/channels/telegram/create-telegram-channel.ts";
import {
  actionsOf,
  callbackUpdate,
  type FakeTelegram,
  fixture,
  type Payload,
  testChannel,
  textUpdate,
} from "./helpers.ts";

const BA = 5560001;
const BUTTONS = [
  [{ text: "Hỏi" }, { text: "Học bài" }],
  [{ text: "Kiểm tra" }, { text: "Tiến độ" }],
];

/** Onboards a Telegram learner by tapping, choosing step-by-step answers (elderly) or not. */
async function onboard(channel: TelegramChannel, telegram: FakeTelegram, user: number, elderly: boolean) {
  await channel.handleUpdate(textUpdate(user, "/start"));
  const mode = elderly ? "v1:mode:elderly" : "v1:mode:normal";
  for (const action of ["v1:consent:yes", "v1:group:nguoi-dan", "v1:to-skip", mode])
    await channel.handleUpdate(callbackUpdate(user, action, telegram.lastMessageId()));
}

const replyKeyboards = (telegram: FakeTelegram) =>
  telegram.sent().filter((p) => p.reply_markup && "keyboard" in p.reply_markup);
const removals = (telegram: FakeTelegram) =>
  telegram.sent().filter((p) => p.reply_markup?.remove_keyboard === true);

describe("telegram for elderly learners: the big buttons", () => {
  it("puts up four big, always-visible buttons once a learner chooses step-by-step answers", async () => {
    const { channel, telegram } = await testChannel();
    await onboard(channel, telegram, BA, true);
    const shown = replyKeyboards(telegram);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.chat_id).toBe(BA);
    expect(shown[0]?.reply_markup).toMatchObject({
      keyboard: BUTTONS,
      is_persistent: true,
      resize_keyboard: true,
    });
    // The end of onboarding carries the menu as inline buttons, so a short line brings the big ones.
    expect(shown[0]?.text).toBe(telegramMessages.elderlyKeyboardIntro);
    const menu = telegram.sent().at(-2);
    expect(actionsOf(menu)).toContain("v1:place");
  });

  it("never shows them to a learner in normal mode", async () => {
    const { channel, telegram } = await testChannel();
    await onboard(channel, telegram, BA, false);
    await channel.handleUpdate(textUpdate(BA, "/tiendo"));
    await channel.handleUpdate(textUpdate(BA, "cách kích hoạt tài khoản VNeID"));
    expect(telegram.sent().length).toBeGreaterThan(6);
    expect(replyKeyboards(telegram)).toHaveLength(0);
    expect(removals(telegram)).toHaveLength(0);
  });

  it("keeps them on plain replies, leaves inline buttons for options, and sends no extra line again", async () => {
    const { channel, telegram } = await testChannel();
    await onboard(channel, telegram, BA, true);
    telegram.clear();
    await channel.handleUpdate(textUpdate(BA, "Hỏi"));
    expect(telegram.sent()).toHaveLength(1);
    expect(telegram.sent()[0]?.reply_markup).toMatchObject({ keyboard: BUTTONS, is_persistent: true });

    telegram.clear();
    await channel.handleUpdate(textUpdate(BA, "/kiemtra"));
    expect(telegram.sent()).toHaveLength(1); // the topics, as inline buttons; no second intro line
    expect(actionsOf(telegram.sent()[0])[0]).toMatch(/^v1:quiz:/);
  });

  it("does what each big button says when it is tapped", async () => {
    const { channel, telegram, inbound } = await testChannel();
    await onboard(channel, telegram, BA, true);
    const said = async (text: string) => {
      telegram.clear();
      await channel.handleUpdate(textUpdate(BA, text));
      expect(inbound.at(-1)).toMatchObject({ text });
      return telegram.sent();
    };
    expect((await said("Hỏi"))[0]?.text).toBe(messages.askPrompt);
    const learn = await said("Học bài");
    expect(learn[0]?.text).toBe(messages.modulesTitle);
    expect(actionsOf(learn[0])[0]).toMatch(/^v1:module:/);
    const quiz = await said("Kiểm tra");
    expect(quiz[0]?.text).toBe(lm.chooseModuleQuiz);
    expect(actionsOf(quiz[0]).every((a) => a.startsWith("v1:quiz:"))).toBe(true);
    const progress = await said("Tiến độ");
    expect(progress[0]?.text).toMatch(/^Tiến độ của bạn \(Người dân\): đạt 0\/\d+ chủ đề bắt buộc\./);
  });

  it("keeps every button text a command the assistant knows, on any channel", () => {
    const names = telegramMessages.elderlyButtons.flat().map((text) => parseCommand(text)?.name);
    expect(names).toEqual(["ask", "learn", "quiz", "progress"]);
  });

  it("takes them away when the learner starts over, and brings them back on choosing elderly mode again", async () => {
    const { channel, telegram } = await testChannel();
    await onboard(channel, telegram, BA, true);
    telegram.clear();
    await channel.handleUpdate(textUpdate(BA, "/batdau"));
    expect(removals(telegram)).toHaveLength(1);
    expect(removals(telegram)[0]?.text).toContain("Xin chào");

    telegram.clear();
    for (const action of ["v1:consent:yes", "v1:group:nguoi-dan", "v1:to-skip", "v1:mode:normal"])
      await channel.handleUpdate(callbackUpdate(BA, action, telegram.lastMessageId()));
    await channel.handleUpdate(textUpdate(BA, "/tiendo"));
    expect(replyKeyboards(telegram)).toHaveLength(0);
    expect(removals(telegram)).toHaveLength(0); // taken away once is enough

    await channel.handleUpdate(textUpdate(BA, "/batdau"));
    for (const action of ["v1:consent:yes", "v1:group:nguoi-dan", "v1:to-skip", "v1:mode:elderly"])
      await channel.handleUpdate(callbackUpdate(BA, action, telegram.lastMessageId()));
    expect(replyKeyboards(telegram)).toHaveLength(1);
  });

  it("takes them away with the learner's data when it is erased", async () => {
    const { channel, telegram } = await testChannel();
    await onboard(channel, telegram, BA, true);
    telegram.clear();
    await channel.handleUpdate(callbackUpdate(BA, "v1:erase:yes", telegram.lastMessageId()));
    expect(removals(telegram)).toHaveLength(1);
    expect(removals(telegram)[0]?.text).toBe(lm.erased);
  });

  it("never puts them up in a group, even for a learner in elderly mode", async () => {
    const { channel, telegram } = await testChannel();
    await onboard(channel, telegram, 5550002, true); // Hùng, who writes in the group fixtures
    telegram.clear();
    await channel.handleUpdate(fixture("group-mention"));
    // A command that is private answers with a plain line, which in a private chat would carry the buttons.
    const command = fixture("group-plain") as Payload;
    command.message.text = "/tiendo@hocvuso_test_bot";
    command.message.entities = [{ offset: 0, length: command.message.text.length, type: "bot_command" }];
    await channel.handleUpdate(command as Update);
    expect(telegram.sent().at(-1)?.text).toBe(lm.privateOnly);
    expect(telegram.sent().length).toBeGreaterThan(1);
    expect(telegram.sent().every((p) => !p.reply_markup || "inline_keyboard" in p.reply_markup)).toBe(true);
  });
});

describe("telegram shows “typing…” while an answer is prepared", () => {
  it("sends the typing action to the chat before the reply", async () => {
    const { channel, telegram } = await testChannel();
    await onboard(channel, telegram, BA, false);
    telegram.clear();
    await channel.handleUpdate(textUpdate(BA, "cách kích hoạt tài khoản VNeID"));
    const methods = telegram.calls.map((c) => c.method);
    expect(methods[0]).toBe("sendChatAction");
    expect(telegram.calls[0]?.payload).toEqual({ chat_id: BA, action: "typing" });
    expect(methods.indexOf("sendMessage")).toBeGreaterThan(0);
  });

  it("in a group too, when the bot is addressed", async () => {
    const { channel, telegram } = await testChannel();
    await channel.handleUpdate(fixture("group-mention"));
    expect(telegram.calls[0]).toMatchObject({
      method: "sendChatAction",
      payload: { chat_id: -1001900000001, action: "typing" },
    });
    expect(telegram.calls.at(-1)?.method).toBe("sendMessage");
  });

  it("does not hold the answer back while a typing call hangs", async () => {
    const { channel, telegram } = await testChannel();
    let release = () => {};
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    onTestFinished(release);
    // Runs before the fake Bot API: the typing call never comes back (a 429 being waited out, say).
    channel.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendChatAction") await hanging;
      return prev(method, payload, signal);
    });
    const started = Date.now();
    await channel.handleUpdate(textUpdate(BA, "xin chào"));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(telegram.sent()[0]?.text).toContain("Xin chào");
  });

  it("still answers when Telegram refuses the typing action", async () => {
    const { channel, telegram } = await testChannel();
    telegram.failNext("sendChatAction", { ok: false, error_code: 400, description: "Bad Request" });
    await channel.handleUpdate(textUpdate(BA, "xin chào"));
    expect(telegram.called("sendChatAction")).toHaveLength(1);
    expect(telegram.sent()[0]?.text).toContain("Xin chào");
  });
});

describe("telegram groups: a reply to the bot's own message", () => {
  it("is answered, in reply, as a group turn", async () => {
    const { channel, telegram, inbound } = await testChannel();
    await channel.handleUpdate(fixture("group-reply-to-bot"));
    expect(inbound).toEqual([
      expect.objectContaining({ text: "còn nếu quên mật khẩu VNeID thì sao", inGroup: true }),
    ]);
    expect(telegram.sent()[0]).toMatchObject({
      chat_id: -1001900000001,
      reply_parameters: { message_id: 318 },
    });
  });

  it("while a reply to another person's message is left alone", async () => {
    const { channel, telegram, inbound } = await testChannel();
    await channel.handleUpdate(fixture("group-reply-to-person"));
    expect(inbound).toHaveLength(0);
    expect(telegram.calls).toHaveLength(0);
  });

  it("but a message in a forum topic the bot opened is not a reply to the bot", async () => {
    const { channel, inbound } = await testChannel();
    const update = fixture("group-reply-to-bot") as Payload;
    update.message.is_topic_message = true;
    update.message.message_thread_id = 312;
    update.message.reply_to_message.forum_topic_created = { name: "Hỏi đáp", icon_color: 7322096 };
    delete update.message.reply_to_message.text;
    await channel.handleUpdate(update as Update);
    expect(inbound).toHaveLength(0);
  });
});
