import type { Channel } from "./message.ts";

/** One account of a person on one channel. */
export interface AccountRef {
  channel: Channel;
  /** The channel's own id for the person (it may itself hold colons). */
  userId: string;
}

/** How an account is written in the store and in person ids: `<channel>:<channel user id>`. */
export const accountOf = (channel: Channel, userId: string): string => `${channel}:${userId}`;

/** The channel and user id of a stored account; the channel is taken as written (callers check it). */
export function parseAccount(account: string): AccountRef {
  const at = account.indexOf(":");
  return { channel: account.slice(0, at) as Channel, userId: account.slice(at + 1) };
}
