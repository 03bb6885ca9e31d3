import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TEXT_CHARS } from "../../src/assistant/input.ts";
import type { Assistant } from "../../src/assistant/types.ts";
import { messages } from "../../src/catalog/assistant-common.ts";
import type { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { onboard, tempStoreUnscoped, testAssistant } from "../helpers/core.ts";
import { CERT_NAME_CASES, FORGED_ACTIONS, STALE_ACTIONS, TEXT_CASES } from "./bad-input-cases.ts";
import { expectNothingGranted, expectRefusalOrLesson, expectSafeReplies } from "./bad-input-checks.ts";

describe("bad input through assistant.handle()", () => {
  let store: EmbeddedStore;
  let assistant: Assistant;
  beforeAll(async () => {
    store = await tempStoreUnscoped();
    assistant = await testAssistant(store);
    await onboard(assistant, "bad");
  });
  afterAll(() => store.close());

  it.each(TEXT_CASES)("survives text: $name", async ({ text, expect: kind }) => {
    const replies = await assistant.handle({ channel: "web", userId: "bad", text });
    expectSafeReplies(replies);
    if (kind === "empty") expect(replies).toEqual([{ text: messages.emptyMessage }]);
    if (kind === "long") {
      expect(replies[0]?.text).toBe(messages.tooLong(MAX_TEXT_CHARS));
      expectRefusalOrLesson(replies.slice(1));
    }
    if (kind === "answer") expectRefusalOrLesson(replies);
  });

  it.each(TEXT_CASES)("survives text in a group chat: $name", async ({ text, expect: kind }) => {
    const replies = await assistant.handle({ channel: "telegram", userId: "g1", text, inGroup: true });
    expectSafeReplies(replies);
    if (kind === "empty") expect(replies).toEqual([{ text: messages.emptyMessage }]);
  });

  // Command words were once looked up in a plain object, where "constructor" found Object's prototype.
  it("reads a message that is just “constructor” as a question, not as a command", async () => {
    const replies = await assistant.handle({ channel: "web", userId: "bad", text: "constructor" });
    expect(replies[0]?.text).not.toBe(messages.unknownCommand);
  });

  it("followed none of the injected instructions: no certificate, role or broadcast exists", async () => {
    await expectNothingGranted(store);
  });

  it.each(FORGED_ACTIONS.map((action) => ({ action, shown: JSON.stringify(action.slice(0, 40)) })))(
    "refuses the forged action $shown and offers fresh options",
    async ({ action }) => {
      const replies = await assistant.handle({ channel: "web", userId: "bad", action });
      expectSafeReplies(replies);
      expect(replies[0]?.text).toBe(messages.unknownAction);
      expect(replies[0]?.options?.length).toBeGreaterThan(0);
    },
  );

  it.each(STALE_ACTIONS)(
    "answers the well-formed but stale action $action politely",
    async ({ action, says }) => {
      const replies = await assistant.handle({ channel: "web", userId: "bad", action });
      expectSafeReplies(replies);
      expect(replies[0]?.text.startsWith(says)).toBe(true);
      await expectNothingGranted(store);
    },
  );

  it("tries each bad input once: the tables hold no duplicates", () => {
    expect(new Set(TEXT_CASES.map((c) => c.text)).size).toBe(TEXT_CASES.length);
    expect(new Set(TEXT_CASES.map((c) => c.name)).size).toBe(TEXT_CASES.length);
    expect(new Set(FORGED_ACTIONS).size).toBe(FORGED_ACTIONS.length);
    expect(new Set(STALE_ACTIONS.map((c) => c.action)).size).toBe(STALE_ACTIONS.length);
    expect(new Set(CERT_NAME_CASES.map((c) => c.name)).size).toBe(CERT_NAME_CASES.length);
  });
});
