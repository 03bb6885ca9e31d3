import type { Store } from "../storage/store.ts";

/**
 * Counts wrong guesses of a guessable code (a link code, a check-in code) per account and per code, in the
 * store so every instance sees them. After `limit` failures within `windowMs` the account or the code is
 * locked until the window ends: a 6-digit code can no longer be found by trying.
 */
export class FailedAttempts {
  constructor(
    private readonly store: Store,
    private readonly name: string,
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private key(subject: string): string {
    return `fail:${this.name}:${subject}`;
  }

  /** True when this subject (an account, or a code) has used up its tries. */
  async locked(subject: string): Promise<boolean> {
    return Number((await this.store.get(this.key(subject))) ?? 0) >= this.limit;
  }

  /** Records a wrong try; the window starts at the first one. */
  async fail(subject: string): Promise<void> {
    const count = await this.store.incr(this.key(subject));
    if (count === 1) await this.store.expire(this.key(subject), this.windowMs);
  }

  /** Forgets the failures after a success. */
  async clear(subject: string): Promise<void> {
    await this.store.del(this.key(subject));
  }
}
