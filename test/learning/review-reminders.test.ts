import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/assistant/types.ts";
import type { ChannelSender, SendOutcome } from "../../src/channels/channel.ts";
import { Identities } from "../../src/learning/identity.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { Reachability } from "../../src/learning/reachability.ts";
import { createReviewReminders } from "../../src/learning/review-reminders.ts";
import { ReviewSchedule } from "../../src/learning/review-schedule.ts";
import { inQuietHours } from "../../src/shared/vietnam-time.ts";
import { silentLogger, tempStore } from "../helpers/core.ts";

function recordingSender(outcome: SendOutcome = { status: "sent" }) {
  const sent: { userId: string; replies: Reply[] }[] = [];
  const sender: ChannelSender = {
    async send(userId, replies) {
      sent.push({ userId, replies });
      return outcome;
    },
  };
  return { sender, sent };
}

async function setup(now: { value: Date }) {
  const store = await tempStore();
  const reviews = new ReviewSchedule(store);
  const learners = new LearnerStore(store);
  const telegram = recordingSender();
  const reminders = createReviewReminders({
    store,
    reviews,
    identities: new Identities(store),
    reachability: new Reachability(store),
    senders: { telegram: telegram.sender },
    message: (due) => ({ text: `due ${due}` }),
    logger: silentLogger,
    now: () => now.value,
  });
  return { store, reviews, learners, telegram, reminders };
}

describe("daily review reminders", () => {
  it("knows Vietnam's quiet hours, 21:00 to 07:00", () => {
    expect(inQuietHours(new Date("2026-11-26T14:00:00Z"))).toBe(true); // 21:00 in Hà Nội
    expect(inQuietHours(new Date("2026-11-26T23:59:00Z"))).toBe(true); // 06:59
    expect(inQuietHours(new Date("2026-11-27T00:00:00Z"))).toBe(false); // 07:00
    expect(inQuietHours(new Date("2026-11-26T13:59:00Z"))).toBe(false); // 20:59
  });

  it("sends the day's reminders as soon as it starts (after a restart), not one interval later", async () => {
    const now = { value: new Date("2026-11-25T03:00:00Z") };
    const { reviews, learners, telegram, reminders } = await setup(now);
    await reviews.answeredWrong("telegram:1", "vneid-01", now.value);
    await learners.setRemind("telegram:1", true);
    now.value = new Date("2026-11-27T02:00:00Z"); // 09:00 in Hà Nội, one question due
    reminders.start(60 * 60_000);
    try {
      await expect.poll(() => telegram.sent.length).toBe(1);
    } finally {
      reminders.stop();
    }
    expect(telegram.sent[0]?.replies[0]?.text).toBe("due 1");
  });

  it("reminds an opted-in learner once a day with the number due, never in quiet hours", async () => {
    const now = { value: new Date("2026-11-25T03:00:00Z") };
    const { reviews, learners, telegram, reminders } = await setup(now);
    await reviews.answeredWrong("telegram:1", "vneid-01", now.value);
    await reviews.answeredWrong("telegram:1", "vneid-02", now.value);
    await reviews.answeredWrong("telegram:2", "vneid-01", now.value); // not opted in
    await learners.setRemind("telegram:1", true);

    now.value = new Date("2026-11-26T15:00:00Z"); // 22:00 in Hà Nội
    expect(await reminders.runOnce()).toEqual({ sent: 0, unreachable: 0 });
    now.value = new Date("2026-11-27T02:00:00Z"); // 09:00
    expect(await reminders.runOnce()).toEqual({ sent: 1, unreachable: 0 });
    expect(telegram.sent).toEqual([{ userId: "1", replies: [{ text: "due 2" }] }]);
    now.value = new Date("2026-11-27T08:00:00Z"); // same day, 15:00
    await reminders.runOnce();
    expect(telegram.sent).toHaveLength(1);
  });

  it("skips learners who blocked the bot and those with nothing due", async () => {
    const now = { value: new Date("2026-11-25T03:00:00Z") };
    const { store, reviews, learners, telegram, reminders } = await setup(now);
    await reviews.answeredWrong("telegram:3", "vneid-01", now.value);
    await learners.setRemind("telegram:3", true);
    await learners.setRemind("telegram:4", true);
    await new Reachability(store).markUnreachable("telegram", "3");
    now.value = new Date("2026-11-27T02:00:00Z");
    expect(await reminders.runOnce()).toEqual({ sent: 0, unreachable: 1 });
    expect(telegram.sent).toHaveLength(0);
  });
});
