import { createHash } from "node:crypto";
import type { Embeddings } from "@langchain/core/embeddings";
import type { Curriculum } from "../knowledge/types.ts";
import { askTargets, chunkLessons } from "./chunk.ts";
import { type EmbeddingsChoice, LOCAL_EMBEDDINGS } from "./create-embeddings.ts";
import { DenseIndex } from "./dense-index.ts";
import { HashingEmbeddings } from "./hashing-embeddings.ts";
import { HybridIndex } from "./hybrid-index.ts";
import { codeFingerprint, readDense, readWordModels, writeDense, writeWordModels } from "./index-cache.ts";
import { ScopeBank } from "./scope-bank.ts";
import { learnWordModels, learnWordModelsAside, restoreWordModels, stateOf } from "./word-models.ts";

/** Bump when chunking or features change, so old caches are not reused. */
const INDEX_VERSION = "9";

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
  const input = { lessons, texts, askTexts, outsideTexts };
  // The word models are learnt on a worker thread while this one embeds; here when no worker starts.
  const aside = cachedWords ? null : learnWordModelsAside(input).catch(() => null);
  const embeddings = cachedWords?.embeddings
    ? HashingEmbeddings.restore(cachedWords.embeddings)
    : await choice.create(texts);

  const denseOf = (name: string, docs: string[]) =>
    vectorsOf(docs, embeddings, cacheDir ? { dir: cacheDir, name: `${contentHash}-${name}` } : undefined);
  const sections = await denseOf("sections", texts);
  const askVectors = await denseOf("asks", askTexts);
  const outsideVectors = await denseOf("outside", outsideTexts);
  const learnt = cachedWords ?? (await aside);
  const words = learnt ? restoreWordModels(learnt) : learnWordModels(input);
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

function hashTexts(texts: string[], { salt }: { salt: string }): string {
  const hash = createHash("sha256").update(salt);
  for (const text of texts) hash.update(text).update("\0");
  return hash.digest("hex").slice(0, 16);
}
