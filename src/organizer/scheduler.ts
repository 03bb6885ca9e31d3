import type { Logger } from "pino";
import { organizerWords } from "../catalog/organizer.ts";
import type { ReplyOption } from "../messaging/message.ts";
import type { Store } from "../storage/store.ts";
import type { Classes, ClassRecord } from "./classes.ts";
import type { Outbox } from "./outbox.ts";

const JOBS = "jobs:due";
const HOUR = 3600_000;
export const REMINDER_HOURS = [24, 1] as const;

/** Queues the class's 24 h and 1 h reminders (those already past are skipped). */
export async function scheduleClassReminders(store: Store, record: ClassRecord, now: Date): Promise<void> {
  for (const hours of REMINDER_HOURS) {
    const at = record.startsAt.getTime() - hours * HOUR;
    if (at > now.getTime()) await store.zadd(JOBS, at, `remind:${hours}:${record.id}`);
  }
}

export interface SchedulerDeps {
  store: Store;
  classes: Classes;
  outbox: Outbox;
  /** The reminder, from the message catalog. */
  reminder(record: ClassRecord, hours: number): { text: string; options?: ReplyOption[] };
  logger: Logger;
  now?: () => Date;
}

/**
 * Turns due jobs (a sorted set by time, so it survives restarts) into outbox broadcasts. A reminder's
 * broadcast id is derived from the job, so a job run twice after a crash still sends once.
 */
export function createScheduler(deps: SchedulerDeps) {
  const now = deps.now ?? (() => new Date());

  async function runJob(job: string, at: Date): Promise<void> {
    const [kind, hours, classId] = job.split(":");
    const record = kind === "remind" && classId ? await deps.classes.get(classId) : null;
    if (record) {
      const message = deps.reminder(record, Number(hours));
      const created = await deps.outbox.create(
        {
          kind: "reminder",
          ...message,
          audienceLabel: organizerWords.classAudience(record.id),
          createdBy: "system",
          sendAt: at,
          urgent: false,
          ref: record.id,
        },
        await deps.classes.going(record.id),
        at,
        `r${hours}-${record.id}`,
      );
      if (created.created) deps.logger.info({ classId: record.id, hours }, "class reminder queued");
    }
    await deps.store.zrem(JOBS, job);
  }

  return {
    /** Runs every due job once, under a lease so one instance does it. */
    async runOnce(): Promise<number> {
      const at = now();
      const lease = await deps.store.acquireLease("org-jobs", 60_000);
      if (!lease) return 0;
      try {
        const due = await deps.store.zrangeByScore(JOBS, 0, at.getTime(), 100);
        for (const { member } of due) await runJob(member, at);
        return due.length;
      } finally {
        await deps.store.releaseLease("org-jobs", lease);
      }
    },
  };
}
