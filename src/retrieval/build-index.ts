import { createHash } from "node:crypto";
import type { Embeddings } from "@langchain/core/embeddings";
import type { Curriculum, Lesson } from "../knowledge/types.ts";
import { askTargets, chunkLessons } from "./chunk.ts";
import { type EmbeddingsChoice, LOCAL_EMBEDDINGS } from "./create-embeddings.ts";
import { DenseIndex } from "./dense-index.ts";
import { DiacriticRestorer } from "./diacritics.ts";
import { HashingEmbeddings } from "./hashing-embeddings.ts";
import { HybridIndex } from "./hybrid-index.ts";
import {
  codeFingerprint,
  readDense,
  readWordModels,
  type WordModelsState,
  writeDense,
  writeWordModels,
} from "./index-cache.ts";
import { LexicalIndex } from "./lexical-index.ts";
import { hasDiacritics, tokenize } from "./normalize.ts";
import { ScopeBank } from "./scope-bank.ts";
import { ScopeWords } from "./scope-words.ts";
import { SpellCorrector } from "./spelling.ts";

/** Bump when chunking or features change, so old caches are not reused. */
const INDEX_VERSION = "9";
/** A text with at least this share of syllables marked is written with accents. */
const ACCENTED_TEXT_SHARE = 0.4;

export interface BuildOptions {
  /** Where the built vectors and word models are cached; omitted → no cache. */
  cacheDir?: string;
  /** The embedding model (`createEmbeddings(config)`); default: the local hashing model fitted on the curriculum. */
  embeddings?: EmbeddingsChoice;
}

export interface BuiltIndex {
  index: HybridIndex;
  fromCache: boolean;
  buildMs: number;
  contentHash: string;
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

/** Builds the hybrid index, reusing cached vectors and word models when the curriculum and code have not changed. */
export async function buildIndex(curriculum: Curriculum, options: BuildOptions = {}): Promise<BuiltIndex> {
  const started = performance.now();
  const lessons = [...curriculum.lessons.values()];
  const chunks = chunkLessons(lessons);
  const texts = chunks.map((c) => c.indexText);
  const asks = askTargets(chunks);
  const askTexts = asks.map((a) => a.text);
  const choice = options.embeddings ?? LOCAL_EMBEDDINGS;
  const outsideTexts = ScopeBank.texts(curriculum.outOfScope);
  const contentHash = hashTexts(
    [...chunks.map((c) => `${c.id}\0${c.indexText}`), ...askTexts, ...outsideTexts],
    { salt: `${INDEX_VERSION}:${choice.name}` },
  );
  const { cacheDir } = options;
  const wordsKey = cacheDir ? `${contentHash}-${await codeFingerprint()}` : "";
  const cachedWords = cacheDir ? await readWordModels(cacheDir, wordsKey) : null;
  const embeddings = cachedWords?.embeddings
    ? HashingEmbeddings.restore(cachedWords.embeddings)
    : await choice.create(texts);

  const denseOf = (name: string, docs: string[]) =>
    vectorsOf(docs, embeddings, cacheDir ? { dir: cacheDir, name: `${contentHash}-${name}` } : undefined);
  const sections = await denseOf("sections", texts);
  const askVectors = await denseOf("asks", askTexts);
  const outsideVectors = await denseOf("outside", outsideTexts);
  const words = cachedWords
    ? restoreWordModels(cachedWords)
    : learnWordModels({ lessons, texts, askTexts, outsideTexts });
  if (cacheDir && !cachedWords)
    await writeWordModels(cacheDir, wordsKey, {
      ...stateOf(words),
      embeddings: embeddings instanceof HashingEmbeddings ? embeddings.state() : null,
    });

  return {
    index: new HybridIndex({
      chunks,
      lessonIds: lessons.map((l) => l.id),
      chunkLexical: words.chunkLexical,
      lessonLexical: words.lessonLexical,
      dense: sections.dense,
      asks,
      askLexical: words.askLexical,
      askDense: askVectors.dense,
      embeddings,
      spelling: words.spelling,
      restorer: words.restorer,
      outside: ScopeBank.build(curriculum.outOfScope, outsideVectors.dense, words.outsideLexical),
      scopeWords: words.scopeWords,
    }),
    fromCache: sections.fromCache && askVectors.fromCache && outsideVectors.fromCache && !!cachedWords,
    buildMs: performance.now() - started,
    contentHash,
  };
}

/** The documents' vectors as a dense index: read from the cache when it holds them, else embedded (and kept). */
async function vectorsOf(
  docs: string[],
  embeddings: Embeddings,
  cache?: { dir: string; name: string },
): Promise<{ dense: DenseIndex; fromCache: boolean }> {
  const cached = cache ? await readDense(cache.dir, cache.name, docs.length) : null;
  if (cached) return { dense: cached, fromCache: true };
  const vectors = await embeddings.embedDocuments(docs);
  const dimensions = vectors[0]?.length ?? 1;
  const dense = DenseIndex.build(vectors, dimensions);
  if (cache) await writeDense(cache.dir, cache.name, dense, dimensions, docs.length);
  return { dense, fromCache: false };
}

interface WordModels {
  chunkLexical: LexicalIndex;
  lessonLexical: LexicalIndex;
  askLexical: LexicalIndex;
  outsideLexical: LexicalIndex;
  spelling: SpellCorrector;
  restorer: DiacriticRestorer;
  scopeWords: ScopeWords;
}

/** The lexical indexes and the spelling and accent models, learnt from the curriculum's words. */
function learnWordModels(input: {
  lessons: Lesson[];
  texts: string[];
  askTexts: string[];
  outsideTexts: string[];
}): WordModels {
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

function restoreWordModels(state: WordModelsState): WordModels {
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

function stateOf(words: WordModels): Omit<WordModelsState, "embeddings"> {
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

function hashTexts(texts: string[], { salt }: { salt: string }): string {
  const hash = createHash("sha256").update(salt);
  for (const text of texts) hash.update(text).update("\0");
  return hash.digest("hex").slice(0, 16);
}
