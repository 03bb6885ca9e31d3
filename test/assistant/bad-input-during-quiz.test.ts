import { describe, expect, it } from "vitest";
import { learningMessages as lm } from "../../src/catalog/assistant-learning.ts";
import { QuizStore } from "../../src/learning/quiz-store.ts";
import { onboard, tempStore, testAssistant } from "../helpers/core.ts";
import { questionOf } from "../helpers/quiz.ts";
import { TEXT_CASES } from "./bad-input-cases.ts";
import { expectSafeReplies } from "./bad-input-checks.ts";

describe("bad input while a quiz is open", () => {
  it("moves the quiz by no text that is not an answer", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "q");
    const first = await assistant.handle({ channel: "web", userId: "q", action: "v1:quiz:vneid" });
    expect(questionOf(first)).toBeDefined();
    for (const { text } of TEXT_CASES)
      expectSafeReplies(await assistant.handle({ channel: "web", userId: "q", text }));
    const session = await new QuizStore(store).open("web:q");
    expect(session).toMatchObject({ index: 0, correct: 0, wrong: [] });
  });

  it("ignores an answer forged from another person's quiz session", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    const quizzes = new QuizStore(store);
    await onboard(assistant, "alice");
    await onboard(assistant, "bob");
    const aliceQuestion = questionOf(
      await assistant.handle({ channel: "web", userId: "alice", action: "v1:quiz:vneid" }),
    );
    const aliceAnswer = aliceQuestion?.options?.[0]?.action ?? "";
    expect(aliceAnswer).toMatch(/^v1:ans:[a-z0-9]{6}\.0\.0$/);

    // Bob has no quiz open, then has his own: Alice's answer moves neither quiz.
    const withoutQuiz = await assistant.handle({ channel: "web", userId: "bob", action: aliceAnswer });
    expect(withoutQuiz[0]?.text).toBe(lm.quizClosed);
    await assistant.handle({ channel: "web", userId: "bob", action: "v1:quiz:vneid" });
    const withQuiz = await assistant.handle({ channel: "web", userId: "bob", action: aliceAnswer });
    expect(withQuiz[0]?.text).toBe(lm.quizClosed);
    const bobs = await quizzes.open("web:bob");
    expect(bobs?.id).not.toBe((await quizzes.open("web:alice"))?.id);
    expect(bobs).toMatchObject({ index: 0, correct: 0, wrong: [] });
    expect(await quizzes.open("web:alice")).toMatchObject({ index: 0, correct: 0, wrong: [] });

    // The same user id on another channel is another, unlinked person: it changes nothing either.
    const onTelegram = await assistant.handle({ channel: "telegram", userId: "alice", action: aliceAnswer });
    expect(questionOf(onTelegram)).toBeUndefined();
    expect(await quizzes.open("web:alice")).toMatchObject({ index: 0, correct: 0, wrong: [] });
  });

  it("counts a replayed answer once, even when the replays arrive together", async () => {
    const store = await tempStore();
    const assistant = await testAssistant(store);
    await onboard(assistant, "r");
    const question = questionOf(
      await assistant.handle({ channel: "web", userId: "r", action: "v1:quiz:vneid" }),
    );
    const answer = question?.options?.[1]?.action ?? "";
    const first = await assistant.handle({ channel: "web", userId: "r", action: answer });
    expectSafeReplies(first);
    const replays = await Promise.all(
      [1, 2, 3].map(() => assistant.handle({ channel: "web", userId: "r", action: answer })),
    );
    for (const replay of replays) expect(replay).toEqual([{ text: lm.alreadyAnswered }]);
    const session = await new QuizStore(store).open("web:r");
    expect(session?.index).toBe(1);
    expect((session?.correct ?? 0) + (session?.wrong.length ?? 0)).toBe(1);
  });
});
