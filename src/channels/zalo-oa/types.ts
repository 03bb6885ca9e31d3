import { z } from "zod";

/**
 * Zalo Official Account webhook events, as the OA docs and public clients (Chatwoot's Zalo OA channel)
 * show them: `{app_id, oa_id?, user_id_by_app, event_name, timestamp, sender: {id}, recipient: {id},
 * message: {msg_id, text}}` for what a follower sends, `{…, event_name: "follow" | "unfollow",
 * follower: {id}}` for following. `sender.id` / `follower.id` is the follower's id for this OA, the id
 * messages are sent to.
 */

/** Ids and times arrive as numbers or strings; we always keep strings. */
const id = z
  .union([z.string().trim().min(1).max(128), z.number().int().nonnegative()])
  .transform((v) => String(v));

/** Events a follower causes by sending something to the OA (each opens the consultation window). */
export const USER_MESSAGE_EVENTS = [
  "user_send_text",
  "user_send_image",
  "user_send_link",
  "user_send_audio",
  "user_send_video",
  "user_send_sticker",
  "user_send_location",
  "user_send_file",
  "user_send_gif",
  "user_send_business_card",
] as const;

/**
 * What a follower attached (`{type, payload: {url, …}}`; a shared link is `type: "link"`). Read leniently:
 * an odd attachment list is dropped, not a reason to refuse the event. Addresses stay in memory only.
 */
const attachments = z
  .array(
    z.object({
      type: z.string().max(40).optional(),
      payload: z.object({ url: z.string().max(2048).optional() }).optional(),
    }),
  )
  .max(20)
  .optional()
  .catch(undefined);

const messageEvent = z.object({
  event_name: z.enum(USER_MESSAGE_EVENTS),
  timestamp: id.optional(),
  sender: z.object({ id }),
  message: z.object({ msg_id: id, text: z.string().max(10_000).optional(), attachments }),
});

const followEvent = z.object({
  event_name: z.enum(["follow", "unfollow"]),
  timestamp: id.optional(),
  follower: z.object({ id }),
});

export type ZaloOaEvent =
  | {
      kind: "message";
      event: (typeof USER_MESSAGE_EVENTS)[number];
      userId: string;
      messageId: string;
      text?: string;
      /** For `user_send_link`: the address shared (the text, else the link attachment's url). */
      link?: string;
      at: Date;
    }
  | { kind: "follow"; userId: string; at: Date; timestamp: string }
  | { kind: "unfollow"; userId: string; at: Date; timestamp: string }
  /** Delivery receipts, echoes of our own sends, tag changes…: acknowledged, not handled. */
  | { kind: "other"; event: string };

/** The event's time: `timestamp` is in milliseconds; a missing or odd one is "now". */
function eventTime(timestamp: string | undefined, now: Date): Date {
  const ms = Number(timestamp);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : now;
}

/** Reads a verified webhook body; null when it is not an OA event at all. */
export function parseZaloOaEvent(body: unknown, now: Date): ZaloOaEvent | null {
  const envelope = z.object({ event_name: z.string().min(1).max(100) }).safeParse(body);
  if (!envelope.success) return null;
  const message = messageEvent.safeParse(body);
  if (message.success) {
    const { event_name, sender, message: m, timestamp } = message.data;
    const link =
      event_name === "user_send_link"
        ? m.text?.trim() || m.attachments?.find((a) => a.payload?.url?.trim())?.payload?.url?.trim()
        : undefined;
    return {
      kind: "message",
      event: event_name,
      userId: sender.id,
      messageId: m.msg_id,
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(link ? { link } : {}),
      at: eventTime(timestamp, now),
    };
  }
  const follow = followEvent.safeParse(body);
  if (follow.success) {
    const { event_name, follower, timestamp } = follow.data;
    return {
      kind: event_name,
      userId: follower.id,
      at: eventTime(timestamp, now),
      timestamp: timestamp ?? "",
    };
  }
  return { kind: "other", event: envelope.data.event_name };
}
