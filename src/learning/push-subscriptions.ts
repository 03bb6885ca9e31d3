import type { Store } from "../storage/store.ts";

/** A browser's Web Push subscription, as PushSubscription.toJSON() gives it. */
export interface PushSubscriptionRecord {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const key = (sessionId: string) => `push-sub:web:${sessionId}`;

/** The Web Push subscription of each web chat session that opted in to notices (one per session). */
export class PushSubscriptions {
  constructor(private readonly store: Store) {}

  async save(sessionId: string, subscription: PushSubscriptionRecord): Promise<void> {
    await this.store.set(key(sessionId), JSON.stringify(subscription));
  }

  async get(sessionId: string): Promise<PushSubscriptionRecord | null> {
    const raw = await this.store.get(key(sessionId));
    return raw ? (JSON.parse(raw) as PushSubscriptionRecord) : null;
  }

  async has(sessionId: string): Promise<boolean> {
    return (await this.store.get(key(sessionId))) !== null;
  }

  /** Forgets the subscription (unsubscribed, expired at the push service, or data erased). */
  async remove(sessionId: string): Promise<void> {
    await this.store.del(key(sessionId));
  }
}
