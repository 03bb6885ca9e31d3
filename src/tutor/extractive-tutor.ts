import { tutorMessages as tm } from "../catalog/tutor.ts";
import { plainMessage } from "../retrieval/chat-habits.ts";
import { type Chunk, isRecap } from "../retrieval/chunk.ts";
import type { HybridIndex, LessonHit, RetrievalResult } from "../retrieval/hybrid-index.ts";
import { chooseSection, compose } from "./compose.ts";
import { type DecisionModel, decide, loadDecisionModel } from "./decision.ts";
import { stepCount, stepOf } from "./how-to-steps.ts";
import { questionKind } from "./intent.ts";
import { asksAboutAToolsAdvice, isMedical, medicalOnlyInStory, onlyLooksMedical } from "./medical.ts";
import { redactPersonalData } from "./redact.ts";
import type { AnswerSource, FollowUpContext, Tutor, TutorAnswer } from "./tutor.ts";

export interface ExtractiveTutorOptions {
  index: HybridIndex;
  /** Answer, ask back or decline; default: the committed model fitted on the dev split. */
  decision?: DecisionModel;
  /** The lesson on submitting online, named in referrals for procedures that can be done there. */
  onlineLesson?: { id: string; title: string };
}

/** "bước 3", "buoc 3" */
const STEP_ASKED = /(?<!\p{L})(?:bước|buoc|b)\s*(\d{1,2})(?!\d)/iu;
/** "bước tiếp", "tiếp theo", "rồi sao nữa" */
const NEXT_STEP =
  /(?<!\p{L})(bước tiếp|buoc tiep|tiếp theo|tiep theo|rồi sao nữa|roi sao nua|xong rồi sao|xong roi sao)(?!\p{L})/iu;
/** "còn cách nào khác", "cách khác" */
const OTHER_WAY = /(?<!\p{L})(cách (nào )?khác|cach (nao )?khac|còn cách|con cach)(?!\p{L})/iu;
/** A short message that leans on the previous answer: "thế còn …", "vậy nếu …". */
const LEANS_BACK = /^(còn|con|thế|the|vậy|vay|rồi|roi|nếu|neu|thế còn|the con)(?!\p{L})/iu;
const FOLLOW_UP_BOOST = 0.05;
const TOPIC_MIN_SIMILARITY = 0.2;
/** Below this share of words anyone in the curriculum or the lexicon uses, a message is not understood at all. */
const KNOWN_MIN_SHARE = 0.5;

interface Retrieved {
  /** The question with personal data replaced by labels. */
  text: string;
  personalData: string[];
  result: RetrievalResult;
}

