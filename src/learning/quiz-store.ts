import type { Store } from "../storage/store.ts";
import type { QuizSession } from "./quiz-session.ts";

/** An unfinished quiz expires a day after it was last touched. */
export const QUIZ_TTL_MS = 24 * 60 * 60 * 1000;
const LEASE_MS = 10_000;
const key = (personId: string) => `quiz:${personId}`;

/** The one open quiz of each person, and a lease so one answer is processed at a time across instances. */
export class QuizStore {
  constructor(private readonly store: Store) {}

  async open(personId: string): Promise<QuizSession | null> {
    const raw = await this.store.get(key(personId));
    if (!raw) return null;
    try {
      return JSON.parse(raw) as QuizSession;
    } catch {
      return null;
    }
  }

  async save(personId: string, session: QuizSession): Promise<void> {
    await this.store.set(key(personId), JSON.stringify(session), { ttlMs: QUIZ_TTL_MS });
  }

  async close(personId: string): Promise<void> {
    await this.store.del(key(personId));
  }

  /**
   * Runs `work` while holding this person's quiz lease; resolves null without running it when another
   * turn (a double tap on another instance) holds the lease.
   */
  async exclusive<T>(personId: string, work: () => Promise<T>): Promise<T | null> {
    const token = await this.store.acquireLease(`quiz:${personId}`, LEASE_MS);
    if (!token) return null;
    try {
      return await work();
    } finally {
      await this.store.releaseLease(`quiz:${personId}`, token);
    }
  }
}
