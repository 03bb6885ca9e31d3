import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { QuizStore } from "../../src/learning/quiz-store.ts";
import { ReviewSchedule } from "../../src/learning/review-schedule.ts";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { onboard, tempStore, testAssistant, testCurriculum } from "../helpers/core.ts";
import { answerAll, choice, questionOf, takeModuleQuiz } from "../helpers/quiz.ts";

const web = (userId: string) => ({ channel: "web" as const, userId });

describe("module quiz", () => {
  it("asks ten questions one at a time, gives feedback, and passes the module at 80%", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "q1");
    const first = await assistant.handle({ ...web("q1"), action: "v1:quiz:vneid" });
    expect(first[0]?.text).toContain("10 câu");
    expect(questionOf(first)?.text).toMatch(/^Câu 1\/10\n/);
    expect(questionOf(first)?.options?.map((o) => o.label)).toEqual(
      ["A", "B", "C", "D"].slice(0, questionOf(first)?.options?.length),
    );

    const last = await answerAll(assistant, curriculum, "q1", first, 8);
    const summary = last.map((r) => r.text).join("\n");
    expect(summary).toContain("đúng 8/10");
    expect(summary).toContain("đã đạt chủ đề này");
    const progress = await new ProgressStore(store).module("web:q1", "vneid");
    expect(progress).toMatchObject({ status: "dat", best: 0.8, last: 0.8, attempts: 1 });
  });

  it("fails below the pass mark, names lessons to read again and offers a retry", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "q2");
    const last = await takeModuleQuiz(assistant, curriculum, "q2", "an-toan-so", 5);
    const end = last.at(-1);
    expect(end?.text).toContain("đúng 5/10");
    expect(end?.text).toContain("cần 80%");
    expect(end?.options?.some((o) => o.action.startsWith("v1:lesson:an-toan-so/"))).toBe(true);
    expect(end?.options?.at(-1)?.action).toBe("v1:quiz:an-toan-so");
    expect(await new ProgressStore(store).module("web:q2", "an-toan-so")).toMatchObject({
      status: "dang-hoc",
      best: 0.5,
    });
  });

  it("counts an answer once when the same button is tapped twice", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "q3");
    const first = await assistant.handle({ ...web("q3"), action: "v1:quiz:vneid" });
    const action = choice(curriculum, questionOf(first) as never, true);
    const [once, twice] = await Promise.all([
      assistant.handle({ ...web("q3"), action }),
      assistant.handle({ ...web("q3"), action }),
    ]);
    expect(once[0]?.text).toContain("Đúng rồi");
    expect(twice[0]?.text).toContain("đã trả lời rồi");
    const session = await new QuizStore(store).open("web:q3");
    expect(session).toMatchObject({ index: 1, correct: 1 });
  });

  it("counts a tap once even when two instances on one store receive it at the same moment", async () => {
    const store = await tempStore();
    const [a, b] = [await testAssistant(store), await testAssistant(store)];
    const curriculum = await testCurriculum();
    await onboard(a, "q3b");
    const first = await a.handle({ ...web("q3b"), action: "v1:quiz:vneid" });
    const action = choice(curriculum, questionOf(first) as never, true);
    await Promise.all([a.handle({ ...web("q3b"), action }), b.handle({ ...web("q3b"), action })]);
    expect(await new QuizStore(store).open("web:q3b")).toMatchObject({ index: 1, correct: 1 });
  });

  it("ignores an answer for a closed quiz, another session or a question not asked yet", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "q4");
    const first = await assistant.handle({ ...web("q4"), action: "v1:quiz:vneid" });
    const sessionId = questionOf(first)?.options?.[0]?.action.split(":")[2]?.split(".")[0];
    for (const action of [`v1:ans:zzzzzz.0.0`, `v1:ans:${sessionId}.5.0`, `v1:ans:${sessionId}.0.7`]) {
      const replies = await assistant.handle({ ...web("q4"), action });
      expect(replies[0]?.text).toContain("đã kết thúc");
    }
    expect(await new QuizStore(store).open("web:q4")).toMatchObject({ index: 0, correct: 0 });
    await assistant.handle({ ...web("q4"), text: "/huy" });
    const closed = await assistant.handle({ ...web("q4"), action: `v1:ans:${sessionId}.0.0` });
    expect(closed[0]?.text).toContain("đã kết thúc");
  });

  it("takes a typed letter as the answer to the open question", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "q5");
    await assistant.handle({ ...web("q5"), action: "v1:quiz:vneid" });
    const replies = await assistant.handle({ ...web("q5"), text: "b" });
    expect(replies[0]?.text).toMatch(/Đúng rồi|Chưa đúng/);
    expect(questionOf(replies)?.text).toMatch(/^Câu 2\/10/);
  });

  it("resumes an unfinished quiz after a restart and offers it before starting another", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvs-quiz-"));
    const store = await EmbeddedStore.open(dir);
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "q6");
    const first = await assistant.handle({ ...web("q6"), action: "v1:quiz:vneid" });
    await assistant.handle({ ...web("q6"), action: choice(curriculum, questionOf(first) as never, true) });
    await store.close();

    const reopened = await EmbeddedStore.open(dir);
    try {
      const again = await testAssistant(reopened);
      const offer = await again.handle({ ...web("q6"), text: "/kiemtra" });
      expect(offer[0]?.text).toContain("đến câu 2/10");
      expect(offer[0]?.options?.map((o) => o.action)).toEqual(["v1:resume", "v1:cancel"]);
      const other = await again.handle({ ...web("q6"), action: "v1:quiz:an-toan-so" });
      expect(other[0]?.options?.[0]?.action).toBe("v1:resume");
      const resumed = await again.handle({ ...web("q6"), action: "v1:resume" });
      expect(questionOf(resumed)?.text).toMatch(/^Câu 2\/10/);
    } finally {
      await reopened.close();
    }
  });

  it("lets an unfinished quiz expire after 24 hours", async () => {
    let clock = Date.parse("2026-11-26T03:00:00Z");
    const store = await EmbeddedStore.open(await mkdtemp(join(tmpdir(), "hvs-quiz-")), () => clock);
    try {
      const assistant = await testAssistant(store, undefined, () => new Date(clock));
      await onboard(assistant, "q9");
      await assistant.handle({ ...web("q9"), action: "v1:quiz:vneid" });
      clock += 23 * 3600_000;
      expect((await assistant.handle({ ...web("q9"), text: "/kiemtra" }))[0]?.options?.[0]?.action).toBe(
        "v1:resume",
      );
      clock += 2 * 3600_000;
      const fresh = await assistant.handle({ ...web("q9"), text: "/kiemtra" });
      expect(fresh[0]?.text).toContain("chủ đề nào");
    } finally {
      await store.close();
    }
  });

  it("lets the learner abandon a quiz with /huy", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "q7");
    await assistant.handle({ ...web("q7"), action: "v1:quiz:vneid" });
    const cancelled = await assistant.handle({ ...web("q7"), text: "/huy" });
    expect(cancelled[0]?.text).toContain("Đã dừng");
    expect(await new QuizStore(store).open("web:q7")).toBeNull();
  });

  it("asks someone who has not registered to register before a quiz", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await assistant.handle({ ...web("q8"), text: "hi" });
    await assistant.handle({ ...web("q8"), action: "v1:consent:no" });
    const replies = await assistant.handle({ ...web("q8"), action: "v1:quiz:vneid" });
    expect(replies[0]?.text).toContain("/batdau");
  });
});

