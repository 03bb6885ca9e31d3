import { messages } from "../catalog/assistant-common.ts";
import type { Curriculum } from "../knowledge/types.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import type { Reply } from "../messaging/message.ts";
import type { QuestionLog } from "../organizer/question-log.ts";
import { metrics } from "../shared/metrics.ts";
import type { Store } from "../storage/store.ts";
import type { Tutor, TutorAnswer } from "../tutor/tutor.ts";
import type { FollowUps } from "./follow-ups.ts";
import { menuReply } from "./menus.ts";
import { renderAnswer, renderStepByStep } from "./render-answer.ts";

export interface QuestionAnsweringDeps {
  tutor: Tutor;
  curriculum: Curriculum;
  store: Store;
  followUps: FollowUps;
  questionLog: QuestionLog;
  now: () => Date;
}

/** A learner's free-text question, or a section they chose after "Ý bạn là …", answered and rendered. */
export function createQuestionAnswering(deps: QuestionAnsweringDeps) {
  /** `<lesson id>.<section>` from a "pick" action, answered from that section. */
  function explainChoice(ref: string): Promise<TutorAnswer | null> {
    const at = ref.lastIndexOf(".");
    return deps.tutor.explain(ref.slice(0, at), Number(ref.slice(at + 1)));
  }

  /** Remembers where a follow-up continues, and renders step by step in elderly mode. */
  async function delivered(profile: LearnerProfile, answer: TutorAnswer): Promise<Reply[]> {
    if (answer.context) await deps.followUps.remember(profile.id, answer.context);
    if (profile.elderly) return renderStepByStep(deps.store, profile.id, answer, deps.curriculum);
    return renderAnswer(answer, deps.curriculum);
  }

  return {
    explainChoice,

    /** A typed question: answered (or declined), logged without the person, follow-ups remembered. */
    async answer(profile: LearnerProfile, text: string): Promise<Reply[]> {
      const answer = await deps.tutor.answer(text, await deps.followUps.get(profile.id));
      if (answer.refused) metrics.refusals.inc();
      const cited = answer.clarify ? undefined : answer.sources[0];
      await deps.questionLog.record(
        text,
        { refused: answer.refused, ...(cited ? { lesson: cited.lesson } : {}) },
        deps.now(),
      );
      return delivered(profile, answer);
    },

    /** A section chosen after "Ý bạn là …". */
    async picked(profile: LearnerProfile, ref: string): Promise<Reply[]> {
      const answer = await explainChoice(ref);
      if (!answer) return [menuReply(messages.unknownAction)];
      return delivered(profile, answer);
    },
  };
}

export type QuestionAnswering = ReturnType<typeof createQuestionAnswering>;
