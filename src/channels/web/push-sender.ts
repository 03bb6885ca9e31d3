import type { Agent } from "node:https";
import type { Logger } from "pino";
import webpush from "web-push";
import { webPushMessages as wm } from "../../catalog/web.ts";
import { PushSubscriptions } from "../../learning/push-subscriptions.ts";
import { Reachability } from "../../learning/reachability.ts";
import { stripEmphasis } from "../../messaging/emphasis.ts";
import type { Reply } from "../../messaging/message.ts";
import type { ChannelSender, SendOutcome } from "../../messaging/sender.ts";
import type { Store } from "../../storage/store.ts";
import type { VapidKeys } from "./vapid.ts";

/** A notice older than this is dropped by the push service rather than shown late. */
export const PUSH_TTL_SECONDS = 24 * 3600;
export const PUSH_URGENCY = "normal";
/** Bytes of notice text in one notification (the encrypted payload must stay under 4 KB). */
const BODY_BYTES = 2400;

export interface WebPushSenderDeps {
  store: Store;
  vapid: () => Promise<VapidKeys>;
  /** VAPID subject: the ward's https address or a mailto: contact. */
  subject: string;
  logger: Logger;
  /** Tests only: the TLS agent that trusts a loopback stand-in of the push service. */
  agent?: Agent;
  timeoutMs?: number;
}

/** The notice as the service worker shows it: a title and the text, cut to fit, and its first options. */
export function pushPayload(replies: Reply[]): string {
  let body = replies.map((r) => stripEmphasis(r.text).trim()).join("\n\n");
  if (Buffer.byteLength(body) > BODY_BYTES) {
    const chars = [...body];
    while (Buffer.byteLength(chars.join("")) > BODY_BYTES - Buffer.byteLength(wm.more)) chars.pop();
    body = chars.join("").trimEnd() + wm.more;
  }
  // The buttons of the notice (a class's "Tham gia"), so the chat can offer them when it opens.
  const options = (replies.find((r) => r.options?.length)?.options ?? [])
    .slice(0, 4)
    .map(({ label, action }) => ({ label, action }));
  return JSON.stringify({ title: wm.title, body, url: "/", ...(options.length ? { options } : {}) });
}

/**
 * Sends notices to web learners as Web Push notifications (VAPID-signed, encrypted by web-push). A session
 * without a subscription is unreachable; a subscription the push service calls gone (404/410) is forgotten
 * and the session marked unreachable on the web until it subscribes again.
 */
export function createWebPushSender(deps: WebPushSenderDeps): ChannelSender {
  const subscriptions = new PushSubscriptions(deps.store);
  const reachability = new Reachability(deps.store);
  return {
    async send(userId, replies): Promise<SendOutcome> {
      const subscription = await subscriptions.get(userId);
      if (!subscription) return { status: "unreachable" };
      const keys = await deps.vapid();
      try {
        await webpush.sendNotification(subscription, pushPayload(replies), {
          vapidDetails: { subject: deps.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: PUSH_TTL_SECONDS,
          urgency: PUSH_URGENCY,
          timeout: deps.timeoutMs ?? 10_000,
          ...(deps.agent ? { agent: deps.agent } : {}),
        });
        return { status: "sent" };
      } catch (error) {
        const status = error instanceof webpush.WebPushError ? error.statusCode : 0;
        if (status === 404 || status === 410) {
          await subscriptions.remove(userId);
          await reachability.markUnreachable("web", userId);
          return { status: "unreachable" };
        }
        if (status === 429) {
          const seconds = Number(error instanceof webpush.WebPushError ? error.headers["retry-after"] : NaN);
          return { status: "rate-limited", retryAfterMs: (Number.isFinite(seconds) ? seconds : 1) * 1000 };
        }
        const code = status ? `push-${status}` : ((error as { code?: string }).code ?? "push-error");
        deps.logger.warn({ channel: "web", code }, "send failed");
        return { status: "failed", code };
      }
    },
  };
}
