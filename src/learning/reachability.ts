import type { Channel } from "../messaging/message.ts";
import type { Store } from "../storage/store.ts";

const key = (channel: Channel) => `unreachable:${channel}`;

/** Channel accounts that blocked the bot or left; broadcasts skip them until they write again. */
export class Reachability {
  constructor(private readonly store: Store) {}

  async markUnreachable(channel: Channel, userId: string): Promise<void> {
    await this.store.sadd(key(channel), userId);
  }

  async markReachable(channel: Channel, userId: string): Promise<void> {
    await this.store.srem(key(channel), userId);
  }

  isReachable(channel: Channel, userId: string): Promise<boolean> {
    return this.store.sismember(key(channel), userId).then((blocked) => !blocked);
  }
}
