import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { markEmphasis, stripEmphasis } from "../../messaging/emphasis.ts";
import type { Reply, ReplyOption } from "../../messaging/message.ts";
import { splitMessage } from "../split-message.ts";

/** Telegram's limit for one message text. */
export const TELEGRAM_MAX_CHARS = 4096;
/** Labels up to this many characters sit two to a row; longer ones get a row each. */
const SHORT_LABEL_CHARS = 20;

/** One sendMessage call: HTML text and, on the last part of a reply, its keyboard. */
export interface OutboundMessage {
  /** HTML for parse_mode "HTML": every character of the reply escaped, *emphasis* as <b>. */
  html: string;
  /** The same text without markup, for a retry without parse mode. */
  plain: string;
  replyMarkup?: InlineKeyboardMarkup;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Plain reply text → Telegram HTML: escaped first, then *x* → <b>x</b> (escaping never adds asterisks). */
export function toHtml(text: string): string {
  return markEmphasis(escapeHtml(text), (inner) => `<b>${inner}</b>`);
}

/** A reply as one or more messages, each within Telegram's limit; options and link go on the last one. */
export function renderReply(reply: Reply): OutboundMessage[] {
  const link = reply.link && isButtonUrl(reply.link.url) ? reply.link : undefined;
  const text = reply.link && !link ? `${reply.text}\n\n${reply.link.label}: ${reply.link.url}` : reply.text;
  const parts = splitForTelegram(text.trim() || "…");
  const markup = keyboard(reply.options ?? [], link);
  return parts.map((part, i) => ({
    html: toHtml(part),
    plain: stripEmphasis(part),
    ...(markup && i === parts.length - 1 ? { replyMarkup: markup } : {}),
  }));
}

/** True when some message of these replies has no inline buttons, so it can carry a reply keyboard. */
export function hasPlainMessage(replies: readonly Reply[]): boolean {
  return replies.some((reply) => renderReply(reply).some((message) => !message.replyMarkup));
}

/** Splits on paragraphs so that even the escaped HTML of each part stays within the limit. */
function splitForTelegram(text: string, max = TELEGRAM_MAX_CHARS): string[] {
  return splitMessage(text, max).flatMap((part) => {
    const rendered = toHtml(part).length;
    if (rendered <= TELEGRAM_MAX_CHARS || max <= 64) return [part];
    return splitForTelegram(part, Math.floor((max * TELEGRAM_MAX_CHARS) / rendered) - 8);
  });
}

/** Options as an inline keyboard (short labels in pairs, long ones alone) plus a URL button for a link. */
export function keyboard(
  options: readonly ReplyOption[],
  link?: { label: string; url: string },
): InlineKeyboardMarkup | undefined {
  const buttons: InlineKeyboardButton[] = options.map((o) => ({
    text: stripEmphasis(o.label),
    callback_data: o.action,
  }));
  const perRow = buttons.every((b) => [...b.text].length <= SHORT_LABEL_CHARS) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  if (link) rows.push([{ text: link.label, url: link.url }]);
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/** Telegram accepts only absolute http(s) and tg: URLs on buttons. */
function isButtonUrl(url: string): boolean {
  return /^(https?:\/\/[^\s/]+\.[^\s]+|tg:\/\/\S+)$/i.test(url);
}
