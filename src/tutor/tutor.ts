/** The answering port: retrieval plus an extractive or LLM writer behind one small interface. */
export interface AnswerSource {
  module: string;
  lesson: string;
  title: string;
  score: number;
}

export interface TutorAnswer {
  /** True when the assistant declines: low confidence, out of scope, or medical. */
  refused: boolean;
  /** Why it declined, when it did. */
  reason?: "low-confidence" | "out-of-scope" | "medical" | "personal-data";
  /** The answer text, citation included; for a refusal, the kind "don't know" text. */
  text: string;
  /** Lessons the answer comes from, best first. */
  sources: AnswerSource[];
}

export interface Tutor {
  /** Answers a question; `history` holds the learner's previous few questions, oldest first. */
  answer(question: string, history?: string[]): Promise<TutorAnswer>;
}
