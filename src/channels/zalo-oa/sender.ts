import type { Logger } from "pino";
import type { ConsultationWindow } from "../../learning/consultation-window.ts";
import type { Reachability } from "../../learning/reachability.ts";
import type { Reply } from "../../messaging/message.ts";
import type { ChannelSender, SendOutcome } from "../../messaging/sender.ts";
import type { Store } from "../../storage/store.ts";
import { perChatQueue } from "../per-chat-queue.ts";
import { splitMessage } from "../split-message.ts";
import { saveOptions } from "../zalo/options.ts";
import { renderReplies } from "../zalo/render.ts";
import { ZALO_OA_MAX_TEXT, type ZaloOaClient } from "./client.ts";
import { classifyOaFailure, oaErrorCode } from "./errors.ts";

/** Where a follower's last numbered options are kept (their own key space, apart from the Zalo bot's). */
export const oaOptionsKey = (userId: string) => `zalo-oa:options:${userId}`;

export interface ZaloOaSenderDeps {
  client: ZaloOaClient;
  store: Store;
  reachability: Reachability;
  window: ConsultationWindow;
  logger: Logger;
  /** Least time between two messages to one follower. Default 1000 ms. */
  intervalMs?: number;
  /** Extra attempts of a send that failed for a passing reason (network, 5xx, -100, -32, 429). Default 3. */
  retries?: number;
  /** First backoff delay; doubles each retry. Default 500 ms. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface ZaloOaSender extends ChannelSender {
  /** Sends texts to one follower in order (split at 2000 characters), paced and retried. */
  sendTexts(userId: string, texts: string[]): Promise<SendOutcome>;
}

/** What a send that will not be retried comes to; a closed window or a gone follower is recorded. */
async function failedOutcome(
  deps: ZaloOaSenderDeps,
  userId: string,
  failure: ReturnType<typeof classifyOaFailure>,
  code: string,
  delay: number,
): Promise<SendOutcome> {
  if (failure === "rate-limited") return { status: "rate-limited", retryAfterMs: delay };
  if (failure === "window-closed") {
    await deps.window.close(userId);
    return { status: "unreachable", reason: "outsideWindow" };
  }
  if (failure === "gone") {
    await deps.reachability.markUnreachable("zalo-oa", userId);
    return { status: "unreachable" };
  }
  return { status: "failed", code };
}

/**
 * Texts to followers, paced per follower, retried, one queue per follower. Kept whole (a little over 60
 * lines): sendOne, the queue and `send` share the per-follower spacing map, and the failure outcomes are
 * already apart in failedOutcome.
 */
export function createZaloOaSender(deps: ZaloOaSenderDeps): ZaloOaSender {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;
  const intervalMs = deps.intervalMs ?? 1000;
  const retries = deps.retries ?? 3;
  const baseDelayMs = deps.baseDelayMs ?? 500;
  const lastSentAt = new Map<string, number>();
  const queue = perChatQueue();

  async function sendOne(userId: string, text: string): Promise<SendOutcome> {
    for (let attempt = 0; ; attempt++) {
      const wait = (lastSentAt.get(userId) ?? 0) + intervalMs - now();
      if (wait > 0) await sleep(wait);
      try {
        await deps.client.sendText(userId, text);
        return { status: "sent" };
      } catch (error) {
        const failure = classifyOaFailure(error);
        const code = oaErrorCode(error);
        const delay = baseDelayMs * 2 ** attempt;
        if ((failure === "retry" || failure === "rate-limited") && attempt < retries) {
          deps.logger.warn({ code, attempt: attempt + 1 }, "zalo-oa send failed, retrying");
          await sleep(delay);
          continue;
        }
        deps.logger.warn({ code }, "zalo-oa send failed");
        return failedOutcome(deps, userId, failure, code, delay);
      } finally {
        lastSentAt.set(userId, now());
        if (lastSentAt.size > 10_000) lastSentAt.clear();
      }
    }
  }

  async function sendTextsNow(userId: string, texts: string[]): Promise<SendOutcome> {
    for (const part of texts.flatMap((text) => splitMessage(text, ZALO_OA_MAX_TEXT))) {
      const outcome = await sendOne(userId, part);
      if (outcome.status !== "sent") return outcome;
    }
    return { status: "sent" };
  }

  /** One queue per follower: two turns never interleave their messages or skip the pacing. */
  const sendTexts = (userId: string, texts: string[]) => queue(userId, () => sendTextsNow(userId, texts));

  return {
    sendTexts,
    /**
     * Broadcasts and reminders: only inside the 48-hour consultation window. Outside it nothing is sent
     * and the outcome says why, so the report shows "ngoài thời hạn 48 giờ".
     */
    async send(userId: string, replies: Reply[]): Promise<SendOutcome> {
      if (!(await deps.reachability.isReachable("zalo-oa", userId))) return { status: "unreachable" };
      if (!(await deps.window.isOpen(userId, new Date(now()))))
        return { status: "unreachable", reason: "outsideWindow" };
      const { texts, options } = renderReplies(replies);
      const outcome = await sendTexts(userId, texts);
      if (outcome.status === "sent" && options.length)
        await saveOptions(deps.store, oaOptionsKey(userId), options);
      return outcome;
    },
  };
}
