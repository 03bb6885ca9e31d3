import type { Reply } from "./message.ts";

/** What happened to one outbound message; broadcasts and reminders count these. */
export type SendOutcome =
  | { status: "sent" }
  /**
   * The person blocked the bot or left (marked unreachable until they write again), or — with `reason`
   * "outsideWindow" — the channel may not message them now (a Zalo OA outside its 48-hour window).
   */
  | { status: "unreachable"; reason?: "outsideWindow" }
  /** The platform asked us to slow down; try again after this long. */
  | { status: "rate-limited"; retryAfterMs: number }
  /** Anything else (network, platform error); `code` is safe to log. */
  | { status: "failed"; code: string };

/** Sends assistant replies to one person of a channel, outside a conversation turn (broadcasts, reminders). */
export interface ChannelSender {
  send(userId: string, replies: Reply[]): Promise<SendOutcome>;
}
