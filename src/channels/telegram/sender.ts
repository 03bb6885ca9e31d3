import { type Api, GrammyError, HttpError } from "grammy";
import type { Message, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import type { Logger } from "pino";
import type { Reachability } from "../../learning/reachability.ts";
import type { Reply } from "../../messaging/message.ts";
import type { ChannelSender, SendOutcome } from "../../messaging/sender.ts";
import { errorCode as anyErrorCode } from "../../shared/app-error.ts";
import { type OutboundMessage, renderReply } from "./render.ts";

/** Where replies go: a chat, optionally as an answer to one of its messages (groups). */
export interface SendTarget {
  chatId: number;
  replyTo?: number;
  /** A reply keyboard (or its removal) for every message that has no inline buttons (private chats). */
  keyboard?: ReplyKeyboardMarkup | ReplyKeyboardRemove;
}

/**
 * Sends replies in order, each split to Telegram's limit. Resolves the ids of sent messages that carry
 * callback buttons; rejects with the API error of the first message that could not be sent.
 */
export async function sendReplies(api: Api, target: SendTarget, replies: Reply[]): Promise<number[]> {
  const withButtons: number[] = [];
  let first = true;
  for (const reply of replies) {
    for (const message of renderReply(reply)) {
      const sent = await sendOne(api, target, message, first ? target.replyTo : undefined);
      first = false;
      const rows = message.replyMarkup?.inline_keyboard ?? [];
      if (rows.some((row) => row.some((b) => "callback_data" in b))) withButtons.push(sent.message_id);
    }
  }
  return withButtons;
}

async function sendOne(
  api: Api,
  target: SendTarget,
  message: OutboundMessage,
  replyTo: number | undefined,
): Promise<Message.TextMessage> {
  const markup = message.replyMarkup ?? target.keyboard;
  const extra = {
    link_preview_options: { is_disabled: true },
    ...(markup ? { reply_markup: markup } : {}),
    ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
  };
  try {
    return await api.sendMessage(target.chatId, message.html, { ...extra, parse_mode: "HTML" });
  } catch (error) {
    // Our escaping should make this impossible; if Telegram still rejects the markup, send plain text.
    const badMarkup =
      error instanceof GrammyError && error.error_code === 400 && /parse entities/i.test(error.description);
    if (!badMarkup) throw error;
    return api.sendMessage(target.chatId, message.plain, extra);
  }
}

/** A short code for an API failure that is safe to log (never the payload, the URL or the token). */
export function errorCode(error: unknown): string {
  if (error instanceof GrammyError) return `telegram-${error.error_code}`;
  if (error instanceof HttpError) return "network";
  return anyErrorCode(error);
}

/** Maps a send failure to the channel contract: 403 → unreachable, 429 → rate-limited, else failed. */
export function sendOutcomeOf(error: unknown): SendOutcome {
  if (error instanceof GrammyError && error.error_code === 403) return { status: "unreachable" };
  if (error instanceof GrammyError && error.error_code === 429) {
    const seconds = error.parameters?.retry_after ?? 1;
    return { status: "rate-limited", retryAfterMs: Math.max(0, seconds) * 1000 };
  }
  return { status: "failed", code: errorCode(error) };
}

export interface TelegramSenderDeps {
  api: Api;
  reachability: Reachability;
  logger: Logger;
}

/** Sends to a person's private chat (chat id = user id) outside a turn: broadcasts, reminders. */
export function createTelegramSender(deps: TelegramSenderDeps): ChannelSender {
  return {
    async send(userId, replies) {
      const chatId = Number(userId);
      if (!Number.isSafeInteger(chatId)) return { status: "failed", code: "bad-user-id" };
      try {
        await sendReplies(deps.api, { chatId }, replies);
        return { status: "sent" };
      } catch (error) {
        const outcome = sendOutcomeOf(error);
        if (outcome.status === "unreachable")
          await deps.reachability.markUnreachable("telegram", userId).catch((e: unknown) => {
            deps.logger.warn({ channel: "telegram", code: errorCode(e) }, "could not mark unreachable");
          });
        else deps.logger.warn({ channel: "telegram", code: errorCode(error) }, "send failed");
        return outcome;
      }
    },
  };
}
