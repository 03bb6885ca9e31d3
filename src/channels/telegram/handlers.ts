import { sequentialize } from "@grammyjs/runner";
import type { Bot, Context } from "grammy";
import type { Message, User } from "grammy/types";
import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import { telegramMessages } from "../../catalog/telegram.ts";
import type { Reachability } from "../../learning/reachability.ts";
import type { Store } from "../../storage/store.ts";
import { claimDelivery } from "../channel.ts";
import { addressedText } from "./group.ts";
import { errorCode, sendReplies } from "./sender.ts";
import { createTurn, ownerKey } from "./turn.ts";
import { installVoiceHandler } from "./voice.ts";

export interface HandlerDeps {
  assistant: Assistant;
  store: Store;
  reachability: Reachability;
  logger: Logger;
}

/** Message kinds we cannot read; in a private chat they get one polite reply. */
const NON_TEXT_CONTENT = [
  "sticker",
  "photo",
  "voice",
  "audio",
  "video",
  "video_note",
  "animation",
  "document",
  "location",
  "venue",
  "contact",
  "poll",
  "dice",
  "story",
] as const;

const isGroup = (type: string | undefined) => type === "group" || type === "supergroup";

/**
 * Installs the whole update pipeline: exactly-once claim per update_id, per-chat sequencing, then
 * text, buttons, unreadable content and membership changes. Edited messages and channel posts have no
 * handler and are ignored; forwarded text is answered like typed text.
 */
export function installHandlers(bot: Bot, deps: HandlerDeps): void {
  const { logger, reachability } = deps;
  const quietly = (what: string) => (error: unknown) => {
    logger.warn({ channel: "telegram", code: errorCode(error) }, what);
  };

  bot.use(async (ctx, next) => {
    const first = await claimDelivery(deps.store, `telegram:update:${ctx.update.update_id}`).catch(
      (error: unknown) => {
        quietly("dedupe unavailable, handling anyway")(error);
        return true;
      },
    );
    if (first) await next();
    else logger.debug({ channel: "telegram" }, "duplicate update ignored");
  });
  bot.use(sequentialize((ctx: Context) => String(ctx.chat?.id ?? ctx.from?.id ?? "none")));
  installVoiceHandler(bot, deps); // before the reply to other media; deps carry the channel's transcriber

  const turn = createTurn(deps);

  const reachable = (from: User) =>
    reachability.markReachable("telegram", String(from.id)).catch(quietly("mark reachable"));
  const fromPerson = (message: Message) => !message.from?.is_bot && !message.sender_chat;

  bot.on("message:text", async (ctx) => {
    const message = ctx.message;
    if (!fromPerson(message)) return;
    if (ctx.chat.type === "private") {
      await reachable(message.from);
      await turn(ctx, message.from, { text: message.text }, { chatId: ctx.chat.id });
    } else if (isGroup(ctx.chat.type)) {
      const text = addressedText(message, ctx.me);
      if (text === null) return;
      await turn(
        ctx,
        message.from,
        { text, inGroup: true },
        { chatId: ctx.chat.id, replyTo: message.message_id },
      );
    }
  });

  bot.on("message", async (ctx) => {
    const message = ctx.message;
    if (ctx.chat.type !== "private" || !fromPerson(message)) return;
    if (!NON_TEXT_CONTENT.some((kind) => message[kind] !== undefined)) return;
    await reachable(message.from);
    await sendReplies(ctx.api, { chatId: ctx.chat.id }, [{ text: telegramMessages.textOnly }]).catch(
      quietly("reply not sent"),
    );
  });

  bot.on("callback_query", async (ctx) => {
    const query = ctx.callbackQuery;
    const message = query.message;
    const inGroup = isGroup(message?.chat.type);
    if (message && inGroup) {
      const owner = await deps.store.get(ownerKey(message.chat.id, message.message_id)).catch(() => null);
      if (owner && owner !== String(query.from.id)) {
        await ctx
          .answerCallbackQuery({ text: telegramMessages.notYourKeyboard })
          .catch(quietly("callback not answered"));
        return;
      }
    }
    await ctx.answerCallbackQuery().catch(quietly("callback not answered"));
    if (query.data === undefined) return;
    if (message) {
      // The pressed keyboard can't be used again; a message too old to edit keeps it, which is harmless.
      await ctx.api
        .editMessageReplyMarkup(message.chat.id, message.message_id, {
          reply_markup: { inline_keyboard: [] },
        })
        .catch((error: unknown) => logger.debug({ code: errorCode(error) }, "keyboard not removed"));
    }
    if (!inGroup) await reachable(query.from);
    const target = { chatId: message?.chat.id ?? query.from.id };
    await turn(ctx, query.from, { action: query.data, ...(inGroup ? { inGroup } : {}) }, target);
  });

  bot.on("my_chat_member", async (ctx) => {
    const update = ctx.myChatMember;
    if (update.chat.type !== "private") return;
    const status = update.new_chat_member.status;
    if (status === "kicked" || status === "left")
      await reachability.markUnreachable("telegram", String(update.from.id));
    else if (status === "member") await reachability.markReachable("telegram", String(update.from.id));
  });
}
