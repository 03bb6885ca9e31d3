import type { Curriculum } from "../knowledge/types.ts";
import type { TutorAnswer } from "../tutor/tutor.ts";
import { encodeAction } from "./actions.ts";
import { messages } from "./messages.ts";
import type { Reply } from "./types.ts";

/** Turns a tutor answer into a reply: the text, then options to open the cited lesson. */
export function renderAnswer(answer: TutorAnswer, curriculum: Curriculum): Reply[] {
  const best = answer.sources[0];
  if (answer.refused || !best) return [{ text: answer.text }];
  const lesson = curriculum.lessons.get(best.lesson);
  return [
    {
      text: answer.text,
      options: [
        { label: messages.openLesson, action: encodeAction({ kind: "lesson", lesson: best.lesson }) },
        ...(lesson
          ? [
              {
                label: messages.backToModules,
                action: encodeAction({ kind: "module", module: lesson.module }),
              },
            ]
          : []),
      ],
    },
  ];
}