/** Answers from the curriculum without an LLM: the part of the best lesson that answers, cited. */
export function createExtractiveTutor(options: ExtractiveTutorOptions): Tutor {
  const { index } = options;
  const model = options.decision ?? loadDecisionModel();

  async function retrieve(question: string, context?: FollowUpContext): Promise<Retrieved> {
    const { text, found } = redactPersonalData(plainMessage(question));
    const leans = context && LEANS_BACK.test(text.trim()) && text.trim().length < 80;
    const result = await index.search(
      text,
      5,
      leans && context ? { lessonId: context.lesson, weight: FOLLOW_UP_BOOST } : undefined,
    );
    return { text, personalData: found, result };
  }

  return {
    async answer(question, context) {
      const retrieved = await retrieve(question, context);
      const privacy = retrieved.personalData.length ? tm.personalDataWarning : undefined;
      const medical = isMedical(retrieved.text);
      // Symptoms and medicines go to a doctor; a resident asking whether to trust an app's medical advice
      // is told so first, then given the lesson on not letting AI diagnose, and so is one whose illness is only
      // the story around what they ask.
      const answerToo = asksAboutAToolsAdvice(retrieved.text) || medicalOnlyInStory(retrieved.text);
      if (medical && !answerToo) return refusal("medical", tm.medical, privacy);
      const warning = medical ? [tm.medical, privacy].filter(Boolean).join("\n\n") : privacy;
      const answered = answerRetrieved(retrieved, warning, context);
      return medical && answered.refused ? refusal("medical", tm.medical, privacy) : answered;
    },
    async explain(lesson, section) {
      const chunks = index.chunksOf(lesson);
      const chunk = chunks[section] ?? chunks[0];
      const hit = lessonHitOf(lesson, chunks);
      if (!chunk || !hit) return null;
      return answerFrom(index, { hit, chunk, result: null, warning: undefined });
    },
  };

  function answerRetrieved(
    retrieved: Retrieved,
    warning: string | undefined,
    context: FollowUpContext | undefined,
  ): TutorAnswer {
    if (context) {
      const continued = followUp(index, retrieved.text, context, warning);
      if (continued) return continued;
    }
    const { result } = retrieved;
    const decision = decide(result, model);
    const best = result.hits[0];
    if (decision.verdict === "refuse" || !best)
      return declined(retrieved.text, result, warning, options.onlineLesson);
    if (decision.verdict === "clarify") return clarification(result, questionKind(retrieved.text), warning);
    const chunk = chooseSection(best, questionKind(retrieved.text)) ?? best.chunks[0];
    if (!chunk) return refusal("low-confidence", tm.dontKnow, warning);
    return answerFrom(index, { hit: best, chunk, result, warning, question: retrieved.text });
  }
}

/** The answer from one section of a lesson: its direct part and points, the warning first, the citation last. */
function answerFrom(
  index: HybridIndex,
  from: {
    hit: LessonHit;
    chunk: Chunk;
    result: RetrievalResult | null;
    warning: string | undefined;
    question?: string;
  },
): TutorAnswer {
  const { hit, chunk, result, warning, question } = from;
  const composed = compose({
    hit,
    chosen: chunk,
    lessonChunks: index.chunksOf(hit.lessonId),
    terms: result?.terms ?? [],
    ...(question ? { question, kind: questionKind(question) } : {}),
    ...(result ? { query: result.query } : {}),
  });
  const citation = tm.seeLesson(hit.title);
  const section = sectionIndex(chunk);
  return {
    refused: false,
    text: [warning, [composed.direct, ...composed.points].filter(Boolean).join("\n"), citation]
      .filter(Boolean)
      .join("\n\n"),
    sources: result ? sourcesOf(result, hit.lessonId, section) : [sourceOf(hit, 1, section)],
    parts: { ...(warning ? { warning } : {}), direct: composed.direct, points: composed.points, citation },
    context: { lesson: hit.lessonId, section },
  };
}

/** "bước 3", "bước tiếp", "còn cách nào khác" — continued from the last answer's lesson. */
function followUp(
  index: HybridIndex,
  text: string,
  context: FollowUpContext,
  warning: string | undefined,
): TutorAnswer | null {
  const chunks = index.chunksOf(context.lesson);
  const hit = lessonHitOf(context.lesson, chunks);
  if (!hit) return null;
  const asked = STEP_ASKED.exec(text);
  const next = NEXT_STEP.test(text) ? (context.step ?? 1) + 1 : undefined;
  const n = asked ? Number(asked[1]) : next;
  if (n !== undefined) return stepAnswer(hit, chunks, context, n, warning);
  if (OTHER_WAY.test(text)) {
    const other = chunks.find((c, i) => i !== context.section && c.kind && c.kind !== "la-gi" && !isRecap(c));
    if (other) return answerFrom(index, { hit, chunk: other, result: null, warning });
  }
  return null;
}

