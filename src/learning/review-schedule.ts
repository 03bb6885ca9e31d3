import type { Store } from "../storage/store.ts";

/** Days until the next review for boxes 1…5; a question answered right in box 5 leaves the schedule. */
export const BOX_DAYS = [1, 2, 4, 8, 16] as const;
const DAY_MS = 24 * 60 * 60 * 1000;
const dueKey = (personId: string) => `review:${personId}`;
const boxKey = (personId: string) => `review-box:${personId}`;

/** A Leitner schedule of the questions a person answered wrong. */
export class ReviewSchedule {
  constructor(private readonly store: Store) {}

  /** A wrong answer (in any quiz or review) puts the question back in box 1, due tomorrow. */
  async answeredWrong(personId: string, qid: string, now: Date): Promise<void> {
    await this.store.hset(boxKey(personId), { [qid]: "1" });
    await this.store.zadd(dueKey(personId), now.getTime() + BOX_DAYS[0] * DAY_MS, qid);
  }

  /** A right answer in a review moves the question up a box, or out after the last box. */
  async answeredRight(personId: string, qid: string, now: Date): Promise<void> {
    const box = Number((await this.store.hget(boxKey(personId), qid)) ?? 0);
    if (!box) return; // not scheduled: nothing to move
    if (box >= BOX_DAYS.length) {
      await this.store.hdel(boxKey(personId), qid);
      await this.store.zrem(dueKey(personId), qid);
      return;
    }
    await this.store.hset(boxKey(personId), { [qid]: String(box + 1) });
    await this.store.zadd(dueKey(personId), now.getTime() + (BOX_DAYS[box] ?? 16) * DAY_MS, qid);
  }

  async due(personId: string, now: Date, limit = 10): Promise<string[]> {
    return (await this.store.zrangeByScore(dueKey(personId), 0, now.getTime(), limit)).map((m) => m.member);
  }

  async countDue(personId: string, now: Date): Promise<number> {
    return (await this.store.zrangeByScore(dueKey(personId), 0, now.getTime())).length;
  }

  async scheduled(personId: string): Promise<Record<string, string>> {
    return this.store.hgetall(boxKey(personId));
  }

  async erase(personId: string): Promise<void> {
    await this.store.del(dueKey(personId), boxKey(personId));
  }
}
