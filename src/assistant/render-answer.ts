import { messages } from "../catalog/assistant-common.ts";
import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import { tutorMessages } from "../catalog/tutor.ts";
import type { Curriculum } from "../knowledge/types.ts";
import type { Reply, ReplyOption } from "../messaging/message.ts";
import type { Store } from "../storage/store.ts";
import type { TutorAnswer } from "../tutor/tutor.ts";
import { act } from "./actions.ts";

/** Elderly mode shows this many lines of steps at a time. */
export const STEPS_PER_TURN = 2;
const MORE_TTL_MS = 30 * 60_000;
const moreKey = (personId: string) => `more:${personId}`;

/**
 * Turns a tutor answer into a reply: the text, then options to open the cited lesson or take its quiz; a
 * question back ("Ý bạn là …") offers each candidate and "Không phải các ý này".
 */
export function renderAnswer(answer: TutorAnswer, curriculum: Curriculum): Reply[] {
  const best = answer.sources[0];
  if (answer.clarify) return [clarifyReply(answer)];
  if (answer.refused || !best) return [{ text: answer.text }];
  return [{ text: answer.text, options: lessonOptions(curriculum, best.lesson) }];
}

/**
 * The candidates are the reply's options (buttons, or numbers where a channel has none), so the text keeps
 * only the question: listed in both, a Zalo reader saw "1. … 2. … 3." twice over, numbered two ways.
 */
function clarifyReply(answer: TutorAnswer): Reply {
  const listed = new Set(answer.sources.map((c, i) => `${i + 1}. ${c.title}`));
  return {
    text: answer.text
      .split("\n")
      .filter((line) => !listed.has(line))
      .join("\n"),
    options: [
      ...answer.sources.map((c) => ({
        label: c.title,
        action: act("pick", `${c.lesson}.${c.section ?? 0}`),
      })),
      { label: tutorMessages.clarifyNone, action: act("nomatch") },
    ],
  };
}

/** Open the lesson, take its quiz (the lesson's questions, else the module's), other topics. */
export function lessonOptions(curriculum: Curriculum, lessonId: string): ReplyOption[] {
  const lesson = curriculum.lessons.get(lessonId);
  if (!lesson) return [];
  const bank = curriculum.quizzes.get(lesson.module) ?? [];
  const quiz = bank.some((q) => q.lesson === lessonId)
    ? { label: lm.takeLessonQuiz, action: act("lquiz", lessonId) }
    : bank.length
      ? { label: lm.takeModuleQuiz, action: act("quiz", lesson.module) }
      : null;
  return [
    { label: messages.openLesson, action: act("lesson", lessonId) },
    ...(quiz ? [quiz] : []),
    { label: messages.backToModules, action: act("module", lesson.module) },
  ];
}

/**
 * Elderly mode: the first steps only, the rest kept (lesson text, not the learner's words) for
 * "Bước tiếp theo". The citation stays on every part.
 */
export async function renderStepByStep(
  store: Store,
  personId: string,
  answer: TutorAnswer,
  curriculum: Curriculum,
): Promise<Reply[]> {
  const [full] = renderAnswer(answer, curriculum);
  if (!full || answer.refused || answer.clarify || !answer.parts) return full ? [full] : [];
  const { warning, direct, points, citation: cite } = answer.parts;
  const lines = [...(warning ? [warning] : []), direct, ...points].filter((l) => l.trim());
  if (lines.length <= STEPS_PER_TURN + 1) return [full];
  // The warning and the direct sentence come with the first steps.
  const head = lines.length - points.length + STEPS_PER_TURN;
  await store.set(moreKey(personId), JSON.stringify({ lines: lines.slice(head), cite }), {
    ttlMs: MORE_TTL_MS,
  });
  return [stepsReply(lines.slice(0, head), cite, true, full.options ?? [])];
}

/** "Bước tiếp theo": the next lines of the last step-by-step answer. */
export async function nextSteps(store: Store, personId: string): Promise<Reply[]> {
  const raw = await store.get(moreKey(personId));
  if (!raw) return [{ text: lm.noMoreSteps }];
  const { lines, cite } = JSON.parse(raw) as { lines: string[]; cite: string };
  const rest = lines.slice(STEPS_PER_TURN);
  if (rest.length)
    await store.set(moreKey(personId), JSON.stringify({ lines: rest, cite }), { ttlMs: MORE_TTL_MS });
  else await store.del(moreKey(personId));
  return [stepsReply(lines.slice(0, STEPS_PER_TURN), cite, rest.length > 0, [])];
}

function stepsReply(lines: string[], cite: string, more: boolean, options: ReplyOption[]): Reply {
  return {
    text: [lines.join("\n"), cite].filter(Boolean).join("\n\n"),
    options: [...(more ? [{ label: lm.moreSteps, action: act("more") }] : []), ...options],
  };
}
