import type { Logger } from "pino";
import { organizerWords } from "../catalog/organizer.ts";
import { LearnerStore } from "../learning/learner-store.ts";
import { ReviewSchedule } from "../learning/review-schedule.ts";
import type { ReplyOption } from "../messaging/message.ts";
import { inQuietHours, vietnamDate } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import type { Outbox } from "./outbox.ts";

export interface ReviewRemindersDeps {
  store: Store;
  outbox: Outbox;
  /** The reminder, from the message catalog. */
  message: { text: string; options?: ReplyOption[] };
  logger: Logger;
  now: () => Date;
  /** How often to look again while nobody is due yet today (default 15 minutes). */
  recheckMs?: number;
}

/** The day's review reminder broadcast: one id per Vietnam day, so every instance and restart queues it once. */
export const reviewBroadcastId = (day: string) => `rv-${day}`;

/**
 * Once a day, outside quiet hours, queues one broadcast to the learners who asked for a daily reminder and
 * have questions due. The broadcast worker delivers it like any notice: each recipient's state written
 * before and after the send, paced, a platform's "slow down" waited out, unreachable only on a real block.
 */
export function createReviewReminders(deps: ReviewRemindersDeps) {
  const learners = new LearnerStore(deps.store);
  const reviews = new ReviewSchedule(deps.store);
  const recheckMs = deps.recheckMs ?? 15 * 60_000;
  let lookedAt = Number.NEGATIVE_INFINITY;

  return {
    /** Queues today's reminder if it is due and not queued yet; resolves how many it is for. */
    async runOnce(): Promise<{ queued: number }> {
      const at = deps.now();
      if (inQuietHours(at) || at.getTime() - lookedAt < recheckMs) return { queued: 0 };
      lookedAt = at.getTime();
      const id = reviewBroadcastId(vietnamDate(at));
      if (await deps.outbox.get(id)) return { queued: 0 };
      const lease = await deps.store.acquireLease("review-reminders", 5 * 60_000);
      if (!lease) return { queued: 0 };
      try {
        const due: string[] = [];
        for (const personId of await learners.remindable())
          if (await reviews.countDue(personId, at)) due.push(personId);
        if (!due.length) return { queued: 0 };
        const input = {
          kind: "review" as const,
          ...deps.message,
          audienceLabel: organizerWords.reviewAudience,
          createdBy: "system",
          sendAt: at,
          urgent: false,
        };
        const { created } = await deps.outbox.create(input, due, at, id);
        if (created) deps.logger.info({ recipients: due.length }, "review reminders queued");
        return { queued: created ? due.length : 0 };
      } finally {
        await deps.store.releaseLease("review-reminders", lease);
      }
    },
  };
}
