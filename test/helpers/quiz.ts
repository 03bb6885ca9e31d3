import type { Assistant } from "../../src/assistant/types.ts";
import type { Curriculum } from "../../src/knowledge/types.ts";
import type { Channel, Reply } from "../../src/messaging/message.ts";

/** The question reply of a quiz turn: the one whose options are answer actions. */
export function questionOf(replies: Reply[]): Reply | undefined {
  return replies.find((r) => r.options?.some((o) => o.action.startsWith("v1:ans:")));
}

/** The action of the right (or a wrong) option of a shown question, read from its text like a learner. */
export function choice(curriculum: Curriculum, question: Reply, right: boolean): string {
  const [, asked = "", ...lines] = question.text.split("\n");
  const bank = [...curriculum.quizzes.values()].flat().find((q) => q.question === asked);
  if (!bank) throw new Error(`question not in bank: ${asked}`);
  const wanted = bank.options.filter((o) => Boolean(o.correct) === right).map((o) => o.text);
  const line = lines.find((l) => wanted.includes(l.slice(3)));
  const letter = line?.[0];
  const option = question.options?.find((o) => o.label === letter);
  if (!option) throw new Error("option not found");
  return option.action;
}

/** Answers every question of an open quiz, `rightCount` of them right, and returns the last turn's replies. */
export async function answerAll(
  assistant: Assistant,
  curriculum: Curriculum,
  userId: string,
  first: Reply[],
  rightCount: number,
  channel: Channel = "web",
): Promise<Reply[]> {
  let replies = first;
  let answered = 0;
  for (let question = questionOf(replies); question; question = questionOf(replies)) {
    const action = choice(curriculum, question, answered < rightCount);
    answered++;
    replies = await assistant.handle({ channel, userId, action });
  }
  return replies;
}

/** Starts a module quiz and answers it; returns the final replies. */
export async function takeModuleQuiz(
  assistant: Assistant,
  curriculum: Curriculum,
  userId: string,
  module: string,
  rightCount = 10,
  channel: Channel = "web",
): Promise<Reply[]> {
  const first = await assistant.handle({ channel, userId, action: `v1:quiz:${module}` });
  return answerAll(assistant, curriculum, userId, first, rightCount, channel);
}
