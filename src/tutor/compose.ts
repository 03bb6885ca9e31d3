import type { SectionKind } from "../knowledge/schema.ts";
import { type Chunk, isRecap } from "../retrieval/chunk.ts";
import type { LessonHit } from "../retrieval/hybrid-index.ts";
import { contentTerms } from "../retrieval/normalize.ts";
import { askedClauses, focusOf } from "../retrieval/query-focus.ts";
import { foldedText, lessonUnits, pairsOf, type Unit, unitsOf } from "./answer-units.ts";
import { AskedWords, inOrderOfNovelty } from "./asked-words.ts";
import { directSentence } from "./direct-sentence.ts";
import { formatPoints } from "./format-points.ts";
import { asksForSteps, chosenSteps, procedureBeside, stepCount, stepsWithin } from "./how-to-steps.ts";
import { withoutRepeats } from "./repeats.ts";
import { unitAsksOf } from "./unit-asks.ts";
import { type UnitContext, unitFeaturesOf, WANTS_PLACE } from "./unit-features.ts";
import { loadUnitModel, type UnitModel, unitProbability } from "./unit-model.ts";
import {
  aboutTheLesson,
  companionOf,
  exampleOutOfPlace,
  isIntro,
  openingText,
  tooShort,
  withoutDanglingLeadIns,
} from "./unit-readability.ts";
import { completeShortLists } from "./whole-lists.ts";

/** The steps or rules under the direct sentence stay within this many words. */
export const BODY_MAX_WORDS = 80;
/**
 * Units are taken by probability ÷ words^WORD_PENALTY. The 80 words are nearly always full, so a long unit must
 * be likelier to take the room of two short ones. Cross-validated on dev (right-lesson messages fully answered:
 * the model's folds, 2,797; the earliest writers' 321; inscope-20 and -21, fitted on by no model): 0.3 →
 * 2,376 / 256 / 164 / 166; 0.4 → 2,378 / 260 / 165 / 167; 0.5 → 2,380 / 260 / 165 / 168; 0.6 → 2,375 / 258 /
 * 166 / 168; 0.8 → 2,380 / 258 / 164 / 168.
 */
const WORD_PENALTY = 0.5;
/** The procedure is given whole only when one of its steps is among this many likeliest units. */
const STEPS_AMONG_LIKELIEST = 3;
/**
 * A unit at least this likely to be needed, other than the steps, keeps its room beside a procedure that would
 * fill the answer ("hỏi ai", "biết hàng đang ở đâu"); the procedure then runs from its first step as far as the
 * rest allows (chosen on dev, cross-validated: 3 more right-lesson messages fully answered at 0.3–0.4, none
 * fewer; from 0.2 one fewer).
 */
const LIKELY_BESIDE_STEPS = 0.4;
/** How much a section of the kind the question asks for is preferred (fitted on the dev split). */
const KIND_BONUS: Record<SectionKind, number> = {
  "cac-buoc": 0.6,
  "xu-ly": 0.5,
  "dau-hieu": 0,
  "la-gi": 0,
  "luu-y": 0,
};

export interface Composed {
  /** One sentence that answers, first. */
  direct: string;
  /** The relevant steps ("1. …") or rules ("• …"), in the lesson's order. */
  points: string[];
  /** The section the answer comes from. */
  chunk: Chunk;
}

/**
 * The section that answers: the best-ranked one, preferring the kind the question asks for (steps, warning
 * signs, what to do after, what it is), never the introduction or the closing recap when another section
 * matched.
 */
