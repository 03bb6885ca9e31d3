import type { Logger } from "pino";
import { Identities } from "../learning/identity.ts";
import { Reachability } from "../learning/reachability.ts";
import type { Channel } from "../messaging/message.ts";
import type { ChannelSender } from "../messaging/sender.ts";
import { errorCode } from "../shared/app-error.ts";
import { createBroadcastWorker } from "./broadcast-worker.ts";
import type { OrganizerServices } from "./organizer.ts";
import { Pacer } from "./paced-sender.ts";
import { createReviewReminders, type ReviewRemindersDeps } from "./review-reminders.ts";
import { createScheduler, type SchedulerDeps } from "./scheduler.ts";

export interface OrganizerRuntimeDeps {
  org: OrganizerServices;
  senders: Partial<Record<Channel, ChannelSender>>;
  logger: Logger;
  /** BROADCAST_RATE_PER_S and BROADCAST_CHAT_SPACING_MS. */
  ratePerSecond: number;
  chatSpacingMs: number;
  reminder: SchedulerDeps["reminder"];
  /** The daily review reminder (from the message catalog); without it no review reminders are queued. */
  reviewReminder?: ReviewRemindersDeps["message"];
  concurrency?: number;
  leaseMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

/**
 * The organizer's background work: due jobs (class reminders) and the day's review reminder become
 * broadcasts, and the broadcast worker sends what is due. `start()` runs it every `intervalMs`; `stop()` finishes the send in flight,
 * leaves the rest pending and resolves.
 */
export function createOrganizerRuntime(deps: OrganizerRuntimeDeps) {
  const { logger } = deps;
  const now = deps.now ?? (() => new Date());
  const { scheduler, reviewReminders, worker } = backgroundJobs(deps, now);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function runOnce(): Promise<void> {
    try {
      await scheduler.runOnce();
      await reviewReminders?.runOnce();
      await worker.runOnce();
    } catch (error) {
      logger.warn({ code: errorCode(error) }, "organizer jobs failed");
    }
  }

  return {
    runOnce,
    start(intervalMs = 2000): void {
      const loop = () => {
        if (stopped) return;
        running = runOnce().then(() => {
          if (!stopped) timer = setTimeout(loop, intervalMs);
        });
      };
      loop();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      worker.stop();
      await running;
    },
  };
}

/**
 * The three jobs: class reminders, the daily review reminder (when there is a message for it) and the
 * broadcast worker over the organizer's outbox, paced at BROADCAST_RATE_PER_S and the chat spacing.
 */
function backgroundJobs(deps: OrganizerRuntimeDeps, now: () => Date) {
  const { org, logger } = deps;
  const scheduler = createScheduler({
    store: org.store,
    classes: org.classes,
    outbox: org.outbox,
    reminder: deps.reminder,
    logger,
    now,
  });
  const reviewReminders = deps.reviewReminder
    ? createReviewReminders({
        store: org.store,
        outbox: org.outbox,
        message: deps.reviewReminder,
        logger,
        now,
      })
    : null;
  const worker = createBroadcastWorker({
    store: org.store,
    outbox: org.outbox,
    identities: new Identities(org.store),
    reachability: new Reachability(org.store),
    senders: deps.senders,
    pacer: new Pacer({
      ratePerSecond: deps.ratePerSecond,
      chatSpacingMs: deps.chatSpacingMs,
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.clock ? { now: deps.clock } : {}),
    }),
    logger,
    now,
    ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
    ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
  });
  return { scheduler, reviewReminders, worker };
}
