import { z } from "zod";

/**
 * Events of the Zalo Bot Platform webhook / getUpdates. The first four and `message.unsupported.received`
 * are in the platform's event table; `message.voice.received` (with `voice_url`) and `message.link.received`
 * come from later doc captures and public clients. Anything else is acknowledged and ignored.
 */
export const ZALO_EVENTS = [
  "message.text.received",
  "message.image.received",
  "message.sticker.received",
  "message.voice.received",
  "message.link.received",
  "message.unsupported.received",
] as const;
export type ZaloEventName = (typeof ZALO_EVENTS)[number];

/** Ids arrive as numbers or strings; we always keep strings. */
const id = z
  .union([z.string().trim().min(1).max(128), z.number().int().nonnegative()])
  .transform((v) => String(v));
/** A media address Zalo gives (photo, sticker, voice). Kept only in memory, never logged or stored. */
const mediaUrl = z.string().max(2048).optional();

export const zaloMessageSchema = z.object({
  message_id: id,
  date: z.number().optional(),
  from: z.object({ id, display_name: z.string().optional(), is_bot: z.boolean().optional() }),
  chat: z.object({ id, chat_type: z.string().optional() }),
  /** e.g. "CHAT_VOICE"; informative only, the event name decides. */
  message_type: z.string().max(64).optional(),
  text: z.string().optional(),
  /** The documented image field is `photo`; some deliveries name it `photo_url`. */
  photo: mediaUrl,
  photo_url: mediaUrl,
  caption: z.string().optional(),
  sticker: z.string().max(256).optional(),
  url: mediaUrl,
  voice_url: mediaUrl,
});
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

/** The envelope, before we know the event is one we handle. `message` is optional in the docs. */
const eventEnvelope = z.object({ event_name: z.string().min(1).max(100), message: z.unknown().optional() });

/** `{ok: true, result: {event_name, message}}` (documented) or a bare `{event_name, message}`. */
export const zaloEnvelopeSchema = z.union([
  z.object({ ok: z.boolean().optional(), result: eventEnvelope }).transform((v) => v.result),
  eventEnvelope,
]);

export type ZaloUpdate =
  | { kind: "known"; event: ZaloEventName; message: ZaloMessage }
  /** A known event without a message (the docs mark it optional): nobody to answer, acknowledged. */
  | { kind: "no-message"; event: ZaloEventName }
  | { kind: "unknown"; event: string };

/**
 * Parses a webhook body or a getUpdates result. Returns null when the body is not an update at all, or
 * when a known event carries a message we cannot read (there but malformed) — except a withheld
 * (unsupported) event, which is always acknowledged.
 */
export function parseZaloUpdate(body: unknown): ZaloUpdate | null {
  const envelope = zaloEnvelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const { event_name: event, message } = envelope.data;
  if (!(ZALO_EVENTS as readonly string[]).includes(event)) return { kind: "unknown", event };
  const known = event as ZaloEventName;
  if (message === undefined || message === null) return { kind: "no-message", event: known };
  const parsed = zaloMessageSchema.safeParse(message);
  if (parsed.success) return { kind: "known", event: known, message: parsed.data };
  // Withheld content is never "unreadable": whatever Zalo left out, it is acknowledged.
  return known === "message.unsupported.received" ? { kind: "no-message", event: known } : null;
}

export const isGroupChat = (message: ZaloMessage) => message.chat.chat_type?.toUpperCase() === "GROUP";
