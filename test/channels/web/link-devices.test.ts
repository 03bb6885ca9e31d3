import { describe, expect, it } from "vitest";
import { learningMessages as lm } from "../../../src/catalog/assistant-learning.ts";
import { Identities } from "../../../src/learning/identity.ts";
import { ProgressStore } from "../../../src/learning/progress-store.ts";
import type { Channel } from "../../../src/messaging/message.ts";
import { onboard, tempStore, testAssistant, testCurriculum } from "../../helpers/core.ts";
import { takeModuleQuiz } from "../../helpers/quiz.ts";
import { organizerAssistant, testOrganizer } from "../../organizer/helpers.ts";

async function setup() {
  const store = await tempStore();
  const assistant = await testAssistant(store);
  const curriculum = await testCurriculum();
  const say = async (channel: Channel, userId: string, text: string) =>
    (await assistant.handle({ channel, userId, text })).map((r) => r.text).join("\n");
  const codeFrom = async (channel: Channel, userId: string) => {
    const text = await say(channel, userId, "/lienket");
    return /\/lienket (\d{8})/.exec(text)?.[1] ?? "";
  };
  const passed = async (channel: Channel, userId: string) => {
    const person = await new Identities(store).personOf(channel, userId);
    return (await new ProgressStore(store).module(person, "vneid")).status;
  };
  return { store, assistant, curriculum, say, codeFrom, passed };
}

describe("one learner across devices: /lienket on the web", () => {
  it("a web learner's code, typed on Telegram, brings the web progress to Telegram", async () => {
    const { assistant, curriculum, say, codeFrom, passed } = await setup();
    await onboard(assistant, "phone-a-session");
    await takeModuleQuiz(assistant, curriculum, "phone-a-session", "vneid");
    expect(await passed("web", "phone-a-session")).toBe("dat");
    const code = await codeFrom("web", "phone-a-session");
    expect(code).toMatch(/^\d{8}$/);
    expect(await say("telegram", "7001", `/lienket ${code}`)).toBe(lm.linked);
    expect(await passed("telegram", "7001")).toBe("dat");
  });

  it("a Telegram code typed on another phone's web chat merges that phone's progress into the person", async () => {
    const { assistant, curriculum, say, codeFrom, passed } = await setup();
    await onboard(assistant, "9100", "nguoi-dan", { action: "v1:to-skip" }, { channel: "telegram" });
    await onboard(assistant, "phone-b-session");
    await takeModuleQuiz(assistant, curriculum, "phone-b-session", "vneid");
    const code = await codeFrom("telegram", "9100");
    expect(await say("web", "phone-b-session", `/lienket ${code}`)).toBe(lm.linked);
    expect(await passed("telegram", "9100")).toBe("dat");
    expect(await passed("web", "phone-b-session")).toBe("dat");
    // The code worked once.
    expect(await say("web", "phone-c-session", `/lienket ${code}`)).toBe(lm.linkInvalid);
  });

  it("links two web phones: the second phone continues as the first phone's learner", async () => {
    const { assistant, curriculum, say, codeFrom, passed } = await setup();
    await onboard(assistant, "phone-a-session");
    await takeModuleQuiz(assistant, curriculum, "phone-a-session", "vneid");
    const code = await codeFrom("web", "phone-a-session");
    expect(await say("web", "phone-b-session", `/lienket ${code}`)).toBe(lm.linked);
    expect(await passed("web", "phone-b-session")).toBe("dat");
  });

  it("tells the web how to use the code on another phone, and a web session that guesses 5 times is locked out", async () => {
    const { assistant, say, codeFrom } = await setup();
    for (const session of ["owner-session", "guesser-session"]) await onboard(assistant, session);
    await onboard(assistant, "owner-zalo", "nguoi-dan", { action: "v1:to-skip" }, { channel: "zalo" });
    const asked = await say("web", "owner-session", "/lienket");
    expect(asked).toContain("trang web học");
    expect(asked).not.toContain(lm.linkNotHere);
    const code = await codeFrom("web", "owner-session");
    for (let i = 0; i < 5; i++)
      expect(await say("web", "guesser-session", `/lienket ${10_000_000 + i}`)).toBe(lm.linkInvalid);
    expect(await say("web", "guesser-session", `/lienket ${code}`)).toBe(lm.linkLocked);
    expect(await say("zalo", "owner-zalo", `/lienket ${code}`)).toBe(lm.linked);
  });

  it("all web sessions together are locked out after 100 wrong codes, so new sessions do not buy more guesses", async () => {
    const { assistant, say, codeFrom } = await setup();
    await onboard(assistant, "owner", "nguoi-dan", { action: "v1:to-skip" }, { channel: "telegram" });
    const code = await codeFrom("telegram", "owner");
    for (let i = 0; i < 100; i++) {
      await onboard(assistant, `fresh-session-${i}`);
      expect(await say("web", `fresh-session-${i}`, `/lienket ${20_000_000 + i}`)).toBe(lm.linkInvalid);
    }
    await onboard(assistant, "fresh-session-last");
    expect(await say("web", "fresh-session-last", `/lienket ${code}`)).toBe(lm.linkLocked);
  });

  it("a role never follows a link: a web phone linked to an organizer's Telegram account is not an organizer", async () => {
    const store = await tempStore();
    const org = testOrganizer(store, ["telegram:admin-1"]);
    const assistant = await organizerAssistant(store, org, () => new Date());
    const say = async (channel: Channel, userId: string, text: string) =>
      (await assistant.handle({ channel, userId, text })).map((r) => r.text).join("\n");
    await onboard(assistant, "admin-1", "nguoi-dan", { action: "v1:to-skip" }, { channel: "telegram" });
    await onboard(assistant, "phone-session");
    expect(await say("telegram", "admin-1", "/baocaogui")).toContain("Chưa có thông báo");
    const code = /\/lienket (\d{8})/.exec(await say("telegram", "admin-1", "/lienket"))?.[1] ?? "";
    expect(await say("web", "phone-session", `/lienket ${code}`)).toBe(lm.linked);
    expect(await say("web", "phone-session", "/baocaogui")).not.toContain("Chưa có thông báo");
  });

  it("the terminal chat still cannot link", async () => {
    const { assistant, say } = await setup();
    await onboard(assistant, "local", "nguoi-dan", { action: "v1:to-skip" }, { channel: "cli" });
    expect(await say("cli", "local", "/lienket")).toBe(lm.linkNotHere);
  });
});
