/**
 * Broadcast pacing: N recipients through the outbox, the paced sender (Pacer) and the broadcast worker
 * of src/organizer/, over a fake channel that records every send and answers some with 429.
 *
 * Time is scaled: Telegram's ~25 messages/s would make 10,000 recipients take 400 s, so the bench
 * configures a higher rate (default 1000/s) and scales each injected retry_after by the same factor
 * (1 s at 25/s → 25 ms at 1000/s). efficiency = achieved rate / configured rate, where achieved =
 * recipients sent / wall time of the worker's run (reading the outbox to finishing it).
 *
 * The organizer modules are loaded with a dynamic import so that, while they are being written, a missing
 * or changed API makes this section report null with a note instead of stopping the whole bench.
 */

import { Identities } from "../../src/learning/identity.ts";
import { Reachability } from "../../src/learning/reachability.ts";
import type { Reply } from "../../src/messaging/message.ts";
import type { ChannelSender, SendOutcome } from "../../src/messaging/sender.ts";
import type { Store } from "../../src/storage/store.ts";
import { progress, round, silentLogger } from "./lib.ts";

export interface BroadcastOptions {
  recipients: number;
  /** Configured pacer rate, messages per second. */
  ratePerSecond: number;
  /** Every `rateLimitEvery`-th send attempt is answered 429 (0 = never). */
  rateLimitEvery: number;
  /** retry_after of an injected 429, in ms (already scaled). */
  retryAfterMs: number;
  /** The pacer's least gap between two messages to one chat (BROADCAST_CHAT_SPACING_MS, scaled). */
  chatSpacingMs: number;
  /** Sends in flight in the worker; omitted → the worker's own default (what production runs). */
  concurrency?: number;
}

export interface BroadcastFigures {
  broadcast_efficiency: number | null;
  broadcast_duplicates: number | null;
  broadcast_lost: number | null;
  broadcast_achieved_per_s: number | null;
  broadcast_configured_per_s: number;
  broadcast_rate_limited: number | null;
  broadcast_ms: number | null;
}

export const UNAVAILABLE = "broadcast sender not available";

/** A ChannelSender that records deliveries per user and injects 429s at a fixed cadence. */
export function fakeSender(options: Pick<BroadcastOptions, "rateLimitEvery" | "retryAfterMs">) {
  const delivered = new Map<string, number>();
  let attempts = 0;
  let rateLimited = 0;
  const sender: ChannelSender = {
    async send(userId: string, _replies: Reply[]): Promise<SendOutcome> {
      attempts++;
      if (options.rateLimitEvery > 0 && attempts % options.rateLimitEvery === 0) {
        rateLimited++;
        return { status: "rate-limited", retryAfterMs: options.retryAfterMs };
      }
      delivered.set(userId, (delivered.get(userId) ?? 0) + 1);
      return { status: "sent" };
    },
  };
  return {
    sender,
    delivered,
    attempts: () => attempts,
    rateLimited: () => rateLimited,
  };
}

const empty = (configured: number): BroadcastFigures => ({
  broadcast_efficiency: null,
  broadcast_duplicates: null,
  broadcast_lost: null,
  broadcast_achieved_per_s: null,
  broadcast_configured_per_s: configured,
  broadcast_rate_limited: null,
  broadcast_ms: null,
});

/** Runs one broadcast to `recipients` people on `store` (which must be empty); never throws. */
export async function benchBroadcast(
  store: Store,
  options: BroadcastOptions,
): Promise<{ figures: BroadcastFigures; note?: string }> {
  let organizer: {
    outbox: typeof import("../../src/organizer/outbox.ts");
    pacer: typeof import("../../src/organizer/paced-sender.ts");
    worker: typeof import("../../src/organizer/broadcast-worker.ts");
  };
  try {
    organizer = {
      outbox: await import("../../src/organizer/outbox.ts"),
      pacer: await import("../../src/organizer/paced-sender.ts"),
      worker: await import("../../src/organizer/broadcast-worker.ts"),
    };
    if (
      typeof organizer.outbox.Outbox !== "function" ||
      typeof organizer.pacer.Pacer !== "function" ||
      typeof organizer.worker.createBroadcastWorker !== "function"
    )
      throw new Error("organizer exports changed");
  } catch (error) {
    return { figures: empty(options.ratePerSecond), note: `${UNAVAILABLE} (${(error as Error).message})` };
  }

  try {
    const outbox = new organizer.outbox.Outbox(store);
    const people = Array.from({ length: options.recipients }, (_, i) => `telegram:${8_000_000_000 + i}`);
    const { id } = await outbox.create(
      {
        kind: "notice",
        text: "Thông báo: lớp học kỹ năng số tối thứ Bảy tại nhà văn hóa tổ dân phố.",
        audienceLabel: "bench",
        createdBy: "system",
        sendAt: new Date(Date.now() - 1000),
        urgent: true, // the bench must not depend on the clock (quiet hours 21:00–07:00)
      },
      people,
      new Date(),
    );
    const fake = fakeSender(options);
    const pacer = new organizer.pacer.Pacer({
      ratePerSecond: options.ratePerSecond,
      chatSpacingMs: options.chatSpacingMs,
    });
    const worker = organizer.worker.createBroadcastWorker({
      store,
      outbox,
      identities: new Identities(store),
      reachability: new Reachability(store),
      senders: { telegram: fake.sender },
      pacer,
      logger: silentLogger,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    });
    const ticker = setInterval(() => {
      progress(`  broadcast: ${fake.delivered.size}/${options.recipients} sent`);
    }, 2000);
    const started = performance.now();
    try {
      await worker.runOnce();
    } finally {
      clearInterval(ticker);
    }
    const elapsedMs = performance.now() - started;
    const counts = await outbox.counts(id);
    const duplicates = [...fake.delivered.values()].filter((n) => n > 1).length;
    const lost = people.filter((p) => !fake.delivered.has(p.slice("telegram:".length))).length;
    if (counts.sent !== fake.delivered.size)
      progress(`  broadcast: outbox counts ${counts.sent} sent but the channel got ${fake.delivered.size}`);
    const achieved = fake.delivered.size / (elapsedMs / 1000);
    return {
      figures: {
        broadcast_efficiency: round(achieved / options.ratePerSecond, 3),
        broadcast_duplicates: duplicates,
        broadcast_lost: lost,
        broadcast_achieved_per_s: round(achieved, 1),
        broadcast_configured_per_s: options.ratePerSecond,
        broadcast_rate_limited: fake.rateLimited(),
        broadcast_ms: Math.round(elapsedMs),
      },
    };
  } catch (error) {
    const message = (error as Error).message;
    return { figures: empty(options.ratePerSecond), note: `broadcast worker failed: ${message}` };
  }
}
