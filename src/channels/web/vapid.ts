import webpush from "web-push";
import type { Store } from "../../storage/store.ts";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const KEY = "secret:vapid";

/**
 * The server's VAPID key pair for Web Push: made on first start and kept in the store, so every instance
 * signs with the same pair and browsers' subscriptions survive restarts. Never logged.
 */
export function vapidKeys(store: Store): () => Promise<VapidKeys> {
  let keys: Promise<VapidKeys> | undefined;
  return () => {
    keys ??= (async () => {
      await store.set(KEY, JSON.stringify(webpush.generateVAPIDKeys()), { ifAbsent: true });
      return JSON.parse((await store.get(KEY)) as string) as VapidKeys;
    })().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };
}
