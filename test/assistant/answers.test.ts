import { describe, expect, it } from "vitest";
import { FollowUps } from "../../src/assistant/follow-ups.ts";
import { tutorMessages as tm } from "../../src/catalog/tutor.ts";
import { Identities } from "../../src/learning/identity.ts";
import type { Inbound } from "../../src/messaging/message.ts";
import { type DecisionModel, FEATURE_NAMES } from "../../src/tutor/decision.ts";
import { createExtractiveTutor } from "../../src/tutor/extractive-tutor.ts";
import { onboard, tempStore, testAssistant, testIndex } from "../helpers/core.ts";

const web = (userId: string, input: Partial<Inbound>): Inbound => ({ channel: "web", userId, ...input });

/** A decision model that always asks back. */
function alwaysAskBack(): DecisionModel {
  const zero = FEATURE_NAMES.map(() => 0);
  const flat = { mean: zero, scale: zero.map(() => 1), weights: zero, bias: 0 };
  return {
    scope: flat,
    confidence: flat,
    thresholds: { refuse: 0.1, clarify: 0.9 },
    fitted: { split: "test", messages: 0, at: "" },
  };
}

describe("answers in the conversation", () => {
  it("continues 'bước 3' on another instance sharing the store", async () => {
    const store = await tempStore();
    const first = await testAssistant(store);
    const second = await testAssistant(store);
    await onboard(first, "f1");
    const [answer] = await first.handle(web("f1", { text: "cách kích hoạt vneid" }));
    expect(answer?.text).toContain("Xem bài: Kích hoạt tài khoản định danh điện tử");
    const [step] = await second.handle(web("f1", { text: "bước 3 là sao" }));
    expect(step?.text).toMatch(/^Bước 3: Nhập số định danh/);
  });

  it("keeps only the lesson, section and step for a follow-up, never the learner's words", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "f2");
    await assistant.handle(web("f2", { text: "cách kích hoạt vneid, tên tôi là Nguyễn Văn Bình" }));
    const personId = await new Identities(store).personOf("web", "f2");
    const followUps = new FollowUps(store);
    expect(await followUps.get(personId)).toMatchObject({ lesson: "vneid/kich-hoat" });
    // What is stored, as stored: a section number and a lesson id, nothing typed.
    const raw = JSON.parse((await followUps.stored(personId)) ?? "{}");
    expect(Object.keys(raw).sort()).toEqual(["lesson", "section"]);
    expect(JSON.stringify(raw)).not.toContain("Bình");
  });

  it("asks back with a button per candidate lesson and 'Không phải các ý này'; a tap answers from that lesson", async () => {
    const store = await tempStore();
    const tutor = createExtractiveTutor({ index: await testIndex(), decision: alwaysAskBack() });
    const assistant = await testAssistant(store, tutor);
    await onboard(assistant, "c1");
    const [question] = await assistant.handle(web("c1", { text: "quên mật khẩu vneid" }));
    expect(question?.text).toContain(tm.clarify);
    const picks = question?.options?.filter((o) => o.action.startsWith("v1:pick:")) ?? [];
    expect(picks.length).toBeGreaterThanOrEqual(2);
    expect(question?.options?.at(-1)).toEqual({ label: tm.clarifyNone, action: "v1:nomatch" });
    // The candidates are listed once, as the options (on Zalo, numbered), not again in the text.
    for (const pick of picks) expect(question?.text).not.toContain(pick.label);

    const chosen = picks[1];
    const [answer] = await assistant.handle(web("c1", { action: chosen?.action ?? "" }));
    expect(answer?.text).toContain(`Xem bài: ${chosen?.label}`);

    const [none] = await assistant.handle(web("c1", { action: "v1:nomatch" }));
    expect(none?.text).toBe(tm.clarifyNoneReply);
  });

  it("rejects a tampered lesson choice", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "c2");
    const [reply] = await assistant.handle(web("c2", { action: "v1:pick:khong-co/bai-nay.0" }));
    expect(reply?.text).not.toContain("Xem bài:");
  });
});
