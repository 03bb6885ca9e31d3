import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { fingerprintFiles } from "../shared/source-fingerprint.ts";
import { DenseIndex } from "./dense-index.ts";
import type { RestorerState } from "./diacritics.ts";
import type { HashingState } from "./hashing-embeddings.ts";
import type { LexicalState } from "./lexical-index.ts";
import type { ScopeWordsState } from "./scope-words.ts";
import type { SpellingState } from "./spelling.ts";

/**
 * What the index learns from the curriculum's words besides its vectors: the lexical indexes, the spelling
 * and accent models, the local embedding's word weights. Rebuilding them takes about a second at every start;
 * read back from DATA_DIR/index they take a few tens of milliseconds.
 */
export interface WordModelsState {
  chunkLexical: LexicalState;
  lessonLexical: LexicalState;
  askLexical: LexicalState;
  outsideLexical: LexicalState;
  spelling: SpellingState;
  restorer: RestorerState;
  scopeWords: ScopeWordsState;
  /** The local embedding's word weights (null for a remote model, which has none). */
  embeddings: HashingState | null;
}

/** The folders whose code turns text into these models: retrieval, and the words and helpers it reads. */
const TEXT_CODE = ["retrieval", "catalog", "shared", "knowledge"];

/**
 * A fingerprint of the code that turns text into these models (its source files and the lexicon): a cache
 * written by other code is never read back, even when nobody bumped a version.
 */
export function codeFingerprint(root = join(import.meta.dirname, "..")): Promise<string> {
  return fingerprintFiles(root, TEXT_CODE, /\.(ts|tsv)$/);
}

export async function readWordModels(dir: string, key: string): Promise<WordModelsState | null> {
  try {
    return deserialize(await readFile(join(dir, `${key}-words.v8`))) as WordModelsState;
  } catch {
    return null;
  }
}

export async function writeWordModels(dir: string, key: string, state: WordModelsState): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${key}-words.v8`);
  await writeFile(`${path}.tmp`, serialize(state));
  await rename(`${path}.tmp`, path);
}

export async function readDense(dir: string, name: string, size: number): Promise<DenseIndex | null> {
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

export async function writeDense(
  dir: string,
  name: string,
  dense: DenseIndex,
  dimensions: number,
  size: number,
) {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${name}.hnsw.tmp`);
  dense.write(temp);
  await rename(temp, join(dir, `${name}.hnsw`));
  await writeFile(
    join(dir, `${name}.json`),
    JSON.stringify({ dimensions, size, builtAt: new Date().toISOString() }),
  );
}
