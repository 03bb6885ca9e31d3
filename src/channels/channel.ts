import type { FastifyInstance } from "fastify";
import type { ChannelSender } from "../messaging/sender.ts";
import type { Store } from "../storage/store.ts";

/** A messaging channel as the composition root sees it. */
export interface ChannelRuntime {
  readonly name: "telegram" | "zalo" | "zalo-oa";
  readonly mode: "polling" | "webhook";
  readonly sender: ChannelSender;
  /** Adds the webhook route to the one HTTP server; does nothing in polling mode. */
  registerRoutes(app: FastifyInstance): void;
  /** Starts long polling (polling mode only); resolves once running. */
  start(): Promise<void>;
  /** Stops polling and waits for turns in flight. */
  stop(): Promise<void>;
  /** Shows or hides organizer commands in this person's command menu, where the platform has one. */
  setOrganizerMenu?(userId: string, organizer: boolean): Promise<void>;
}

/**
 * Claims an inbound event id once across restarts and instances (set-if-absent with a TTL).
 * Resolves true for the first delivery, false for every redelivery within `ttlMs`.
 */
export function claimDelivery(store: Store, key: string, ttlMs = 24 * 60 * 60 * 1000): Promise<boolean> {
  return store.set(`seen:${key}`, "1", { ifAbsent: true, ttlMs });
}
