import { randomInt } from "node:crypto";
import { accountOf, parseAccount } from "../messaging/account.ts";
import type { Channel } from "../messaging/message.ts";
import type { Store } from "../storage/store.ts";

const LINK_TTL_MS = 10 * 60_000;
const identityKey = (channel: Channel, userId: string) => `identity:${channel}:${userId}`;
const accountsKey = (personId: string) => `accounts:${personId}`;
const linkKey = (code: string) => `link-code:${code}`;

/**
 * Maps channel accounts to people, so progress and certificates follow the person, not the app.
 * An account that was never linked is its own person: `<channel>:<user id>`.
 */
export class Identities {
  constructor(private readonly store: Store) {}

  async personOf(channel: Channel, userId: string): Promise<string> {
    return (await this.store.get(identityKey(channel, userId))) ?? accountOf(channel, userId);
  }

  /** Every `channel:userId` account of a person (at least the person's own id). */
  async accountsOf(personId: string): Promise<string[]> {
    const linked = await this.store.smembers(accountsKey(personId));
    return [...new Set([personId, ...linked])];
  }

  /** A 6-digit one-time code, valid 10 minutes, that links another account to this person. */
  async createLinkCode(personId: string): Promise<string> {
    for (;;) {
      const code = String(randomInt(10_000_000, 100_000_000)); // 8 digits: 90 million to guess among
      if (await this.store.set(linkKey(code), personId, { ifAbsent: true, ttlMs: LINK_TTL_MS })) return code;
    }
  }

  /**
   * Links this account to the person who made the code. Resolves the person id, or null when the code
   * is unknown or expired. A code works once.
   */
  async redeemLinkCode(channel: Channel, userId: string, code: string): Promise<string | null> {
    const personId = await this.store.get(linkKey(code));
    if (!personId) return null;
    if ((await this.store.del(linkKey(code))) === 0) return null; // someone else redeemed it first
    const account = accountOf(channel, userId);
    if (account === personId) return personId;
    await this.store.set(identityKey(channel, userId), personId);
    await this.store.sadd(accountsKey(personId), account);
    return personId;
  }

  /** Removes every link of a person (data erasure). */
  async forget(personId: string): Promise<void> {
    for (const account of await this.accountsOf(personId)) {
      const { channel, userId } = parseAccount(account);
      if (account !== personId) await this.store.del(identityKey(channel, userId));
    }
    await this.store.del(accountsKey(personId));
  }
}
