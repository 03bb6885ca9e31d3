import { describe, expect, it } from "vitest";
import { Identities } from "../../src/learning/identity.ts";
import { Reachability } from "../../src/learning/reachability.ts";
import { tempStore } from "../helpers/core.ts";
import { fakeClock, recordingSender, seedLearners, testOrganizer, testRuntime } from "./helpers.ts";

const DAY = "2026-12-01T02:00:00Z"; // 09:00 in Hà Nội

const notice = (text = "Thông báo họp tổ", extra: Record<string, unknown> = {}) => ({
  kind: "notice" as const,
  text,
  audienceLabel: "cả phường",
  createdBy: "telegram:admin",
  sendAt: new Date(DAY),
  urgent: false,
  ...extra,
});

describe("broadcasts through the outbox and the paced sender", () => {
  it("delivers to 2,000 recipients exactly once through 429s and 403s, skipping and counting the unreachable", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock(DAY);
    const people = await seedLearners(store, 2000);
    // 3 web-only learners (no sender) and 1 already known as blocked.
    const webOnly = await seedLearners(store, 3, { channel: "web", prefix: "w" });
    await new Reachability(store).markUnreachable("telegram", "u7");
    const blocked = new Set(["u13", "u500", "u1999"]);
    const limitedAt: number[] = [];
    const sendTimes: number[] = [];
    const telegram = recordingSender((userId, attempt) => {
      sendTimes.push(clock.clock());
      if (blocked.has(userId)) return { status: "unreachable" };
      if (Number(userId.slice(1)) % 97 === 0 && attempt === 1) {
        limitedAt.push(clock.clock());
        return { status: "rate-limited", retryAfterMs: 3000 };
      }
      return { status: "sent" };
    });
    const { id } = await org.outbox.create(notice(), [...people, ...webOnly], clock.now());
    await testRuntime(org, { telegram: telegram.sender }, clock).runOnce();

    const counts = telegram.counts();
    const reachable = people.filter((p) => !blocked.has(p.slice(9)) && p !== "telegram:u7");
    expect(counts.size).toBe(reachable.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await org.outbox.counts(id)).toEqual({
      pending: 0,
      sending: 0,
      sent: 1996,
      failed: 0,
      unreachable: 7,
      outsideWindow: 0,
      ambiguous: 0,
    });
    expect((await org.outbox.get(id))?.status).toBe("done");
    // retry_after honoured: nothing went out in the 3 s after a 429.
    for (const at of limitedAt) expect(sendTimes.some((t) => t > at && t < at + 3000)).toBe(false);
    // The global rate holds: never more than 25 sends within one virtual second.
    let start = 0;
    for (let end = 0; end < sendTimes.length; end++) {
      while ((sendTimes[end] as number) - (sendTimes[start] as number) >= 1000) start++;
      expect(end - start + 1).toBeLessThanOrEqual(25);
    }
    // Per-person states are gone; the counts stay for reports.
    expect(await org.outbox.states(id)).toEqual({});
    expect(await org.outbox.totals()).toMatchObject({ sent: "1996", unreachable: "7" });
  });

  it("finishes cleanly when there are fewer recipients than workers", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock(DAY);
    const ids = await seedLearners(store, 3, { prefix: "few" });
    const telegram = recordingSender();
    const { id } = await org.outbox.create(notice(), ids, clock.now());
    await testRuntime(org, { telegram: telegram.sender }, clock, { concurrency: 8 }).runOnce();
    expect(telegram.sent.map((s) => s.userId).sort()).toEqual(["few0", "few1", "few2"]);
    expect(await org.outbox.states(id)).toEqual({});
    expect(await org.outbox.totals()).toMatchObject({ sent: "3" });
  });

  it("picks the first reachable account of a person on a channel that can push", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock(DAY);
    await seedLearners(store, 1, { channel: "web", prefix: "s" });
    const identities = new Identities(store);
    const code = await identities.createLinkCode("web:s0");
    await identities.redeemLinkCode("zalo", "z1", code);
    const zalo = recordingSender();
    await org.outbox.create(notice(), ["web:s0"], clock.now());
    await testRuntime(org, { zalo: zalo.sender }, clock).runOnce();
    expect(zalo.sent.map((s) => s.userId)).toEqual(["z1"]);
  });

  it("waits for 07:00 in quiet hours unless the notice is urgent", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock("2026-12-01T15:30:00Z"); // 22:30
    await seedLearners(store, 3);
    const telegram = recordingSender();
    const runtime = testRuntime(org, { telegram: telegram.sender }, clock);
    const normal = await org.outbox.create(
      notice("thường", { sendAt: clock.now() }),
      ["telegram:u0", "telegram:u1"],
      clock.now(),
    );
    await org.outbox.create(
      notice("khẩn", { sendAt: clock.now(), urgent: true }),
      ["telegram:u2"],
      clock.now(),
    );
    await runtime.runOnce();
    expect(telegram.sent.map((s) => s.replies[0]?.text)).toEqual(["khẩn"]);
    clock.set("2026-12-01T23:59:00Z"); // 06:59
    await runtime.runOnce();
    expect(telegram.sent).toHaveLength(1);
    clock.set("2026-12-02T00:00:00Z"); // 07:00
    await runtime.runOnce();
    expect(telegram.sent).toHaveLength(3);
    expect((await org.outbox.counts(normal.id)).sent).toBe(2);
  });

  it("sends a notice scheduled for later only when its time comes", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock(DAY);
    await seedLearners(store, 2);
    const telegram = recordingSender();
    const runtime = testRuntime(org, { telegram: telegram.sender }, clock);
    await org.outbox.create(
      notice("họp lúc 10h", { sendAt: new Date("2026-12-01T03:00:00Z") }),
      ["telegram:u0", "telegram:u1"],
      clock.now(),
    );
    await runtime.runOnce();
    expect(telegram.sent).toHaveLength(0);
    clock.set("2026-12-01T03:00:01Z");
    await runtime.runOnce();
    expect(telegram.sent).toHaveLength(2);
  });

  it("stops cleanly when cancelled midway and reports what was not sent", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock(DAY);
    const people = await seedLearners(store, 200);
    let id = "";
    let sends = 0;
    const telegram = recordingSender(undefined, () => {
      sends++;
      if (sends === 50) void org.outbox.cancel(id);
    });
    id = (await org.outbox.create(notice(), people, clock.now())).id;
    await testRuntime(org, { telegram: telegram.sender }, clock).runOnce();
    const counts = await org.outbox.counts(id);
    expect((await org.outbox.get(id))?.status).toBe("cancelled");
    expect(counts.sent).toBe(telegram.sent.length);
    expect(counts.sent).toBeGreaterThanOrEqual(50);
    expect(counts.sent).toBeLessThan(70); // only the sends already in flight finished
    expect(counts.pending).toBe(200 - counts.sent);
    await testRuntime(org, { telegram: telegram.sender }, clock).runOnce();
    expect(telegram.sent.length).toBe(counts.sent); // a cancelled broadcast never resumes
  });

  it("passes a 5,000-character notice whole to the channel, which splits it", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock(DAY);
    await seedLearners(store, 1);
    const text = `${"Thông báo dài. ".repeat(400).slice(0, 4997)}HẾT`;
    const telegram = recordingSender();
    await org.outbox.create(notice(text), ["telegram:u0"], clock.now());
    await testRuntime(org, { telegram: telegram.sender }, clock).runOnce();
    expect(telegram.sent[0]?.replies[0]?.text).toBe(text);
    expect(text).toHaveLength(5000);
  });

  it("marks a send interrupted by a crash as ambiguous and does not resend it", async () => {
    const store = await tempStore();
    const org = testOrganizer(store);
    const clock = fakeClock(DAY);
    const people = await seedLearners(store, 5);
    const { id } = await org.outbox.create(notice(), people, clock.now());
    // What a crash leaves: one recipient sent, one in flight.
    await org.outbox.setState(id, "telegram:u0", "sent");
    await org.outbox.setState(id, "telegram:u1", "sending");
    const telegram = recordingSender();
    await testRuntime(org, { telegram: telegram.sender }, clock).runOnce();
    expect(telegram.sent.map((s) => s.userId).sort()).toEqual(["u2", "u3", "u4"]);
    expect(await org.outbox.counts(id)).toMatchObject({ sent: 4, ambiguous: 1, pending: 0 });
  });
});