export function chooseSection(hit: LessonHit, kind: SectionKind | null): Chunk | undefined {
  const ranked = hit.chunks;
  const scored = ranked.map((chunk, rank) => {
    let score = (hit.chunkScores[rank] ?? 0) / Math.max(1e-9, hit.chunkScores[0] ?? 0);
    // A how-to question gets numbered steps when the lesson has them.
    if (kind === "cac-buoc" && stepCount(chunk) >= 2) score += KIND_BONUS["cac-buoc"];
    else if (kind && kind !== "cac-buoc" && chunk.kind === kind) score += KIND_BONUS[kind];
    if (isRecap(chunk)) score -= 2;
    if (isIntro(chunk)) score -= 0.3;
    return { chunk, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.chunk;
}

export interface ComposeInput {
  /** The lesson as retrieval ranked its sections for the question. */
  hit: LessonHit;
  /** The section chosen to answer (what follow-ups continue from). */
  chosen: Chunk;
  /** Every section of the lesson, in order. */
  lessonChunks: Chunk[];
  /** The question's folded content words; none → the chosen section alone, as for "explain". */
  terms: string[];
  /** The message as typed, and as retrieval restored it (accents, teencode). */
  question?: string;
  query?: string;
  kind?: SectionKind | null;
  model?: UnitModel;
}

const DEFAULT_MODEL = loadUnitModel();

/**
 * Composes the answer from the lesson's units (steps, bullets, sentences), whichever section they are in: the
 * fitted model scores how likely each holds the advice the resident needs; the likeliest sentence that stands
 * on its own goes first, then the likeliest others within BODY_MAX_WORDS, shown in reading order.
 */
export function compose(input: ComposeInput): Composed {
  const { chosen, lessonChunks, terms } = input;
  if (!terms.length) return composeSection(chosen, lessonChunks);
  const model = input.model ?? DEFAULT_MODEL;
  const units = quotableUnits(lessonChunks);
  const scored = scoreUnits(units, input, model);
  // The direct sentence: the likeliest sentence that stands on its own (not a step out of its list, not a
  // lead-in ending in ":" nor a sentence leaning on the one before, short enough to read first).
  const direct = directSentence(scored, input.kind ?? null, units);
  const p = new Map(scored.map((s) => [s.unit, s.p]));
  // Likely and short first: a long unit must be likelier to take the room of two short ones.
  const value = (u: Unit) => (p.get(u) ?? 0) / u.count ** WORD_PENALTY;
  const ranked = scored
    .map((s) => s.unit)
    .filter((u) => u !== direct)
    .sort((a, b) => value(b) - value(a));
  const steps = procedureAsked(input, units, ranked);
  const candidates = withoutRepeats(
    ranked.filter(
      (u) =>
        !steps.includes(u) &&
        !exampleOutOfPlace(u, input.kind ?? null, units) &&
        !aboutTheLesson(u) &&
        (p.get(u) ?? 0) >= model.keepAbove,
    ),
    direct?.text ?? "",
  );
  const needed = ranked.find((u) => steps.includes(u));
  const beside = steps.length ? besideTheSteps(candidates, units, p, direct) : [];
  const picked = procedureBeside(steps, needed, beside, BODY_MAX_WORDS);
  const followsDirect = addByNovelty(picked, candidates, {
    units,
    value,
    direct,
    question: input.question ?? "",
  });
  completeShortLists(picked, units, BODY_MAX_WORDS, value, direct);
  const shown = withoutDanglingLeadIns(picked, units);
  return {
    direct: direct ? openingText(direct) : "",
    points: [
      ...formatPoints(shown.filter((u) => followsDirect.has(u))),
      ...formatPoints(shown.filter((u) => !followsDirect.has(u))),
    ],
    chunk: chosen,
  };
}

/**
 * The chosen section's steps, when the answer gives them in order, from the first, as far as they fit (a
 * procedure with steps left out would mislead): a how-to question that asks for them in so many words ("cách
 * …", "ko bít cài"); none otherwise, and the likeliest units are taken, steps among them: "dặn cháu thế nào"
 * about a situation needs advice, and a question about one step needs that step. Giving the whole procedure
 * whenever the model's likeliest unit was a step answered fewer messages fully (cross-validated on dev: 70.6% of
 * right-lesson messages against 72.5% without it; 2 messages lost, 15 won). In a long message only the asking
 * sentences count: "tôi hay hướng dẫn bà con" in its story asks for nothing (dev: 2 won, none lost). And the
 * section's steps must be among the units likeliest to be needed: "cách" in a question about which password
 * to use for a shop does not call for the steps of opening one (dev: 3 won, none lost).
 */
function procedureAsked(input: ComposeInput, units: Unit[], ranked: Unit[]): Unit[] {
  const howTo = input.kind === "cac-buoc" ? chosenSteps(input.chosen, units) : [];
  const stepsLikely = ranked.slice(0, STEPS_AMONG_LIKELIEST).some((u) => howTo.includes(u));
  const asked = asksForSteps(focusOf(input.question ?? "") ?? input.question ?? "");
  return asked && stepsLikely ? howTo : [];
}

/** The likeliest unit other than the steps (with the sentence it needs), when it is likely enough to keep its room. */
function besideTheSteps(
  candidates: Unit[],
  units: Unit[],
  p: Map<Unit, number>,
  direct: Unit | undefined,
): Unit[] {
  const likeliest = candidates.find((u) => !u.leadIn);
  if (!likeliest || (p.get(likeliest) ?? 0) < LIKELY_BESIDE_STEPS) return [];
  const companion = companionOf(likeliest, units);
  if (companion === null) return [];
  return [...(companion && companion !== direct ? [companion] : []), likeliest];
}

interface Filling {
  units: Unit[];
  value: (unit: Unit) => number;
  direct: Unit | undefined;
  question: string;
}

/**
 * Adds to `picked` (in place) the candidates in order of novelty, each with the unit it cannot be read without,
 * while they fit BODY_MAX_WORDS; returns those shown right after the direct sentence, which they lean on. Each
 * unit taken makes the others that answer the same asking words worth less: a message that asks two things
 * gets an answer to both.
 */
function addByNovelty(
  picked: Unit[],
  candidates: Unit[],
  { units, value, direct, question }: Filling,
): Set<Unit> {
  let used = picked.reduce((sum, u) => sum + u.count, 0);
  const followsDirect = new Set<Unit>();
  const askedWords = new AskedWords(question);
  askedWords.cover(direct ? [direct, ...picked] : picked);
  for (const unit of inOrderOfNovelty(candidates, value, askedWords)) {
    if (picked.includes(unit)) continue;
    // A sentence that leans on the one before it ("Nó …", "… số này"), or too short to stand alone ("Đừng
    // tin."), comes with that one; a list item with the sentence that introduces its list ("Hãy gặp cán bộ
    // khi:").
    const leans = unit.leansBack || tooShort(unit);
    const before = companionOf(unit, units);
    if (before === null) continue;
    const adding = before && before !== direct && !picked.includes(before) ? [before, unit] : [unit];
    const words = adding.reduce((sum, u) => sum + u.count, 0);
    if (used + words > BODY_MAX_WORDS) continue;
    picked.push(...adding);
    askedWords.cover(adding);
    used += words;
    // One that leans on the direct sentence is shown right after it, before the other points (on dev, these two
    // rules answered 17 more right-lesson messages fully and none fewer).
    if (leans && before === direct) followsDirect.add(unit);
  }
  return followsDirect;
}

/**
 * The units an answer may quote: every step, bullet and sentence of the lesson. Advice for one message is
 * often spread over several sections (what to do now, and whom to tell); the model's section features
 * (retrieval rank, chosen section, how closely a section restates the question) keep the answer on subject.
 * Cross-validated on dev, quoting the whole lesson answers more messages fully than quoting the best
 * sections only (52.8% against 51.0%), for about 0.4 ms more a turn.
 */
export function quotableUnits(lessonChunks: Chunk[]): Unit[] {
  return lessonUnits(lessonChunks);
}

/** Every unit of the lesson with the model's probability that it holds needed advice, likeliest first. */
function scoreUnits(units: Unit[], input: ComposeInput, model: UnitModel): { unit: Unit; p: number }[] {
  const features = unitFeaturesOf(units, unitContext(units, input));
  return units
    .map((unit, i) => ({ unit, p: unitProbability(model, features[i] ?? []) }))
    .sort((a, b) => b.p - a.p || a.unit.index - b.unit.index);
}

/** What units are scored against (the fit script builds its training rows the same way). */
export function unitContext(units: Unit[], input: ComposeInput): UnitContext {
  const question = input.question ?? "";
  return {
    hit: input.hit,
    chosen: input.chosen,
    terms: new Set(input.terms),
    pairs: new Set([...pairsOf(question), ...pairsOf(input.query ?? "")]),
    kind: input.kind ?? null,
    wantsPlace: WANTS_PLACE.test(foldedText(question)),
    recap: units.filter((u) => isRecap(u.chunk)).map((u) => u.words),
    unitAsks: unitAsksOf(input.lessonChunks),
    focusTerms: focusTermsOf(question, input.terms),
    clauses: askedClauses(question)
      .map((clause) => new Set(contentTerms(clause)))
      .filter((words) => words.size >= 2),
  };
}

/** The content words of the sentences of a long message that ask (its story left out); all of them otherwise. */
function focusTermsOf(question: string, terms: string[]): Set<string> {
  const focus = focusOf(question);
  return focus ? new Set(contentTerms(focus)) : new Set(terms);
}

/** One section on its own (a lesson opened at a section, "còn cách nào khác"): its first sentence, then its steps. */
function composeSection(chunk: Chunk, lessonChunks: Chunk[]): Composed {
  const own = unitsOf(chunk, Math.max(0, lessonChunks.indexOf(chunk)));
  const first = own.find((u) => u.kind === "prose") ?? own[0];
  const body = own.filter((u) => u !== first);
  const steps = body.filter((u) => u.kind === "step");
  const picked = stepsWithin(steps.length >= 2 ? steps : body, BODY_MAX_WORDS);
  return { direct: first?.text ?? "", points: formatPoints(picked), chunk };
}