describe("lesson quiz and review", () => {
  it("offers the lesson's questions after reading it and records the lesson as read", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "r1");
    const lesson = await assistant.handle({ ...web("r1"), action: "v1:lesson:vneid/dang-ky-muc-2" });
    expect(lesson[0]?.options?.map((o) => o.action)).toContain("v1:lquiz:vneid/dang-ky-muc-2");
    const first = await assistant.handle({ ...web("r1"), action: "v1:lquiz:vneid/dang-ky-muc-2" });
    const count = Number(/\((\d) câu\)/.exec(first[0]?.text ?? "")?.[1]);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
    const last = await answerAll(assistant, curriculum, "r1", first, count);
    expect(last.at(-1)?.text).toContain(`đúng ${count}/${count}`);
    expect((await new ProgressStore(store).module("web:r1", "vneid")).lessonsRead).toEqual([
      "vneid/dang-ky-muc-2",
    ]);
  });

  it("schedules wrong answers for review tomorrow and moves them up a box when answered right", async () => {
    let now = new Date("2026-11-26T03:00:00Z");
    const store = await tempStore();
    const assistant = await testAssistant(store, undefined, () => now);
    const curriculum = await testCurriculum();
    await onboard(assistant, "r2");
    await takeModuleQuiz(assistant, curriculum, "r2", "vneid", 7);
    const reviews = new ReviewSchedule(store);
    expect(await reviews.countDue("web:r2", now)).toBe(0);
    const nothing = await assistant.handle({ ...web("r2"), text: "/ontap" });
    expect(nothing[0]?.text).toContain("chưa có câu nào");

    now = new Date("2026-11-27T04:00:00Z");
    expect(await reviews.countDue("web:r2", now)).toBe(3);
    const first = await assistant.handle({ ...web("r2"), text: "/ontap" });
    expect(first[0]?.text).toContain("Ôn tập 3 câu");
    await answerAll(assistant, curriculum, "r2", first, 3);
    expect(await reviews.countDue("web:r2", now)).toBe(0);
    expect(Object.values(await reviews.scheduled("web:r2"))).toEqual(["2", "2", "2"]);
    expect(await reviews.countDue("web:r2", new Date("2026-11-29T05:00:00Z"))).toBe(3);
  });
});
