import { describe, expect, it } from "vitest";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { Reachability } from "../../src/learning/reachability.ts";
import { ReviewSchedule } from "../../src/learning/review-schedule.ts";
import type { SendOutcome } from "../../src/messaging/sender.ts";
import { reviewBroadcastId } from "../../src/organizer/review-reminders.ts";
import { inQuietHours } from "../../src/shared/vietnam-time.ts";
import { tempStore } from "../helpers/core.ts";
import { fakeClock, recordingSender, testOrganizer, testRuntime } from "./helpers.ts";

const REMINDER = { text: "ôn bài nhé", options: [{ label: "Ôn tập ngay", action: "v1:review" }] };

async function setup(outcome?: (userId: string, attempt: number) => SendOutcome) {
  const store = await tempStore();
  const clock = fakeClock("2026-11-25T03:00:00Z");
  const org = testOrganizer(store);
  const telegram = recordingSender(outcome);
  const runtime = () => testRuntime(org, { telegram: telegram.sender }, clock, { reviewReminder: REMINDER });
  return {
    store,
    clock,
    org,
    telegram,
    runtime,
    reviews: new ReviewSchedule(store),
    learners: new LearnerStore(store),
  };
}

describe("daily review reminders go through the outbox", () => {
  it("knows Vietnam's quiet hours, 21:00 to 07:00", () => {
    expect(inQuietHours(new Date("2026-11-26T14:00:00Z"))).toBe(true); // 21:00 in Hà Nội
    expect(inQuietHours(new Date("2026-11-26T23:59:00Z"))).toBe(true); // 06:59
    expect(inQuietHours(new Date("2026-11-27T00:00:00Z"))).toBe(false); // 07:00
    expect(inQuietHours(new Date("2026-11-26T13:59:00Z"))).toBe(false); // 20:59
  });

  it("queues one broadcast a day for opted-in learners with questions due, never in quiet hours, and delivers it once", async () => {
    const { clock, org, telegram, runtime, reviews, learners } = await setup();
    await reviews.answeredWrong("telegram:1", "vneid-01", clock.now());
    await reviews.answeredWrong("telegram:2", "vneid-01", clock.now()); // not opted in
    await learners.setRemind("telegram:1", true);
    await learners.setRemind("telegram:3", true); // nothing due

    clock.set("2026-11-26T15:00:00Z"); // 22:00 in Hà Nội
    await runtime().runOnce();
    expect(await org.outbox.get(reviewBroadcastId("2026-11-26"))).toBeNull();

    clock.set("2026-11-27T02:00:00Z"); // 09:00
    await runtime().runOnce();
    const record = await org.outbox.get(reviewBroadcastId("2026-11-27"));
    expect(record).toMatchObject({ kind: "review", total: 1, createdBy: "system" });
    expect(telegram.sent).toEqual([{ userId: "1", replies: [REMINDER] }]);

    clock.set("2026-11-27T08:00:00Z"); // same day, 15:00: another instance starting
    await runtime().runOnce();
    expect(telegram.sent).toHaveLength(1);
  });

  it("records a learner who blocked the bot as unreachable, without a send", async () => {
    const { store, clock, org, telegram, runtime, reviews, learners } = await setup();
    await reviews.answeredWrong("telegram:3", "vneid-01", clock.now());
    await learners.setRemind("telegram:3", true);
    await new Reachability(store).markUnreachable("telegram", "3");
    clock.set("2026-11-27T02:00:00Z");
    await runtime().runOnce();
    expect(telegram.sent).toHaveLength(0);
    expect((await org.outbox.get(reviewBroadcastId("2026-11-27")))?.final).toMatchObject({ unreachable: 1 });
  });

  it("waits out a platform's 'slow down' and still delivers that day, never counting the learner unreachable", async () => {
    const { clock, org, telegram, runtime, reviews, learners } = await setup((_user, attempt) =>
      attempt === 1 ? { status: "rate-limited", retryAfterMs: 30_000 } : { status: "sent" },
    );
    await reviews.answeredWrong("telegram:5", "vneid-01", clock.now());
    await learners.setRemind("telegram:5", true);
    clock.set("2026-11-27T02:00:00Z");
    const jobs = runtime();
    await jobs.runOnce();
    await jobs.runOnce();
    expect(telegram.attempts.get("5")).toBe(2);
    expect(telegram.sent).toHaveLength(1);
    expect((await org.outbox.get(reviewBroadcastId("2026-11-27")))?.final).toMatchObject({
      sent: 1,
      unreachable: 0,
    });
  });
});
