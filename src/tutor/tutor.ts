/** The answering port: retrieval plus an extractive or LLM writer behind one small interface. */
export interface AnswerSource {
  module: string;
  lesson: string;
  title: string;
  score: number;
  /** The section of the lesson that answers (index in the lesson's sections). */
  section?: number;
}

/** What the learner was last answered from: lesson and step only, never their words. */
export interface FollowUpContext {
  lesson: string;
  section: number;
  /** The last step shown on its own, when one was. */
  step?: number;
}

export interface TutorAnswer {
  /** True when the assistant declines: out of scope, a procedure we don't teach, medical, or unsure. */
  refused: boolean;
  /** Why it declined, when it did. */
  reason?: "low-confidence" | "out-of-scope" | "medical" | "referral";
  /** True when, unsure between lessons, it asks "Ý bạn là …" with `sources` as the candidates. */
  clarify?: boolean;
  /** The whole answer as text (direct sentence, points, citation); for a refusal, the kind text. */
  text: string;
  /** Lessons the answer comes from, best first; for a question back, the candidates in order. */
  sources: AnswerSource[];
  /** The parts of an answer, for channels that show them their own way. */
  parts?: {
    /** Shown first when the question held personal data. */
    warning?: string;
    direct: string;
    /** Steps ("1. …") or rules ("• …"). */
    points: string[];
    citation: string;
  };
  /** Where a follow-up ("bước 3", "còn cách nào khác") continues from. */
  context?: FollowUpContext;
}

export interface Tutor {
  /** Answers a question; `context` is what the learner was last answered from, if recent. */
  answer(question: string, context?: FollowUpContext): Promise<TutorAnswer>;
  /** Answers from one section the learner chose (after "Ý bạn là …"). */
  explain(lesson: string, section: number): Promise<TutorAnswer | null>;
}
