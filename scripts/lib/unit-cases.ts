/**
 * The training cases of `npm run fit-answer-units`: messages whose first lesson is right, each unit of that
 * lesson with its features and whether it holds advice the message needs. Two sources: the dev split
 * (a unit holds a nugget), and the lessons' own answer cards (a unit is one the card quotes) — each card's
 * ask answered by an index built without it, so that its own words do not vouch for its quotes.
 */
import type { Curriculum, Lesson } from "../../src/knowledge/types.ts";
import { buildIndex } from "../../src/retrieval/build-index.ts";
import type { EmbeddingsChoice } from "../../src/retrieval/create-embeddings.ts";
import type { HybridIndex } from "../../src/retrieval/hybrid-index.ts";
import { type ComposeInput, chooseSection, quotableUnits, unitContext } from "../../src/tutor/compose.ts";
import { questionKind } from "../../src/tutor/intent.ts";
import { redactPersonalData } from "../../src/tutor/redact.ts";
import { unitFeaturesOf } from "../../src/tutor/unit-features.ts";
import { comparable, type EvalQuestion } from "../eval-lib.ts";

/** One message whose first lesson answers it, with its units' features and labels. */
export interface UnitCase {
  /** The message as written (its fold follows from it). */
  q: string;
  /** For dev messages: the nuggets a full answer meets (cards have none: they only train). */
  nuggets?: string[][];
  /** What compose() is given for it (the model aside). */
  input: ComposeInput;
  xs: number[][];
  ys: number[];
}

/** A stable fold for a text: it stays put when other messages are added or dropped. */
export const foldOfText = (text: string, folds: number) =>
  [...text].reduce((h, ch) => (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0, 7) % folds;

/** The case of one message, when `index` ranks a right lesson first. */
async function caseOf(
  index: HybridIndex,
  q: string,
  isRight: (lessonId: string) => boolean,
  holdsAdvice: (unitText: string) => boolean,
): Promise<UnitCase | undefined> {
  const text = redactPersonalData(q).text;
  const result = await index.search(text, 5);
  const hit = result.hits[0];
  if (!hit || !isRight(hit.lessonId)) return undefined;
  const kind = questionKind(text);
  const lessonChunks = index.chunksOf(hit.lessonId);
  const chosen = chooseSection(hit, kind) ?? hit.chunks[0];
  if (!chosen) return undefined;
  const input = { hit, chosen, lessonChunks, terms: result.terms, question: text, query: result.query, kind };
  const units = quotableUnits(lessonChunks);
  return {
    q,
    input,
    xs: unitFeaturesOf(units, unitContext(units, input)),
    ys: units.map((unit) => (holdsAdvice(unit.text) ? 1 : 0)),
  };
}

/** Dev messages: a unit holds advice when it contains one of the message's nuggets. */
export async function devCases(index: HybridIndex, questions: EvalQuestion[]): Promise<UnitCase[]> {
  const cases: UnitCase[] = [];
  for (const question of questions) {
    const phrases = question.nuggets.flat().map(comparable);
    const found = await caseOf(
      index,
      question.q,
      (id) => question.lessons.includes(id),
      (unit) => phrases.some((p) => comparable(unit).includes(p)),
    );
    if (found) cases.push({ ...found, nuggets: question.nuggets });
  }
  return cases;
}

/**
 * Answer cards: the asks are split in `folds`; each fold's asks are answered by an index built from a
 * curriculum without them (a unit holds advice when the card quotes it). `progress` hears each fold.
 */
export async function cardCases(
  curriculum: Curriculum,
  embeddings: EmbeddingsChoice,
  folds: number,
  progress: (line: string) => void = () => {},
): Promise<UnitCase[]> {
  const cases: UnitCase[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held: { ask: string; lesson: string; quote: string[] }[] = [];
    const lessons = new Map<string, Lesson>();
    for (const [id, lesson] of curriculum.lessons) {
      const keep = (ask: string) => foldOfText(ask, folds) !== fold;
      for (const ask of Object.values(lesson.asks ?? {}).flat()) {
        const quote = lesson.quotes?.[ask];
        if (!keep(ask) && quote?.length) held.push({ ask, lesson: id, quote });
      }
      const asks = Object.fromEntries(
        Object.entries(lesson.asks ?? {})
          .map(([key, list]) => [key, list.filter(keep)] as const)
          .filter(([, list]) => list.length),
      );
      lessons.set(id, { ...lesson, asks });
    }
    const { index } = await buildIndex({ ...curriculum, lessons }, { embeddings });
    let found = 0;
    for (const { ask, lesson, quote } of held) {
      const quoted = new Set(quote.map(comparable));
      const c = await caseOf(
        index,
        ask,
        (id) => id === lesson,
        (unit) => quoted.has(comparable(unit)),
      );
      if (!c) continue;
      cases.push(c);
      found++;
    }
    progress(
      `cards fold ${fold + 1}/${folds}: ${found} of ${held.length} held-out asks find their lesson first`,
    );
  }
  return cases;
}
