import type { Contact } from "../knowledge/schema.ts";
import type { Tutor, TutorAnswer } from "./tutor.ts";

/** Where the ward's local offices come from: ward.yaml, with what organizers filled in since. */
export interface ContactSource {
  list(): Promise<readonly Contact[]>;
}

/**
 * Where an answer sends a resident to a local office ("đến Công an phường"), adds that office's address or
 * number from the ward profile once an organizer has filled it in. Unfilled offices add nothing: the lessons
 * already say to ask the Tổ công nghệ số cộng đồng, and nothing is invented.
 */
export function withLocalContacts(tutor: Tutor, contacts: ContactSource): Tutor {
  const add = async (answer: TutorAnswer): Promise<TutorAnswer> => {
    if (answer.clarify || (answer.refused && answer.reason !== "referral")) return answer;
    const filled = (await contacts.list()).filter((c) => c.value.trim());
    const text = answer.text.toLocaleLowerCase("vi");
    const lines = filled
      .filter((c) => text.includes(c.name.toLocaleLowerCase("vi")))
      .map((c) => `📍 ${c.name}: ${c.value.trim()}`);
    if (!lines.length) return answer;
    return {
      ...answer,
      text: [answer.text, lines.join("\n")].join("\n\n"),
      ...(answer.parts ? { parts: { ...answer.parts, points: [...answer.parts.points, ...lines] } } : {}),
    };
  };
  return {
    ...tutor,
    answer: async (question, context) => add(await tutor.answer(question, context)),
    explain: async (lesson, section) => {
      const answer = await tutor.explain(lesson, section);
      return answer ? add(answer) : answer;
    },
  };
}
