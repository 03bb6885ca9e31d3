import { sequentialize } from "@grammyjs/runner";
import type { Bot, Context, Filter } from "grammy";
import type { Message, User } from "grammy/types";
import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import { telegramMessages } from "../../catalog/telegram.ts";
import type { Reachability } from "../../learning/reachability.ts";
import type { Store } from "../../storage/store.ts";
import { claimDelivery } from "../channel.ts";
import { addressedText } from "./group.ts";
import { errorCode, sendReplies } from "./sender.ts";
import { createTurn, ownerKey, type Turn } from "./turn.ts";
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

/** What every handler below uses: the turn, the reachability mark and a logger for what may fail. */
interface HandlerKit {
  deps: HandlerDeps;
  turn: Turn;
  reachable: (from: User) => Promise<void>;
  quietly: (what: string) => (error: unknown) => void;
}

const fromPerson = (message: Message) => !message.from?.is_bot && !message.sender_chat;

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

  const kit: HandlerKit = {
    deps,
    quietly,
    turn: createTurn(deps),
    reachable: (from) =>
      reachability.markReachable("telegram", String(from.id)).catch(quietly("mark reachable")),
  };
  bot.on("message:text", (ctx) => onText(kit, ctx));
  bot.on("message", (ctx) => onUnreadable(kit, ctx));
  bot.on("callback_query", (ctx) => onButton(kit, ctx));
  bot.on("my_chat_member", async (ctx) => {
    const update = ctx.myChatMember;
    if (update.chat.type !== "private") return;
    const status = update.new_chat_member.status;
    if (status === "kicked" || status === "left")
      await reachability.markUnreachable("telegram", String(update.from.id));
    else if (status === "member") await reachability.markReachable("telegram", String(update.from.id));
  });
}

/** Text in a private chat, or addressed to the bot in a group (a reply there quotes the message). */
async function onText({ turn, reachable }: HandlerKit, ctx: Filter<Context, "message:text">): Promise<void> {
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
}

/** Stickers, photos and the like in a private chat: one polite "text only" reply. */
async function onUnreadable(kit: HandlerKit, ctx: Filter<Context, "message">): Promise<void> {
  const message = ctx.message;
  if (ctx.chat.type !== "private" || !fromPerson(message)) return;
  if (!NON_TEXT_CONTENT.some((kind) => message[kind] !== undefined)) return;
  await kit.reachable(message.from);
  await sendReplies(ctx.api, { chatId: ctx.chat.id }, [{ text: telegramMessages.textOnly }]).catch(
    kit.quietly("reply not sent"),
  );
}

/**
 * A pressed inline button: refused when a group keyboard belongs to someone else, otherwise answered,
 * its keyboard removed, and its action taken as the person's turn.
 */
async function onButton(
  { deps, turn, reachable, quietly }: HandlerKit,
  ctx: Filter<Context, "callback_query">,
): Promise<void> {
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
      .catch((error: unknown) => deps.logger.debug({ code: errorCode(error) }, "keyboard not removed"));
  }
  if (!inGroup) await reachable(query.from);
  const target = { chatId: message?.chat.id ?? query.from.id };
  await turn(ctx, query.from, { action: query.data, ...(inGroup ? { inGroup } : {}) }, target);
}
