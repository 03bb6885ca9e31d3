import type { Logger } from "pino";
import type { Reachability } from "../../learning/reachability.ts";
import type { Reply } from "../../messaging/message.ts";
import type { ChannelSender, SendOutcome } from "../../messaging/sender.ts";
import type { Store } from "../../storage/store.ts";
import { perChatQueue } from "../per-chat-queue.ts";
import { splitMessage } from "../split-message.ts";
import { isQuotaError, isRetryableError, ZALO_MAX_TEXT, ZaloApiError, type ZaloClient } from "./client.ts";
import { optionsKey, saveOptions } from "./options.ts";
import { renderReplies } from "./render.ts";

export interface ZaloSenderDeps {
  client: ZaloClient;
  reachability: Reachability;
  logger: Logger;
  /** Where broadcast options are remembered, so "1" answers them like any other numbered list. */
  store: Store;
  /** Least time between two messages to the same chat (ZALO_SEND_INTERVAL_MS). */
  intervalMs: number;
  /** Extra attempts after a network error, 403/5xx (server errors) or, in a conversation, 429 (ZALO_SEND_RETRIES). */
  retries: number;
  /** First backoff delay; doubles on each retry. Default 500 ms. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface ZaloSender extends ChannelSender {
  /** Sends a conversation's replies to one chat in order, each split at 2000 characters, paced and retried. */
  sendTexts(chatId: string, texts: string[]): Promise<SendOutcome>;
}

/**
 * How long broadcasts pause after Zalo answers 429 "quota exceeded". Zalo documents neither the quota nor
 * its window, so the pause is generous; the broadcast worker pauses every send through its pacer.
 */
export const QUOTA_BACKOFF_MS = 30_000;

/** A turn's reply retries a 429 in place (the person is waiting); a notice leaves it to the outbox. */
type SendMode = "turn" | "notice";

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Keeps at least `intervalMs` between two sends to the same chat; forgets chats long quiet. */
function chatSpacing(intervalMs: number, sleep: (ms: number) => Promise<void>, now: () => number) {
  const lastSentAt = new Map<string, number>();
  return {
    async wait(chatId: string): Promise<void> {
      const last = lastSentAt.get(chatId);
      if (last === undefined) return;
      const wait = last + intervalMs - now();
      if (wait > 0) await sleep(wait);
    },
    /** A send to `chatId` was just attempted (sent or not). */
    attempted(chatId: string): void {
      lastSentAt.set(chatId, now());
      if (lastSentAt.size < 10_000) return;
      const cutoff = now() - intervalMs;
      for (const [chat, at] of lastSentAt) if (at < cutoff) lastSentAt.delete(chat);
    },
  };
}

export function createZaloSender(deps: ZaloSenderDeps): ZaloSender {
  const sleep = deps.sleep ?? defaultSleep;
  const baseDelayMs = deps.baseDelayMs ?? 500;
  const spacing = chatSpacing(deps.intervalMs, sleep, deps.now ?? Date.now);
  const queue = perChatQueue();

  async function sendOne(chatId: string, text: string, mode: SendMode): Promise<SendOutcome> {
    for (let attempt = 0; ; attempt++) {
      await spacing.wait(chatId);
      try {
        await deps.client.sendMessage({ chat_id: chatId, text });
        spacing.attempted(chatId);
        return { status: "sent" };
      } catch (error) {
        spacing.attempted(chatId);
        const code = error instanceof ZaloApiError ? error.code : "zalo-unknown";
        const quota = isQuotaError(error);
        if (quota && mode === "notice") {
          deps.logger.warn({ code }, "zalo quota exceeded, pausing broadcasts");
          return { status: "rate-limited", retryAfterMs: QUOTA_BACKOFF_MS };
        }
        const delay = baseDelayMs * 2 ** attempt;
        if ((quota || isRetryableError(error)) && attempt < deps.retries) {
          deps.logger.warn({ code, attempt: attempt + 1 }, "zalo send failed, retrying");
          await sleep(delay);
          continue;
        }
        deps.logger.warn({ code }, "zalo send failed");
        if (quota) return { status: "rate-limited", retryAfterMs: QUOTA_BACKOFF_MS };
        return { status: "failed", code };
      }
    }
  }

  async function sendTextsNow(chatId: string, texts: string[], mode: SendMode) {
    const parts = texts.flatMap((text) => splitMessage(text, ZALO_MAX_TEXT));
    for (const part of parts) {
      const outcome = await sendOne(chatId, part, mode);
      if (outcome.status !== "sent") return outcome;
    }
    return { status: "sent" } as const;
  }

  const sendTexts = (chatId: string, texts: string[], mode: SendMode = "turn"): Promise<SendOutcome> =>
    queue(chatId, () => sendTextsNow(chatId, texts, mode));

  return {
    sendTexts: (chatId, texts) => sendTexts(chatId, texts),
    /** For broadcasts and reminders: a private chat's id is the person's user id. */
    async send(userId: string, replies: Reply[]): Promise<SendOutcome> {
      if (!(await deps.reachability.isReachable("zalo", userId))) return { status: "unreachable" };
      const { texts, options } = renderReplies(replies);
      const outcome = await sendTexts(userId, texts, "notice");
      // A notice without options leaves the learner's last numbered list answerable.
      if (outcome.status === "sent" && options.length)
        await saveOptions(deps.store, optionsKey(userId), options);
      return outcome;
    },
  };
}
