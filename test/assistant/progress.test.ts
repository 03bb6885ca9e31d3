import { describe, expect, it } from "vitest";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { ProgressStore } from "../../src/learning/progress-store.ts";
import { onboard, tempStore, testAssistant, testCurriculum } from "../helpers/core.ts";
import { answerAll, choice, questionOf, takeModuleQuiz } from "../helpers/quiz.ts";

const web = (userId: string) => ({ channel: "web" as const, userId });

describe("progress", () => {
  it("shows a bar per required module and names the next lesson to read", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "p1", "hoc-sinh");
    await takeModuleQuiz(assistant, curriculum, "p1", "binh-dan-hoc-vu-so");
    const firstLesson = [...curriculum.lessons.values()].find((l) => l.module === "thiet-bi-internet");
    await assistant.handle({ ...web("p1"), action: `v1:lesson:${firstLesson?.id}` });

    const [reply] = await assistant.handle({ ...web("p1"), text: "/tiendo" });
    const required = curriculum.paths.groups["hoc-sinh"].required;
    expect(reply?.text).toContain(`đạt 1/${required.length} chủ đề bắt buộc`);
    expect(reply?.text).toContain("✅ Phong trào, nền tảng và xác nhận");
    expect(reply?.text).toMatch(/▓▓▓▓▓ đạt \(cao nhất 100%\)/);
    expect(reply?.text).toMatch(/📖 .*\n {3}▓?░+ đang học \(đã đọc 1\/\d+ bài\)/);
    expect(reply?.text).toContain("⬜");
    const second = [...curriculum.lessons.values()].filter((l) => l.module === "thiet-bi-internet")[1];
    expect(reply?.text).toContain(`Bước tiếp theo: đọc bài “${second?.title}”`);
    expect(reply?.options?.[0]?.action).toBe(`v1:lesson:${second?.id}`);
  });

  it("marks modules the placement quiz shows are known, and starts the path after them", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "p2", "nguoi-dan");
    const first = await assistant.handle({ ...web("p2"), action: "v1:place" });
    const required = curriculum.paths.groups["nguoi-dan"].required;
    expect(first[0]?.text).toContain(`${required.length} câu`);
    const last = await answerAll(assistant, curriculum, "p2", first, 2);
    expect(last.at(-1)?.text).toContain("Bạn đã biết:");
    const progress = await new ProgressStore(store).modules("web:p2", required);
    const known = required.filter((m) => progress.get(m)?.known);
    expect(known).toHaveLength(2);
    expect(known.every((m) => progress.get(m)?.status === "dang-hoc")).toBe(true);
    const [reply] = await assistant.handle({ ...web("p2"), text: "tien do" });
    expect(reply?.text).toContain("đã biết");
    const next = required.find((m) => !known.includes(m));
    expect(reply?.options?.[0]?.action).toMatch(new RegExp(`^v1:lesson:${next}/`));
  });

  it("asks the placement questions from the first lessons of each required module's beginner's path", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "p4", "nguoi-dan");
    let replies = await assistant.handle({ ...web("p4"), action: "v1:place" });
    const asked: string[] = [];
    for (let question = questionOf(replies); question; question = questionOf(replies)) {
      asked.push(question.text.split("\n")[1] ?? "");
      replies = await assistant.handle({ ...web("p4"), action: choice(curriculum, question, true) });
    }
    const bank = [...curriculum.quizzes.values()].flat();
    const lessonsOf = (module: string) =>
      [...curriculum.lessons.values()]
        .filter((l) => l.module === module && bank.some((q) => q.lesson === l.id))
        .slice(0, 2)
        .map((l) => l.id);
    const required = curriculum.paths.groups["nguoi-dan"].required;
    expect(asked).toHaveLength(required.length);
    for (const text of asked) {
      const question = bank.find((q) => q.question === text);
      const module = curriculum.lessons.get(question?.lesson ?? "")?.module ?? "";
      expect(lessonsOf(module)).toContain(question?.lesson);
    }
  });

  it("records a practice task once confirmed and toggles the daily reminder", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const curriculum = await testCurriculum();
    await onboard(assistant, "p3");
    const lesson = [...curriculum.lessons.values()].find((l) => l.practice);
    const opened = await assistant.handle({ ...web("p3"), action: `v1:lesson:${lesson?.id}` });
    expect(opened[0]?.text).toContain("Làm thử:");
    const done = await assistant.handle({ ...web("p3"), action: `v1:did:${lesson?.id}` });
    expect(done[0]?.text).toContain("làm thử xong");
    expect((await new ProgressStore(store).module("web:p3", lesson?.module ?? "")).practiceDone).toEqual([
      lesson?.id,
    ]);

    const on = await assistant.handle({ ...web("p3"), action: "v1:remind:on" });
    expect(on[0]?.text).toContain("21 giờ");
    expect(await new LearnerStore(store).remindable()).toContain("web:p3");
    await assistant.handle({ ...web("p3"), action: "v1:remind:off" });
    expect(await new LearnerStore(store).remindable()).not.toContain("web:p3");
  });

  it("gives elderly learners an answer a step or two at a time", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "p4", "nguoi-dan", { action: "v1:to-skip" }, { mode: "elderly" });
    const [first] = await assistant.handle({ ...web("p4"), text: "cach kich hoat vneid" });
    // The direct sentence, then the first two steps.
    const lines = first?.text.split("\n\n")[0]?.split("\n") ?? [];
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1\. /);
    expect(lines[2]).toMatch(/^2\. /);
    expect(first?.text).toContain("Xem bài:");
    expect(first?.options?.[0]?.action).toBe("v1:more");
    const [second] = await assistant.handle({ ...web("p4"), action: "v1:more" });
    expect(second?.text).toMatch(/^3\./);
    expect(second?.text).toContain("Xem bài:");
  });

  it("keeps elderly answers step by step when the question held a phone number", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "p5", "nguoi-dan", { action: "v1:to-skip" }, { mode: "elderly" });
    const [first] = await assistant.handle({
      ...web("p5"),
      text: "sdt toi 0912345678, cach kich hoat vneid",
    });
    const lines = first?.text.split("\n\n")[0]?.split("\n") ?? [];
    expect(lines[0]).toContain("đừng gửi số căn cước");
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(2);
    expect(first?.options?.[0]?.action).toBe("v1:more");
  });
});
