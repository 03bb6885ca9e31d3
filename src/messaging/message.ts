/**
 * The channel-neutral messages every layer speaks: what a person did on a channel and what is said back.
 * A leaf: it imports nothing of the project, so the domain, the dialogue and the channels can all use it.
 */
export const CHANNELS = ["web", "telegram", "zalo", "zalo-oa", "cli"] as const;
export type Channel = (typeof CHANNELS)[number];

/** One thing a person did on a channel, already parsed and verified by the channel adapter. */
export interface Inbound {
  channel: Channel;
  /** The channel's own id for the person (Telegram user id, Zalo user id, Zalo OA follower id, web session id). */
  userId: string;
  /** What the person typed, if anything. */
  text?: string;
  /** An option the person chose (an encoded action string; validated, never trusted). */
  action?: string;
  /** The name the platform shows for the person, when it gives one. */
  displayName?: string;
  /** True when the message came from a group chat: no onboarding and nothing personal is posted there. */
  inGroup?: boolean;
  /**
   * True when the platform delivered a shared link (Zalo's `message.link.received`, the Zalo OA's
   * `user_send_link`); `text` then holds the address when the platform gives one. A text that is nothing but
   * an address counts as pasted on every channel without this flag. The assistant answers a pasted link with
   * the lesson on checking links, unless the person was asked something they answer by typing (an open
   * organizer dialogue, an onboarding step, the name for the certificate), which then takes the text. The
   * link is never fetched, and never stored or logged beyond what that answer itself keeps.
   */
  pastedLink?: boolean;
}

export interface ReplyOption {
  /** Short text on the button (or after the number on channels without buttons). */
  label: string;
  /** Encoded action sent back when chosen; at most 64 bytes. */
  action: string;
  /**
   * The option's whole wording, for channels whose buttons can carry it (the web's quiz answers: "A. Mở
   * ứng dụng VNeID"). The reply text says it too, so channels that show only `label` lose nothing.
   */
  full?: string;
}

/** What the assistant says back; channel-neutral, rendered by each adapter. */
export interface Reply {
  /** Plain text; *single asterisks* mark emphasis, which adapters may render or strip. */
  text: string;
  options?: ReplyOption[];
  link?: { label: string; url: string };
  /**
   * The person answers this by typing (a tổ number, a name): channels without buttons list the options
   * without numbers, and a typed number is the answer itself, never "option N".
   */
  typedAnswer?: boolean;
}
