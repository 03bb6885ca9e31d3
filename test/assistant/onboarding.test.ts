import { describe, expect, it } from "vitest";
import { act } from "../../src/assistant/actions.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { onboard, tempStore, testAssistant, testAssistantWith, testCurriculum } from "../helpers/core.ts";

const web = (userId: string) => ({ channel: "web" as const, userId });

describe("onboarding", () => {
  it("greets a newcomer and asks for consent before storing anything personal", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const replies = await assistant.handle({ ...web("u1"), text: "xin chào" });
    expect(replies[0]?.text).toContain("Xin chào");
    expect(replies.at(-1)?.options?.map((o) => o.action)).toEqual(["v1:consent:yes", "v1:consent:no"]);
    const profile = await new LearnerStore(store).get("web:u1");
    expect(profile?.step).toBe("consent");
    expect(profile?.consentAt).toBeUndefined();
  });

  it("records consent with its date, then the group and the tổ dân phố", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await assistant.handle({ ...web("u2"), text: "hi" });
    const groupAsk = await assistant.handle({
      ...web("u2"),
      action: act("consent", "yes"),
    });
    expect(groupAsk[0]?.options).toHaveLength(4);
    const toAsk = await assistant.handle({
      ...web("u2"),
      action: act("group", "nguoi-dan"),
    });
    expect(toAsk[0]?.text).toContain("tổ dân phố");
    const modeAsk = await assistant.handle({ ...web("u2"), text: "to 7" });
    expect(modeAsk[0]?.text).toContain("từng bước");
    const done = await assistant.handle({ ...web("u2"), action: act("mode", "elderly") });
    expect(done[0]?.text).toContain("Người dân, Tổ 7");
    expect(done[0]?.options?.map((o) => o.action)).toContain("v1:place");
    const profile = await new LearnerStore(store).get("web:u2");
    expect(profile).toMatchObject({ step: "ready", group: "nguoi-dan", to: "Tổ 7", elderly: true });
    expect(Date.parse(profile?.consentAt ?? "")).not.toBeNaN();
    expect(await new LearnerStore(store).hasConsented("web:u2")).toBe(true);
  });

  it("offers the ward's own tổ dân phố list from ward.yaml and accepts only those, tapped or typed", async () => {
    const store = await tempStore();
    const curriculum = await testCurriculum();
    const assistant = await testAssistantWith(store, {
      curriculum: { ...curriculum, ward: { ...curriculum.ward, to_dan_pho: ["Tổ 1", "Tổ Đồng Tâm"] } },
    });
    await assistant.handle({ ...web("w1"), text: "hi" });
    await assistant.handle({ ...web("w1"), action: "v1:consent:yes" });
    const [asked] = await assistant.handle({ ...web("w1"), action: "v1:group:nguoi-dan" });
    expect(asked?.options?.map((o) => o.label)).toEqual(["Tổ 1", "Tổ Đồng Tâm", expect.any(String)]);
    const [refused] = await assistant.handle({ ...web("w1"), text: "Tổ 9" });
    expect(refused?.options?.map((o) => o.label)).toContain("Tổ Đồng Tâm");
    expect((await new LearnerStore(store).get("web:w1"))?.to).toBeUndefined();
    await assistant.handle({ ...web("w1"), text: "to dong tam" });
    expect((await new LearnerStore(store).get("web:w1"))?.to).toBe("Tổ Đồng Tâm");
    await assistant.handle({ ...web("w2"), text: "hi" });
    await assistant.handle({ ...web("w2"), action: "v1:consent:yes" });
    const [offered] = await assistant.handle({ ...web("w2"), action: "v1:group:nguoi-dan" });
    await assistant.handle({ ...web("w2"), action: offered?.options?.[0]?.action ?? "" });
    expect((await new LearnerStore(store).get("web:w2"))?.to).toBe("Tổ 1");
  });

  it("understands typed answers from people who do not tap buttons", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await assistant.handle({ ...web("u3"), text: "alo" });
    await assistant.handle({ ...web("u3"), text: "dong y" });
    await assistant.handle({ ...web("u3"), text: "hoc sinh" });
    await assistant.handle({ ...web("u3"), action: act("to-skip") });
    await assistant.handle({ ...web("u3"), text: "khong" });
    expect(await new LearnerStore(store).get("web:u3")).toMatchObject({
      step: "ready",
      group: "hoc-sinh",
      elderly: false,
    });
  });

  it("keeps nothing personal when consent is declined, and still answers questions", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await assistant.handle({ ...web("u4"), text: "chào" });
    const declined = await assistant.handle({ ...web("u4"), action: "v1:consent:no" });
    expect(declined[0]?.text).toContain("không lưu");
    const profile = await new LearnerStore(store).get("web:u4");
    expect(profile).toMatchObject({ step: "guest" });
    expect(profile?.consentAt).toBeUndefined();
    expect(await new LearnerStore(store).hasConsented("web:u4")).toBe(false);
    const answer = await assistant.handle({ ...web("u4"), text: "cách kích hoạt tài khoản VNeID" });
    expect(answer[0]?.text).toContain("Xem bài:");
  });

  it("asks again, politely, when the answer does not fit the question", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await assistant.handle({ ...web("u5"), text: "chào" });
    const again = await assistant.handle({ ...web("u5"), text: "hôm nay trời đẹp" });
    expect(again[0]?.text).toContain("chọn một lựa chọn");
    expect(again[0]?.options).toHaveLength(2);
    await assistant.handle({ ...web("u5"), action: "v1:consent:yes" });
    await assistant.handle({ ...web("u5"), action: "v1:group:can-bo" });
    const badTo = await assistant.handle({ ...web("u5"), text: "!!!" });
    expect(badTo[0]?.text).toContain("chưa hiểu tên tổ");
  });

  it("welcomes a returning learner on /start instead of starting over, and restarts on /batdau", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "u6", "lao-dong", { text: "3" });
    const back = await assistant.handle({ ...web("u6"), text: "/start" });
    expect(back[0]?.text).toContain("quay lại");
    const restart = await assistant.handle({ ...web("u6"), text: "/batdau" });
    expect(restart.at(-1)?.options?.[0]?.action).toBe("v1:consent:yes");
  });

  it("opens a lesson before onboarding (a pasted link's lesson), recording nothing, then greets as usual", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const lesson = await assistant.handle({
      ...web("u9"),
      action: act("lesson", "an-toan-so/link-ung-dung-doc-hai"),
    });
    expect(lesson[0]?.text).toContain("Tránh đường link lạ");
    expect(await new LearnerStore(store).get("web:u9")).toBeNull();
    expect(await new ProgressStore(store).raw("web:u9")).toEqual({});
    const next = await assistant.handle({ ...web("u9"), text: "xin chào" });
    expect(next.at(-1)?.options?.map((o) => o.action)).toEqual(["v1:consent:yes", "v1:consent:no"]);
  });
});