/** Step `n` of the section with steps (the last answer's, else the lesson's first), or how many there are. */
function stepAnswer(
  hit: LessonHit,
  chunks: Chunk[],
  context: FollowUpContext,
  n: number,
  warning: string | undefined,
): TutorAnswer | null {
  const withSteps = [chunks[context.section], ...chunks].find((c) => c && stepCount(c) > 0) ?? undefined;
  if (!withSteps) return null;
  const step = stepOf(withSteps, n);
  const citation = tm.seeLesson(hit.title);
  const direct = step ? `${tm.stepIntro(n)} ${step}` : tm.noSuchStep(n, stepCount(withSteps));
  return {
    refused: false,
    text: [warning, direct, citation].filter(Boolean).join("\n\n"),
    sources: [sourceOf(hit, 1, sectionIndex(withSteps))],
    parts: { ...(warning ? { warning } : {}), direct, points: [], citation },
    context: {
      lesson: context.lesson,
      section: sectionIndex(withSteps),
      step: step ? n : (context.step ?? 0),
    },
  };
}

/** Nothing to answer from: a referral, a medical or out-of-scope refusal when a topic is near, else "don't know". */
function declined(
  question: string,
  result: RetrievalResult,
  warning: string | undefined,
  onlineLesson: ExtractiveTutorOptions["onlineLesson"],
): TutorAnswer {
  // The nearest out-of-scope example names the kind of refusal only when it is actually near.
  const topic =
    result.outside.similarity >= TOPIC_MIN_SIMILARITY && result.known >= KNOWN_MIN_SHARE
      ? result.outside.topic
      : null;
  if (topic?.kind === "admin")
    return refusal(
      "referral",
      tm.referral(topic.where, topic.online ? onlineLesson?.title : undefined),
      warning,
    );
  if (topic?.kind === "medical")
    return onlyLooksMedical(question)
      ? refusal("low-confidence", tm.dontKnow, warning)
      : refusal("medical", tm.medical, warning);
  if (topic) return refusal("out-of-scope", tm.outOfScope, warning);
  return refusal("low-confidence", tm.dontKnow, warning);
}

/** "Ý bạn là:" and the three nearest lessons, each at the section that would answer. */
function clarification(
  result: RetrievalResult,
  kind: ReturnType<typeof questionKind>,
  warning: string | undefined,
): TutorAnswer {
  const candidates = result.hits.slice(0, 3).map((hit) => {
    const chunk = chooseSection(hit, kind) ?? hit.chunks[0];
    return sourceOf(hit, hit.score, chunk ? sectionIndex(chunk) : 0);
  });
  const lines = candidates.map((c, i) => `${i + 1}. ${c.title}`);
  return {
    refused: false,
    clarify: true,
    text: [warning, [tm.clarify, ...lines].join("\n")].filter(Boolean).join("\n\n"),
    sources: candidates,
  };
}

function lessonHitOf(lessonId: string, chunks: Chunk[]): LessonHit | null {
  const first = chunks[0];
  if (!first) return null;
  return {
    lessonId,
    module: first.module,
    title: first.title,
    score: 1,
    chunks,
    chunkScores: chunks.map(() => 0),
    quotes: new Map(),
  };
}

function sectionIndex(chunk: Chunk): number {
  return Number(chunk.id.slice(chunk.id.lastIndexOf("#") + 1));
}

function sourceOf(hit: LessonHit, score: number, section: number): AnswerSource {
  return {
    module: hit.module,
    lesson: hit.lessonId,
    title: hit.title,
    score: Math.round(score * 10_000) / 10_000,
    section,
  };
}

function sourcesOf(result: RetrievalResult, lessonId: string, section: number): AnswerSource[] {
  return result.hits.map((hit) => {
    const best = hit.chunks[0];
    return sourceOf(hit, hit.score, hit.lessonId === lessonId ? section : best ? sectionIndex(best) : 0);
  });
}

function refusal(reason: NonNullable<TutorAnswer["reason"]>, text: string, warning?: string): TutorAnswer {
  return { refused: true, reason, text: [warning, text].filter(Boolean).join("\n\n"), sources: [] };
}
