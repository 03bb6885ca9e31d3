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
}

export interface Assistant {
  /** Handles one inbound turn and never throws: failures become a polite reply. */
  handle(inbound: Inbound): Promise<Reply[]>;
}

/** The assistant as the composition root sees it: turns, plus the data-rights operations of background jobs. */
export interface DomainAssistant extends Assistant {
  /** Erases everything stored about a person (as /xoadulieu does), keeping only anonymous aggregates. */
  erasePerson(personId: string): Promise<void>;
}
