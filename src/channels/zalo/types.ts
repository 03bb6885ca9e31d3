import { z } from "zod";

/** Events the Zalo Bot Platform sends; anything else is acknowledged and ignored. */
export const ZALO_EVENTS = [
  "message.text.received",
  "message.image.received",
  "message.sticker.received",
  "message.voice.received",
  "message.unsupported.received",
] as const;
export type ZaloEventName = (typeof ZALO_EVENTS)[number];

/** Ids arrive as numbers or strings; we always keep strings. */
const id = z
  .union([z.string().trim().min(1).max(128), z.number().int().nonnegative()])
  .transform((v) => String(v));

export const zaloMessageSchema = z.object({
  message_id: id,
  date: z.number().optional(),
  from: z.object({ id, display_name: z.string().optional() }),
  chat: z.object({ id, chat_type: z.string().optional() }),
  text: z.string().optional(),
});
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

/** The envelope, before we know the event is one we handle. */
const eventEnvelope = z.object({ event_name: z.string().min(1).max(100), message: z.unknown().optional() });

/** `{ok: true, result: {event_name, message}}` (documented) or a bare `{event_name, message}`. */
export const zaloEnvelopeSchema = z.union([
  z.object({ ok: z.boolean().optional(), result: eventEnvelope }).transform((v) => v.result),
  eventEnvelope,
]);

export type ZaloUpdate =
  | { kind: "known"; event: ZaloEventName; message: ZaloMessage }
  | { kind: "unknown"; event: string };

/**
 * Parses a webhook body or a getUpdates result. Returns null when the body is not an update at all, or
 * when a known event carries a message we cannot read.
 */
export function parseZaloUpdate(body: unknown): ZaloUpdate | null {
  const envelope = zaloEnvelopeSchema.safeParse(body);
  if (!envelope.success) return null;
  const { event_name: event, message } = envelope.data;
  if (!(ZALO_EVENTS as readonly string[]).includes(event)) return { kind: "unknown", event };
  const parsed = zaloMessageSchema.safeParse(message);
  return parsed.success ? { kind: "known", event: event as ZaloEventName, message: parsed.data } : null;
}

export const isGroupChat = (message: ZaloMessage) => message.chat.chat_type?.toUpperCase() === "GROUP";
