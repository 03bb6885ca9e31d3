import { describe, expect, it } from "vitest";
import { messages } from "../../src/catalog/assistant-common.ts";
import { learningMessages as lm } from "../../src/catalog/assistant-learning.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import type { Inbound } from "../../src/messaging/message.ts";
import { onboard, tempStore, testAssistant } from "../helpers/core.ts";
import { storeDump } from "../helpers/store-dump.ts";

const LINK = "https://nhan-qua-tet.example.invalid/dang-nhap?ma=123456";
const LINK_LESSON_TITLE = "Tránh đường link lạ và ứng dụng độc hại";
const web = (userId: string, input: Partial<Inbound>): Inbound => ({ channel: "web", userId, ...input });
const texts = (replies: { text: string }[]) => replies.map((r) => r.text);

async function world() {
  const store = await tempStore();
  const assistant = await testAssistant(store);
  return { store, assistant };
}

describe("a pasted link, decided in the assistant for every channel", () => {
  it("answers a resident's bare link with the lesson on checking links and keeps nothing about it", async () => {
    const { store, assistant } = await world();
    await onboard(assistant, "r1");
    for (const text of [
      LINK,
      `  ${LINK}\n`,
      "nhan-qua-tet.example.invalid/dang-nhap",
      "www.nhan-qua-tet.vn",
    ]) {
      const replies = await assistant.handle(web("r1", { text }));
      expect(replies[0]?.text).toBe(messages.pastedLink);
      expect(replies[1]?.text).toContain(LINK_LESSON_TITLE);
    }
    const dump = await storeDump(store);
    expect(dump).not.toContain("nhan-qua-tet");
    expect(dump).not.toContain("123456");
  });

  it("answers a platform's shared link the same, with or without the address", async () => {
    const { assistant } = await world();
    await onboard(assistant, "r2");
    for (const input of [{ pastedLink: true, text: LINK }, { pastedLink: true }]) {
      const replies = await assistant.handle(web("r2", input));
      expect(texts(replies)[0]).toBe(messages.pastedLink);
      expect(texts(replies).join("\n")).toContain(LINK_LESSON_TITLE);
    }
  });

  it("answers someone never seen before, and a group, without recording anyone", async () => {
    const { store, assistant } = await world();
    const first = await assistant.handle(web("new-1", { text: LINK }));
    expect(texts(first)[0]).toBe(messages.pastedLink);
    expect(await new LearnerStore(store).get("web:new-1")).toBeNull();
    const group = await assistant.handle({ channel: "telegram", userId: "g1", text: LINK, inGroup: true });
    expect(texts(group)[0]).toBe(messages.pastedLink);
    expect(await storeDump(store)).not.toContain("nhan-qua-tet");
  });

  it("reads a question that merely contains a link as a question", async () => {
    const { assistant } = await world();
    await onboard(assistant, "r3");
    const replies = await assistant.handle(web("r3", { text: `link ${LINK} nay co an toan khong` }));
    expect(texts(replies)[0]).not.toBe(messages.pastedLink);
  });

  it("gives the link to an onboarding step waiting for a typed answer, which never takes it for a tổ", async () => {
    const { store, assistant } = await world();
    await assistant.handle(web("o1", { text: "xin chào" }));
    const atConsent = texts(await assistant.handle(web("o1", { text: LINK })));
    expect(atConsent.join("\n")).toContain(messages.pleaseChoose);
    expect(atConsent.join("\n")).not.toContain(messages.pastedLink);
    await assistant.handle(web("o1", { action: "v1:consent:yes" }));
    await assistant.handle(web("o1", { action: "v1:group:nguoi-dan" }));
    for (const text of ["nhan-qua-tet.example.vn", "www.nhan-qua-tet.vn"]) {
      const atTo = texts(await assistant.handle(web("o1", { text, pastedLink: true })));
      expect(atTo.join("\n")).toContain(messages.toInvalid);
    }
    expect((await new LearnerStore(store).get("web:o1"))?.to).toBeUndefined();
    expect(await storeDump(store)).not.toContain("nhan-qua-tet");
  });

  it("gives the link to the awaited certificate name, which refuses it as a name", async () => {
    const { store, assistant } = await world();
    await onboard(assistant, "c1");
    const learners = new LearnerStore(store);
    await learners.setAwaiting("web:c1", "cert-name");
    const replies = texts(await assistant.handle(web("c1", { text: "nguyen-van-a.com.vn" })));
    expect(replies).toEqual([lm.certNameInvalid]);
    expect((await learners.get("web:c1"))?.certName).toBeUndefined();
    expect((await learners.get("web:c1"))?.awaiting).toBe("cert-name");
  });
});
