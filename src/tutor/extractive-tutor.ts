import { messages } from "../assistant/messages.ts";
import type { Chunk } from "../retrieval/chunk.ts";
import type { HybridIndex, RetrievalResult } from "../retrieval/hybrid-index.ts";
import { extractAnswer, pickChunk, stepsOf } from "./extract.ts";
import { redactPersonalData } from "./redact.ts";
import { classifyScope } from "./scope.ts";
import type { AnswerSource, Tutor, TutorAnswer } from "./tutor.ts";

export interface ExtractiveTutorOptions {
  index: HybridIndex;
  /** Below this confidence the tutor says it does not know (calibrated by `npm run eval`). */
  minConfidence?: number;
}

/** Confidence of a retrieval: how similar the best passage is and how much of the question it covers. */
export function confidenceOf(result: RetrievalResult): number {
  if (!result.hits.length) return 0;
  return 0.5 * result.similarity + 0.5 * result.coverage;
}

export const DEFAULT_MIN_CONFIDENCE = 0.2;

const FOLLOW_UP =
  /^(còn|con|thế|the|vậy|vay|rồi|roi|nếu|neu)(?!\p{L}).{0,40}$|cách (nào )?khác|cach (nao )?khac|bước\s*\d+|buoc\s*\d+/iu;
const STEP_QUESTION = /(?:bước|buoc)\s*(\d{1,2})/iu;

/** Answers from the curriculum without an LLM: the relevant steps of the best lesson, cited. */
export function createExtractiveTutor(options: ExtractiveTutorOptions): Tutor & {
  retrieve(question: string, history?: string[]): Promise<Retrieved>;
} {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;

  async function retrieve(question: string, history: string[] = []): Promise<Retrieved> {
    const { text, found } = redactPersonalData(question);
    const previous = history.at(-1);
    const followUp = previous !== undefined && FOLLOW_UP.test(text.trim()) && text.trim().length < 60;
    const query = followUp ? `${redactPersonalData(previous).text} ${text}` : text;
    const result = await options.index.search(query, 5);
    return { query, text, personalData: found, followUp, result, confidence: confidenceOf(result) };
  }

  return {
    retrieve,
    async answer(question, history = []) {
      const retrieved = await retrieve(question, history);
      const warning = retrieved.personalData.length ? `${messages.personalDataWarning}\n\n` : "";
      const scope = classifyScope(retrieved.text);
      if (scope !== "in") return refusal(scope === "medical" ? "medical" : "out-of-scope", warning);
      if (retrieved.confidence < minConfidence) return refusal("low-confidence", warning);
      const best = retrieved.result.hits[0];
      if (!best) return refusal("low-confidence", warning);
      return {
        refused: false,
        text: `${warning}${composeAnswer(retrieved, best.chunks, options.index.chunksOf(best.lessonId))}\n\n${messages.seeLesson(best.title)}`,
        sources: sourcesOf(retrieved.result),
      };
    },
  };
}

export interface Retrieved {
  query: string;
  /** The question with personal data replaced by labels. */
  text: string;
  personalData: string[];
  followUp: boolean;
  result: RetrievalResult;
  confidence: number;
}

function composeAnswer(retrieved: Retrieved, chunks: Chunk[], lessonChunks: Chunk[]): string {
  const stepAsked = STEP_QUESTION.exec(retrieved.text);
  if (stepAsked && retrieved.followUp) {
    const n = Number(stepAsked[1]);
    for (const chunk of chunks) {
      const step = stepsOf(chunk.text)[n - 1];
      if (step) return `${messages.stepIntro(n)} ${step}`;
    }
  }
  const chunk = pickChunk(chunks, retrieved.text, lessonChunks);
  return chunk ? extractAnswer(chunk, retrieved.result.terms) : "";
}

function sourcesOf(result: RetrievalResult): AnswerSource[] {
  return result.hits.map((hit) => ({
    module: hit.module,
    lesson: hit.lessonId,
    title: hit.title,
    score: Math.round(hit.score * 10_000) / 10_000,
  }));
}

function refusal(reason: NonNullable<TutorAnswer["reason"]>, prefix = ""): TutorAnswer {
  const text =
    reason === "medical"
      ? messages.medical
      : reason === "out-of-scope"
        ? messages.outOfScope
        : messages.dontKnow;
  return { refused: true, reason, text: `${prefix}${text}`, sources: [] };
}
