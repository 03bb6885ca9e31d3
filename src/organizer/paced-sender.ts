export interface PacerOptions {
  /** Messages per second across all chats (Telegram: about 30; default 25). */
  ratePerSecond: number;
  /** Least time between two messages to the same chat. */
  chatSpacingMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Hands out send slots: a global rate, a per-chat spacing, and a pause for everyone when the platform
 * answers 429 (retry_after). Several workers may wait on one pacer.
 */
export class Pacer {
  private nextSlot = 0;
  private pausedUntil = 0;
  private readonly chatNext = new Map<string, number>();
  private readonly interval: number;
  private readonly catchUpMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: PacerOptions) {
    this.interval = options.ratePerSecond > 0 ? 1000 / options.ratePerSecond : 0;
    // Slots missed while a worker was busy (a slow disk, a timer firing late) may be caught up, but only
    // those of the last 5% of a second: at 25/s that is one message, so any second stays within 26.
    this.catchUpMs = this.interval * Math.max(1, Math.floor(options.ratePerSecond * 0.05));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Resolves when a message to `chat` may go out. */
  async acquire(chat: string): Promise<void> {
    for (;;) {
      // The global slot is reserved now; a chat that must still wait its spacing waits on its own, without
      // pushing every other recipient back.
      const slot = Math.max(this.nextSlot, this.pausedUntil, this.now() - this.catchUpMs);
      this.nextSlot = slot + this.interval;
      const at = Math.max(slot, this.chatNext.get(chat) ?? 0);
      this.chatNext.set(chat, at + this.options.chatSpacingMs);
      const wait = at - this.now();
      if (wait > 0) await this.sleep(wait);
      if (this.now() >= this.pausedUntil) break;
    }
    if (this.chatNext.size > 10_000) this.prune();
  }

  /** Holds every sender back for `ms` (a 429 with retry_after). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private prune(): void {
    const now = this.now();
    for (const [chat, at] of this.chatNext) if (at < now) this.chatNext.delete(chat);
  }
}
