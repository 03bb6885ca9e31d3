import type { Logger } from "pino";
import { errorCode } from "../shared/app-error.ts";
import { vietnamDayStart } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import { LearnerStore } from "./learner-store.ts";

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  store: Store;
  /** Months without use after which a learner's details are removed (RETENTION_MONTHS). */
  months: number;
  /** Erases a person as /xoadulieu does (anonymous aggregates stay counted). */
  erase(personId: string): Promise<void>;
  /** Organizers keep their records: removing them would silently take their role away. */
  isOrganizer(personId: string): Promise<boolean>;
  logger: Logger;
  now?: () => Date;
}

/** The learner's last sign of life: the last day of use, else when they agreed, else first contact. */
function lastActive(profile: Record<string, string>): number {
  const seen = profile.seenOn ? vietnamDayStart(profile.seenOn) + DAY_MS - 1000 : Number.NaN;
  if (!Number.isNaN(seen)) return seen;
  const consent = Date.parse(profile.consentAt ?? "");
  return Number.isNaN(consent) ? Date.parse(profile.createdAt ?? "") : consent;
}

/**
 * Once a day, removes the details of learners inactive for RETENTION_MONTHS (30-day months). A lease makes
 * one instance do the round. Off when months is 0.
 */
export function createRetention(deps: RetentionDeps) {
  const now = deps.now ?? (() => new Date());
  const learners = new LearnerStore(deps.store);
  let timer: NodeJS.Timeout | undefined;

  async function runOnce(): Promise<{ erased: number }> {
    if (deps.months <= 0) return { erased: 0 };
    const lease = await deps.store.acquireLease("retention", 30 * 60_000);
    if (!lease) return { erased: 0 };
    let erased = 0;
    try {
      const cutoff = now().getTime() - deps.months * 30 * DAY_MS;
      for await (const id of learners.consenting()) {
        const profile = await learners.raw(id);
        const last = lastActive(profile);
        if (Number.isNaN(last) || last >= cutoff || (await deps.isOrganizer(id))) continue;
        await deps.erase(id);
        erased++;
      }
    } finally {
      await deps.store.releaseLease("retention", lease);
    }
    if (erased) deps.logger.info({ erased, months: deps.months }, "retention: inactive learners removed");
    return { erased };
  }

  return {
    runOnce,
    start(intervalMs = 24 * 3600_000): void {
      if (deps.months <= 0) return;
      const run = () =>
        runOnce().catch((error) => deps.logger.warn({ code: errorCode(error) }, "retention failed"));
      setTimeout(run, 60_000).unref();
      timer = setInterval(run, intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
    },
  };
}
