import { z } from "zod";
import type { Store } from "../storage/store.ts";
import type { FollowUpContext } from "../tutor/tutor.ts";

/** A follow-up ("bước 3", "còn cách nào khác") continues from the last answer for this long. */
export const FOLLOW_UP_TTL_MS = 30 * 60_000;

const followUpKey = (personId: string) => `fu:${personId}`;
const contextSchema = z.object({
  lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  section: z.number().int().min(0).max(99),
  step: z.number().int().min(0).max(99).optional(),
});

/**
 * What each person was last answered from — lesson id, section and step only, never their words — kept in
 * the store so every instance sees it, for 30 minutes.
 */
export class FollowUps {
  constructor(
    private readonly store: Store,
    private readonly ttlMs = FOLLOW_UP_TTL_MS,
  ) {}

  async get(personId: string): Promise<FollowUpContext | undefined> {
    const raw = await this.store.get(followUpKey(personId));
    if (!raw) return undefined;
    try {
      const parsed = contextSchema.safeParse(JSON.parse(raw));
      return parsed.success ? (parsed.data as FollowUpContext) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Exactly what is kept for a person, as stored (to show that nothing they typed is). */
  async stored(personId: string): Promise<string | null> {
    return this.store.get(followUpKey(personId));
  }

  async remember(personId: string, context: FollowUpContext): Promise<void> {
    const { lesson, section, step } = context;
    await this.store.set(
      followUpKey(personId),
      JSON.stringify({ lesson, section, ...(step ? { step } : {}) }),
      {
        ttlMs: this.ttlMs,
      },
    );
  }

  async forget(personId: string): Promise<void> {
    await this.store.del(followUpKey(personId));
  }
}
