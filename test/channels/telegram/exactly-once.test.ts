import { describe, expect, it } from "vitest";
import type { Assistant } from "../../../src/assistant/types.ts";
import { LearnerStore } from "../../../src/learning/learner-store.ts";
import type { Store } from "../../../src/storage/store.ts";
import { tempStore } from "../../helpers/core.ts";
import { useTestRedis } from "../../helpers/redis.ts";
import { callbackUpdate, testChannel, textUpdate } from "./helpers.ts";

const LAN = 5550001;
const echo: Assistant = { handle: async () => [{ text: "ok" }] };

describe("telegram exactly-once", () => {
  it("handles an update Telegram delivers twice only once", async () => {
    const { channel, telegram, inbound } = await testChannel();
    const update = textUpdate(LAN, "xin chào");
    await channel.handleUpdate(update);
    const sentAfterFirst = telegram.sent().length;
    await channel.handleUpdate(structuredClone(update));
    expect(inbound).toHaveLength(1);
    expect(telegram.sent()).toHaveLength(sentAfterFirst);
  });

  it("passes each of three taps on the same button to the assistant once, removing the keyboard at once", async () => {
    const { channel, telegram, inbound } = await testChannel({ assistant: echo });
    const taps = [1, 2, 3].map(() => callbackUpdate(LAN, "v1:consent:yes", 1500));
    await channel.handleUpdate(taps[0] as (typeof taps)[0]);
    expect(telegram.called("editMessageReplyMarkup")).toHaveLength(1);
    expect(telegram.calls.findIndex((c) => c.method === "editMessageReplyMarkup")).toBeLessThan(
      telegram.calls.findIndex((c) => c.method === "sendMessage"),
    );
    for (const tap of taps.slice(1)) {
      telegram.failNext("editMessageReplyMarkup", {
        ok: false,
        error_code: 400,
        description: "Bad Request: message is not modified",
      });
      await channel.handleUpdate(tap);
    }
    for (const tap of taps) await channel.handleUpdate(structuredClone(tap)); // redelivered: ignored
    expect(inbound.map((i) => i.action)).toEqual(["v1:consent:yes", "v1:consent:yes", "v1:consent:yes"]);
    expect(telegram.called("answerCallbackQuery")).toHaveLength(3);
  });

  it("counts a repeated consent tap once in the learner's record", async () => {
    const { channel, telegram, store } = await testChannel();
    await channel.handleUpdate(textUpdate(LAN, "chào"));
    for (let i = 0; i < 3; i++) await channel.handleUpdate(callbackUpdate(LAN, "v1:consent:yes", 1001));
    const profile = await new LearnerStore(store).get(`telegram:${LAN}`);
    expect(profile?.step).toBe("group");
    expect(telegram.called("answerCallbackQuery")).toHaveLength(3);
  });

  it("lets only one of two instances sharing a store handle the same update", async () => {
    const store = await tempStore();
    await expectOneOfTwoInstances(store);
  });
});

const redis = useTestRedis();

describe("telegram exactly-once on Redis", () => {
  it("lets only one of two instances sharing Redis handle the same update", async ({ skip }) => {
    const store = redis();
    if (!store) return skip();
    await expectOneOfTwoInstances(store);
  });
});

async function expectOneOfTwoInstances(store: Store): Promise<void> {
  const a = await testChannel({ store, assistant: echo });
  const b = await testChannel({ store, assistant: echo });
  const update = textUpdate(LAN, "xin chào");
  await Promise.all([a.channel.handleUpdate(update), b.channel.handleUpdate(structuredClone(update))]);
  expect(a.inbound.length + b.inbound.length).toBe(1);
  expect(a.telegram.sent().length + b.telegram.sent().length).toBe(1);
}
