import type { Logger } from "pino";
import type { Channel, Reply } from "../assistant/types.ts";
import type { ChannelSender } from "../channels/channel.ts";
import { errorCode } from "../shared/app-error.ts";
import { inQuietHours, vietnamDate } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import type { Identities } from "./identity.ts";
import type { Reachability } from "./reachability.ts";
import type { ReviewSchedule } from "./review-schedule.ts";

export interface ReviewRemindersDeps {
  store: Store;
  reviews: ReviewSchedule;
  identities: Identities;
  reachability: Reachability;
  senders: Partial<Record<Channel, ChannelSender>>;
  /** The reminder itself, from the message catalog. */
  message: (due: number) => Reply;
  logger: Logger;
  now?: () => Date;
}

/**
 * Once a day, outside quiet hours, tells each opted-in learner how many questions are due. A lease makes
 * one instance do the round; a per-day marker makes a reminder go at most once even across restarts.
 */
export function createReviewReminders(deps: ReviewRemindersDeps) {
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;

  async function remind(personId: string, at: Date): Promise<"sent" | "none" | "unreachable"> {
    const due = await deps.reviews.countDue(personId, at);
    if (!due) return "none";
    const marker = `reminded:${personId}:${vietnamDate(at)}`;
    if (!(await deps.store.set(marker, "1", { ifAbsent: true, ttlMs: 2 * 86_400_000 }))) return "none";
    for (const account of await deps.identities.accountsOf(personId)) {
      const colon = account.indexOf(":");
      const channel = account.slice(0, colon) as Channel;
      const userId = account.slice(colon + 1);
      const sender = deps.senders[channel];
      if (!sender || !(await deps.reachability.isReachable(channel, userId))) continue;
      const outcome = await sender.send(userId, [deps.message(due)]);
      if (outcome.status === "sent") return "sent";
    }
    return "unreachable";
  }

  async function runOnce(): Promise<{ sent: number; unreachable: number }> {
    const at = now();
    const counts = { sent: 0, unreachable: 0 };
    if (inQuietHours(at)) return counts;
    const lease = await deps.store.acquireLease("review-reminders", 5 * 60_000);
    if (!lease) return counts;
    try {
      for (const personId of await deps.store.smembers("learners:remind")) {
        const result = await remind(personId, at);
        if (result !== "none") counts[result]++;
      }
    } finally {
      await deps.store.releaseLease("review-reminders", lease);
    }
    if (counts.sent || counts.unreachable) deps.logger.info(counts, "review reminders");
    return counts;
  }

  return {
    runOnce,
    /** A round right away (after a restart the day's reminders need not wait), then every interval. */
    start(intervalMs = 15 * 60_000): void {
      const round = () => {
        runOnce().catch((error) => deps.logger.warn({ code: errorCode(error) }, "reminders failed"));
      };
      round();
      timer = setInterval(round, intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
  };
}
