/**
 * Attacks from the security review, replayed against the real server in process (Fastify inject) or the
 * real assistant: each must now fail safely. Numbers are those of the review (issue #18).
 */
import { describe, expect, it } from "vitest";
import { learningMessages as lm } from "../../src/catalog/assistant-learning.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { onboard, tempStore, testAssistant, testAssistantWith, testCurriculum } from "../helpers/core.ts";
import { takeModuleQuiz } from "../helpers/quiz.ts";
import { keysHolding } from "../helpers/store-dump.ts";

describe("attacks on the running server", () => {
  it("6. a bare web session that passes every quiz gets no certificate until the ward can stand behind it", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    const required = curriculum.paths.groups["nguoi-dan"].required;
    await onboard(assistant, "scripted");
    let last: Awaited<ReturnType<typeof assistant.handle>> = [];
    for (const module of required) last = await takeModuleQuiz(assistant, curriculum, "scripted", module);
    expect(last.at(-1)?.text).toBe(lm.certificateNeedsPerson);
    const asked = await assistant.handle({ channel: "web", userId: "scripted", text: "/chungnhan" });
    expect(asked[0]?.text).toBe(lm.certificateNeedsPerson);
    expect(await new Certificates(store, "test-secret").ids()).toEqual([]);

    await onboard(assistant, "42", "nguoi-dan", undefined, { channel: "telegram" });
    for (const module of required)
      last = await takeModuleQuiz(assistant, curriculum, "42", module, 10, "telegram");
    expect(last.at(-1)?.text).toBe(lm.askCertName);

    // A follower of the ward's Zalo Official Account is a Zalo account too.
    await onboard(assistant, "oa-7", "nguoi-dan", undefined, { channel: "zalo-oa" });
    for (const module of required)
      last = await takeModuleQuiz(assistant, curriculum, "oa-7", module, 10, "zalo-oa");
    expect(last.at(-1)?.text).toBe(lm.askCertName);
  });

  it("6. a module quiz answered faster than the minimum per question is not counted as a pass", async () => {
    const store = await tempStore();
    const curriculum = await testCurriculum();
    let clock = Date.parse("2026-12-02T08:00:00Z");
    const stepMs = { value: 0 };
    const assistant = await testAssistantWith(store, {
      minSecondsPerQuestion: 3,
      now: () => {
        clock += stepMs.value;
        return new Date(clock);
      },
    });
    await onboard(assistant, "fast");
    const progress = new ProgressStore(store);
    const scripted = await takeModuleQuiz(assistant, curriculum, "fast", "vneid");
    expect(scripted.at(-1)?.text).toContain(lm.tooFast);
    expect((await progress.module("web:fast", "vneid")).status).not.toBe("dat");
    stepMs.value = 2000; // a reader: a few seconds a question (the clock moves on every read of it)
    const read = await takeModuleQuiz(assistant, curriculum, "fast", "vneid");
    expect(read.at(-1)?.text).not.toContain(lm.tooFast);
    expect((await progress.module("web:fast", "vneid")).status).toBe("dat");
  });

  it("6. a revoked certificate stays revoked through /xoadulieu: the page says so and the person is not issued another", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    const required = curriculum.paths.groups["nguoi-dan"].required;
    const earn = async () => {
      await onboard(assistant, "77", "nguoi-dan", undefined, { channel: "telegram" });
      let last: Awaited<ReturnType<typeof assistant.handle>> = [];
      for (const module of required)
        last = await takeModuleQuiz(assistant, curriculum, "77", module, 10, "telegram");
      return last;
    };
    await earn();
    const [issued] = await assistant.handle({ channel: "telegram", userId: "77", text: "Trần Văn Bảy" });
    const certificates = new Certificates(store, "test-secret");
    const id = /HVS-\d{2}-\w{6}/.exec(issued?.text ?? "")?.[0] as string;
    const key = new URL(issued?.link?.url as string).searchParams.get("k") as string;
    await certificates.revoke(id, "thi hộ", new Date());
    await assistant.erasePerson("telegram:77");
    expect(await certificates.verify(id, key)).toMatchObject({ status: "withdrawn" });
    expect((await certificates.verify(id, "0".repeat(16))).status).toBe("invalid");
    // What outlives the erasure (the withdrawn number, the bar) holds no name: checked over the whole store.
    expect(await keysHolding(store, "Bảy")).toEqual([]);
    const again = await earn();
    expect(again.at(-1)?.text).toBe(lm.certificateBarred);
  });
});
