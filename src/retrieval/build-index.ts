import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import type { Curriculum } from "../knowledge/types.ts";
import { type Chunk, chunkLessons } from "./chunk.ts";
import { DenseIndex } from "./dense-index.ts";
import { HashingEmbeddings } from "./hashing-embeddings.ts";
import { HybridIndex } from "./hybrid-index.ts";
import { LexicalIndex } from "./lexical-index.ts";
import { SpellCorrector } from "./spelling.ts";

/** Bump when chunking or features change, so old caches are not reused. */
const INDEX_VERSION = "6";

export interface BuildOptions {
  /** Where the built dense index is cached; omitted → no cache. */
  cacheDir?: string;
  /** An embeddings model (e.g. OpenAIEmbeddings); default: the local HashingEmbeddings fitted on the curriculum. */
  embeddings?: Embeddings;
  /** Name of the embeddings model, part of the cache key. */
  embeddingsName?: string;
}

export interface BuiltIndex {
  index: HybridIndex;
  fromCache: boolean;
  buildMs: number;
  contentHash: string;
}

/** Builds the hybrid index, reusing a cached dense index when the curriculum has not changed. */
export async function buildIndex(curriculum: Curriculum, options: BuildOptions = {}): Promise<BuiltIndex> {
  const started = performance.now();
  const chunks = chunkLessons(curriculum.lessons.values());
  const texts = chunks.map((c) => c.indexText);
  const embeddings = options.embeddings ?? new HashingEmbeddings({ fitTexts: texts });
  const embeddingsName =
    options.embeddingsName ?? `hashing-${(embeddings as HashingEmbeddings).dimensions ?? ""}`;
  const contentHash = hashChunks(chunks, `${INDEX_VERSION}:${embeddingsName}`);
  const lessons = [...curriculum.lessons.values()];
  const lessonLexical = new LexicalIndex(
    lessons.map((l) =>
      [
        l.title,
        l.title,
        l.title,
        l.summary,
        l.keywords.join(" ; "),
        l.keywords.join(" ; "),
        ...l.sections.map((s) => s.heading),
      ].join("\n"),
    ),
  );
  const chunkLexical = new LexicalIndex(texts);
  const spelling = new SpellCorrector(texts);

  const cached = options.cacheDir ? await readCache(options.cacheDir, contentHash, chunks.length) : null;
  let dense = cached;
  if (!dense) {
    const vectors = await embeddings.embedDocuments(texts);
    const dimensions = vectors[0]?.length ?? 1;
    dense = DenseIndex.build(vectors, dimensions);
    if (options.cacheDir) await writeCache(options.cacheDir, contentHash, dense, dimensions, chunks.length);
  }
  return {
    index: new HybridIndex({
      chunks,
      lessonIds: lessons.map((l) => l.id),
      chunkLexical,
      lessonLexical,
      dense,
      embeddings,
      spelling,
    }),
    fromCache: cached !== null,
    buildMs: performance.now() - started,
    contentHash,
  };
}

function hashChunks(chunks: Chunk[], salt: string): string {
  const hash = createHash("sha256").update(salt);
  for (const chunk of chunks) hash.update(chunk.id).update("\0").update(chunk.indexText).update("\0");
  return hash.digest("hex").slice(0, 16);
}

async function readCache(dir: string, hash: string, size: number): Promise<DenseIndex | null> {
  try {
    const meta = JSON.parse(await readFile(join(dir, `${hash}.json`), "utf8")) as {
      dimensions: number;
      size: number;
    };
    if (meta.size !== size) return null;
    return DenseIndex.read(join(dir, `${hash}.hnsw`), meta.dimensions, size);
  } catch {
    return null;
  }
}

async function writeCache(dir: string, hash: string, dense: DenseIndex, dimensions: number, size: number) {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${hash}.hnsw.tmp`);
  dense.write(temp);
  await rename(temp, join(dir, `${hash}.hnsw`));
  await writeFile(
    join(dir, `${hash}.json`),
    JSON.stringify({ dimensions, size, builtAt: new Date().toISOString() }),
  );
}
