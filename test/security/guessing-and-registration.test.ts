/**
 * Attacks from the security review, replayed against the real server in process (Fastify inject) or the
 * real assistant: each must now fail safely. Numbers are those of the review (issue #18).
 */
import { describe, expect, it } from "vitest";
import { learningMessages as lm } from "../../src/catalog/assistant-learning.ts";
import { organizerMessages as om } from "../../src/catalog/assistant-organizer.ts";
import { learnerKey } from "../../src/learning/record-keys.ts";
import { Classes } from "../../src/organizer/classes.ts";
import { onboard, tempStore, testAssistant } from "../helpers/core.ts";
import { keysHolding } from "../helpers/store-dump.ts";

describe("attacks on the running server", () => {
  it("3. link codes are 8 digits, and an account that guesses wrong 5 times is locked out, right code or not", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "owner", "nguoi-dan", { action: "v1:to-skip" }, { channel: "zalo" });
    const asked = await assistant.handle({ channel: "zalo", userId: "owner", text: "/lienket" });
    const code = /\d{8}/.exec(asked.map((r) => r.text).join("\n"))?.[0] ?? "";
    expect(code).toMatch(/^\d{8}$/);
    const guess = (c: string) =>
      assistant.handle({ channel: "telegram", userId: "attacker", text: `/lienket ${c}` });
    for (let i = 0; i < 5; i++) expect((await guess(String(10_000_000 + i)))[0]?.text).toBe(lm.linkInvalid);
    expect((await guess(code))[0]?.text).toBe(lm.linkLocked);
    // The owner's own other account is not locked by the attacker's failures.
    expect(
      (await assistant.handle({ channel: "telegram", userId: "owner-tg", text: `/lienket ${code}` }))[0]
        ?.text,
    ).toBe(lm.linked);
  });

  it("4. check-in codes need a registered learner, and 5 wrong codes lock the person out", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const [fresh] = await assistant.handle({ channel: "web", userId: "walk-in", text: "/diemdanh 123456" });
    expect(fresh?.text).toBe(lm.needOnboarding);
    await onboard(assistant, "guesser");
    const say = async (text: string) =>
      (await assistant.handle({ channel: "web", userId: "guesser", text }))[0]?.text;
    for (let i = 0; i < 5; i++) expect(await say(`/diemdanh 10000${i}`)).toBe(om.checkinBad);
    expect(await say("/diemdanh 100009")).toBe(om.checkinLocked);
  });

  it("10. someone who never agreed (or declined) cannot check in with a real code, so no name of theirs is kept", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const classes = new Classes(store);
    const now = new Date();
    const record = await classes.create(
      {
        topic: "VNeID",
        startsAt: now,
        place: "Nhà văn hóa",
        audience: {},
        capacity: 20,
        createdBy: "telegram:1",
      },
      now,
    );
    await assistant.handle({ channel: "web", userId: "no-consent", text: "xin chào" });
    await assistant.handle({ channel: "web", userId: "no-consent", action: "v1:consent:no" });
    const [reply] = await assistant.handle({
      channel: "web",
      userId: "no-consent",
      text: `/diemdanh ${record.code}`,
    });
    expect(reply?.text).toBe(lm.needOnboarding);
    expect(await classes.attendees(record.id)).toEqual([]);
    // A store-level property: no key but the learner's own record mentions the person.
    expect(await keysHolding(store, "no-consent")).toEqual([learnerKey("web:no-consent")]);
  });

  it("5. a session that never registered cannot take a class seat", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const [reply] = await assistant.handle({ channel: "web", userId: "fresh-1", action: "v1:rsvp:abc123.y" });
    expect(reply?.text).toBe(lm.needOnboarding);
    await onboard(assistant, "fresh-2");
    const [registered] = await assistant.handle({
      channel: "web",
      userId: "fresh-2",
      action: "v1:rsvp:abc123.y",
    });
    expect(registered?.text).not.toBe(lm.needOnboarding);
  });
});
