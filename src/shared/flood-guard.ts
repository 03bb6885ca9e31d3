/** What to do with one more message from a sender. */
export type FloodVerdict = "ok" | "slow-down" | "drop";

/**
 * A sliding-window limit per sender (a learner, an IP address): `limit` messages per `windowMs`. The
 * first message over the limit gets "slow-down" (answer it politely once), the rest "drop" until the
 * window frees up. Kept in memory: each instance limits what reaches it.
 */
export class FloodGuard {
  private readonly recent = new Map<string, number[]>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxSenders = 100_000,
  ) {}

  check(sender: string): FloodVerdict {
    const t = this.now();
    const times = (this.recent.get(sender) ?? []).filter((at) => at > t - this.windowMs);
    if (times.length >= this.limit) {
      this.recent.set(sender, times);
      if (this.warned.has(sender)) return "drop";
      this.warned.add(sender);
      return "slow-down";
    }
    times.push(t);
    this.recent.set(sender, times);
    this.warned.delete(sender);
    if (this.recent.size > this.maxSenders) this.forgetQuiet(t);
    return "ok";
  }

  /** Drops senders with nothing in the window, so memory stays bounded under many senders. */
  private forgetQuiet(t: number): void {
    for (const [sender, times] of this.recent) {
      if ((times.at(-1) ?? 0) <= t - this.windowMs) {
        this.recent.delete(sender);
        this.warned.delete(sender);
      }
    }
  }
}
