import { extname } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lesson } from "../knowledge/types.ts";
import { DiacriticRestorer } from "./diacritics.ts";
import type { WordModelsState } from "./index-cache.ts";
import { LexicalIndex } from "./lexical-index.ts";
import { hasDiacritics, tokenize } from "./normalize.ts";
import { ScopeWords } from "./scope-words.ts";
import { SpellCorrector } from "./spelling.ts";

/** A text with at least this share of syllables marked is written with accents. */
const ACCENTED_TEXT_SHARE = 0.4;

/** What the word models are learnt from. */
export interface WordModelsInput {
  lessons: Lesson[];
  /** The sections' index texts, the asks and the out-of-scope examples. */
  texts: string[];
  askTexts: string[];
  outsideTexts: string[];
}

/** What a whole lesson is known by: title (weighted up), summary, keywords, headings and residents' asks. */
function lessonText(lesson: Lesson): string {
  return [
    lesson.title,
    lesson.title,
    lesson.title,
    lesson.summary,
    lesson.keywords.join(" ; "),
    lesson.keywords.join(" ; "),
    ...lesson.sections.map((s) => s.heading),
    ...Object.values(lesson.asks ?? {}).flat(),
  ].join("\n");
}

export interface WordModels {
  chunkLexical: LexicalIndex;
  lessonLexical: LexicalIndex;
  askLexical: LexicalIndex;
  outsideLexical: LexicalIndex;
  spelling: SpellCorrector;
  restorer: DiacriticRestorer;
  scopeWords: ScopeWords;
}

/** The lexical indexes and the spelling and accent models, learnt from the curriculum's words. */
export function learnWordModels(input: WordModelsInput): WordModels {
  const { lessons, texts, askTexts } = input;
  const prose = lessons.flatMap((l) => [l.title, l.summary, l.body, ...l.keywords]);
  const accented = [...prose, ...askTexts].filter(writtenWithAccents);
  return {
    chunkLexical: LexicalIndex.build(texts),
    lessonLexical: LexicalIndex.build(lessons.map(lessonText)),
    askLexical: LexicalIndex.build(askTexts),
    outsideLexical: LexicalIndex.build(input.outsideTexts),
    // The lessons' own words, not the asks: asks keep residents' slips ("hàg", "khôg") on purpose, and a slip
    // the corrector knows is a slip it never corrects. Words typed without spaces split into the words of
    // text written with accents, residents' asks included ("chiều", "tuần" are in no lesson's prose).
    spelling: SpellCorrector.fromTexts(prose, accented),
    // Only text written with accents teaches where accents go: the asks and keywords typed without them
    // ("quen mat khau") would teach that plain "mat" is as likely as "mật".
    restorer: DiacriticRestorer.fromTexts(accented),
    scopeWords: ScopeWords.build(askTexts, input.outsideTexts),
  };
}

/** Most of its syllables carry marks (Vietnamese written with accents; a few plain syllables are normal). */
function writtenWithAccents(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.filter(hasDiacritics).length >= ACCENTED_TEXT_SHARE * tokens.length;
}

export function restoreWordModels(state: Omit<WordModelsState, "embeddings">): WordModels {
  return {
    chunkLexical: LexicalIndex.restore(state.chunkLexical),
    lessonLexical: LexicalIndex.restore(state.lessonLexical),
    askLexical: LexicalIndex.restore(state.askLexical),
    outsideLexical: LexicalIndex.restore(state.outsideLexical),
    spelling: SpellCorrector.restore(state.spelling),
    restorer: DiacriticRestorer.restore(state.restorer),
    scopeWords: ScopeWords.restore(state.scopeWords),
  };
}

export function stateOf(words: WordModels): Omit<WordModelsState, "embeddings"> {
  return {
    chunkLexical: words.chunkLexical.state(),
    lessonLexical: words.lessonLexical.state(),
    askLexical: words.askLexical.state(),
    outsideLexical: words.outsideLexical.state(),
    spelling: words.spelling.state(),
    restorer: words.restorer.state(),
    scopeWords: words.scopeWords.state(),
  };
}

/**
 * Learns the word models on a worker thread, as their state (what the index cache holds), while the caller
 * embeds the texts on its own: on two cores the index is built in about the time of the longer of the two.
 * Rejects when no worker can be started; `buildIndex` then learns them itself.
 */
export async function learnWordModelsAside(
  input: WordModelsInput,
): Promise<Omit<WordModelsState, "embeddings">> {
  const entry = new URL(`./word-models-worker${extname(import.meta.url)}`, import.meta.url);
  // Run from TypeScript sources, the worker first registers the loader its parent runs under (tsx).
  const script = entry.pathname.endsWith(".ts")
    ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`
    : `import(${JSON.stringify(entry.href)})`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { eval: true, workerData: input });
    worker.once("message", (state) => {
      resolve(state);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`word models worker exited with code ${code}`)));
  });
}
