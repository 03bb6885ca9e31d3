import type { Store } from "../storage/store.ts";
import { Identities } from "./identity.ts";
import { LearnerStore } from "./learner-store.ts";
import { type PushSubscriptionRecord, PushSubscriptions } from "./push-subscriptions.ts";
import { Reachability } from "./reachability.ts";

/** A web learner turning notices on or off in the chat. */
export interface PushOptIn {
  /** Keeps the subscription; "no-consent" when the learner has not agreed to have anything stored. */
  subscribe(sessionId: string, subscription: PushSubscriptionRecord): Promise<"ok" | "no-consent">;
  unsubscribe(sessionId: string): Promise<void>;
  /** True when this session has a subscription. */
  subscribed(sessionId: string): Promise<boolean>;
}

export function createPushOptIn(store: Store): PushOptIn {
  const subscriptions = new PushSubscriptions(store);
  const identities = new Identities(store);
  const learners = new LearnerStore(store);
  const reachability = new Reachability(store);
  return {
    async subscribe(sessionId, subscription) {
      const person = await identities.personOf("web", sessionId);
      if (!(await learners.get(person))?.consentAt) return "no-consent";
      await subscriptions.save(sessionId, subscription);
      await reachability.markReachable("web", sessionId);
      return "ok";
    },
    unsubscribe: (sessionId) => subscriptions.remove(sessionId),
    subscribed: (sessionId) => subscriptions.has(sessionId),
  };
}
