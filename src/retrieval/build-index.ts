import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Curriculum, Lesson } from "../knowledge/types.ts";
import { askTargets, chunkLessons } from "./chunk.ts";
import { type EmbeddingsChoice, LOCAL_EMBEDDINGS } from "./create-embeddings.ts";
import { DenseIndex } from "./dense-index.ts";
import { DiacriticRestorer } from "./diacritics.ts";
import { HybridIndex } from "./hybrid-index.ts";
import { LexicalIndex } from "./lexical-index.ts";
import { ScopeBank } from "./scope-bank.ts";
import { SpellCorrector } from "./spelling.ts";

/** Bump when chunking or features change, so old caches are not reused. */
const INDEX_VERSION = "9";

export interface BuildOptions {
  /** Where the built dense indexes are cached; omitted → no cache. */
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

/** Builds the hybrid index, reusing cached dense indexes when the curriculum has not changed. */
export async function buildIndex(curriculum: Curriculum, options: BuildOptions = {}): Promise<BuiltIndex> {
  const started = performance.now();
  const lessons = [...curriculum.lessons.values()];
  const chunks = chunkLessons(lessons);
  const texts = chunks.map((c) => c.indexText);
  const asks = askTargets(chunks);
  const askTexts = asks.map((a) => a.text);
  const choice = options.embeddings ?? LOCAL_EMBEDDINGS;
  const embeddings = await choice.create(texts);
  const outsideTexts = ScopeBank.texts(curriculum.outOfScope);
  const contentHash = hashTexts(
    [...chunks.map((c) => `${c.id}\0${c.indexText}`), ...askTexts, ...outsideTexts],
    { salt: `${INDEX_VERSION}:${choice.name}` },
  );

  const denseOf = async (name: string, docs: string[]) => {
    const cached = options.cacheDir
      ? await readCache(options.cacheDir, `${contentHash}-${name}`, docs.length)
      : null;
    if (cached) return { dense: cached, fromCache: true };
    const vectors = await embeddings.embedDocuments(docs);
    const dimensions = vectors[0]?.length ?? 1;
    const dense = DenseIndex.build(vectors, dimensions);
    if (options.cacheDir)
      await writeCache(options.cacheDir, `${contentHash}-${name}`, dense, dimensions, docs.length);
    return { dense, fromCache: false };
  };
  const sections = await denseOf("sections", texts);
  const askVectors = await denseOf("asks", askTexts);
  const outsideVectors = await denseOf("outside", outsideTexts);
  const outside = ScopeBank.build(curriculum.outOfScope, outsideVectors.dense);

  return {
    index: new HybridIndex({
      chunks,
      lessonIds: lessons.map((l) => l.id),
      chunkLexical: new LexicalIndex(texts),
      lessonLexical: new LexicalIndex(lessons.map(lessonText)),
      dense: sections.dense,
      asks,
      askLexical: new LexicalIndex(askTexts),
      askDense: askVectors.dense,
      embeddings,
      spelling: new SpellCorrector(texts),
      restorer: new DiacriticRestorer([
        ...lessons.flatMap((l) => [l.title, l.summary, l.body, ...l.keywords]),
        ...askTexts,
      ]),
      outside,
    }),
    fromCache: sections.fromCache && askVectors.fromCache && outsideVectors.fromCache,
    buildMs: performance.now() - started,
    contentHash,
  };
}

function hashTexts(texts: string[], { salt }: { salt: string }): string {
  const hash = createHash("sha256").update(salt);
  for (const text of texts) hash.update(text).update("\0");
  return hash.digest("hex").slice(0, 16);
}

async function readCache(dir: string, name: string, size: number): Promise<DenseIndex | null> {
  try {
    const meta = JSON.parse(await readFile(join(dir, `${name}.json`), "utf8")) as {
      dimensions: number;
      size: number;
    };
    if (meta.size !== size) return null;
    return DenseIndex.read(join(dir, `${name}.hnsw`), meta.dimensions, size);
  } catch {
    return null;
  }
}

async function writeCache(dir: string, name: string, dense: DenseIndex, dimensions: number, size: number) {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${name}.hnsw.tmp`);
  dense.write(temp);
  await rename(temp, join(dir, `${name}.hnsw`));
  await writeFile(
    join(dir, `${name}.json`),
    JSON.stringify({ dimensions, size, builtAt: new Date().toISOString() }),
  );
}
