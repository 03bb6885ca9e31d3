import { messages } from "../../catalog/assistant-common.ts";
import { tutorMessages } from "../../catalog/tutor.ts";
import type { Feature } from "../feature.ts";
import { MAX_TEXT_CHARS } from "../input.ts";
import { renderAnswer } from "../render-answer.ts";

/**
 * Questions typed in the person's own words, and the section chosen after "Ý bạn là …". In a group chat the
 * answer is the same for everyone: nothing is remembered or logged about who asked.
 */
export const answers: Feature = {
  name: "answers",
  audience: "resident",
  inGroups: true,
  actions: ["pick", "nomatch"],
  text: true,
  async handle({ ctx, tutor, questions, profile, inbound, action, text, truncated }) {
    if (action?.kind === "nomatch") return [{ text: tutorMessages.clarifyNoneReply }];
    if (inbound.inGroup) {
      if (action?.kind !== "pick") return renderAnswer(await tutor.answer(text), ctx.curriculum);
      const answer = await questions.explainChoice(action.arg);
      return answer ? renderAnswer(answer, ctx.curriculum) : [{ text: messages.unknownAction }];
    }
    if (action?.kind === "pick") return questions.picked(profile, action.arg);
    const replies = await questions.answer(profile, text);
    return truncated ? [{ text: messages.tooLong(MAX_TEXT_CHARS) }, ...replies] : replies;
  },
};
