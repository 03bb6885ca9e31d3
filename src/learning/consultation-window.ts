import type { Store } from "../storage/store.ts";

/**
 * How long after a resident's last message a Zalo Official Account may answer with free "consultation"
 * (tư vấn) messages. Zalo OA's help centre: 8 free replies within 48 hours of the follower's message,
 * renewed by each new message; anything later counts as a paid proactive message.
 */
export const CONSULTATION_WINDOW_MS = 48 * 60 * 60 * 1000;

const KEY = "zalo-oa:last-message";

/**
 * The time of each Zalo OA resident's last message, so broadcasts and reminders are sent only while the
 * consultation window is open and reported "ngoài thời hạn 48 giờ" otherwise.
 */
export class ConsultationWindow {
  constructor(
    private readonly store: Store,
    private readonly windowMs = CONSULTATION_WINDOW_MS,
  ) {}

  /** Records a message from the resident; an older time (a late redelivery) never moves it back. */
  async recordMessage(userId: string, at: Date): Promise<void> {
    const previous = Number((await this.store.hget(KEY, userId)) ?? 0);
    if (at.getTime() > previous) await this.store.hset(KEY, { [userId]: String(at.getTime()) });
  }

  /** True while a consultation message may still be sent to this resident. */
  async isOpen(userId: string, now: Date): Promise<boolean> {
    const last = Number((await this.store.hget(KEY, userId)) ?? 0);
    return last > 0 && now.getTime() - last < this.windowMs;
  }

  /** Zalo said the window is closed (its clock wins over ours): stop sending until they write again. */
  async close(userId: string): Promise<void> {
    await this.store.hdel(KEY, userId);
  }

  /** The last message time, for the learner's data export. */
  async lastMessage(userId: string): Promise<Date | null> {
    const last = Number((await this.store.hget(KEY, userId)) ?? 0);
    return last > 0 ? new Date(last) : null;
  }
}
