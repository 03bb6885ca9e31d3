import type { Embeddings } from "@langchain/core/embeddings";
import type { Chunk } from "./chunk.ts";
import type { DenseIndex } from "./dense-index.ts";
import type { LexicalIndex } from "./lexical-index.ts";
import { expandTokens, fold, STOPWORDS, tokenize } from "./normalize.ts";

export interface LessonHit {
  lessonId: string;
  module: string;
  title: string;
  /** Fused rank score (reciprocal rank fusion); only comparable within one query. */
  score: number;
  /** Best chunks of this lesson for the query, best first. */
  chunks: Chunk[];
}

export interface RetrievalResult {
  hits: LessonHit[];
  /** 0..1: cosine similarity of the best chunk to the query. */
  similarity: number;
  /** 0..1: share of the query's content words that the best lesson contains. */
  coverage: number;
  /** Content words of the query (folded), after teencode expansion. */
  terms: string[];
}

const RRF_K = 60;
const CANDIDATES = 40;

/** Lexical and dense search over the same chunks, fused by rank, grouped by lesson. */
export class HybridIndex {
  private readonly vocabulary: Map<string, Set<string>>;

  constructor(
    readonly chunks: Chunk[],
    private readonly lexical: LexicalIndex,
    private readonly dense: DenseIndex,
    private readonly embeddings: Embeddings & { embed?: (text: string) => number[] },
  ) {
    this.vocabulary = new Map();
    for (const chunk of chunks) {
      const words = this.vocabulary.get(chunk.lessonId) ?? new Set<string>();
      this.vocabulary.set(chunk.lessonId, words);
      for (const token of tokenize(chunk.indexText)) words.add(fold(token));
    }
  }

  async search(query: string, limit = 5): Promise<RetrievalResult> {
    const vector = this.embeddings.embed
      ? this.embeddings.embed(query)
      : await this.embeddings.embedQuery(query);
    const fused = new Map<number, number>();
    const lexicalHits = this.lexical.search(query, CANDIDATES);
    const denseHits = this.dense.search(vector, CANDIDATES);
    for (const ranking of [lexicalHits, denseHits]) {
      for (const [rank, hit] of ranking.entries())
        fused.set(hit.index, (fused.get(hit.index) ?? 0) + 1 / (RRF_K + rank + 1));
    }
    const similarityOf = new Map(denseHits.map((h) => [h.index, h.similarity]));

    const lessons = new Map<string, { chunks: { chunk: Chunk; score: number }[] }>();
    for (const [index, score] of fused) {
      const chunk = this.chunks[index];
      if (!chunk) continue;
      const entry = lessons.get(chunk.lessonId) ?? { chunks: [] };
      lessons.set(chunk.lessonId, entry);
      entry.chunks.push({ chunk, score });
    }
    const hits: LessonHit[] = [...lessons.entries()]
      .map(([lessonId, { chunks }]) => {
        chunks.sort((a, b) => b.score - a.score);
        const first = chunks[0] as { chunk: Chunk; score: number };
        return {
          lessonId,
          module: first.chunk.module,
          title: first.chunk.title,
          score: first.score + 0.25 * (chunks[1]?.score ?? 0),
          chunks: chunks.map((c) => c.chunk),
        };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);

    const terms = [...new Set(expandTokens(tokenize(query)).map(fold))].filter((t) => !STOPWORDS.has(t));
    const best = hits[0];
    const bestChunkIndex = best ? this.chunks.indexOf(best.chunks[0] as Chunk) : -1;
    const similarity = Math.max(0, similarityOf.get(bestChunkIndex) ?? 0);
    const words = best ? this.vocabulary.get(best.lessonId) : undefined;
    const coverage = terms.length && words ? terms.filter((t) => words.has(t)).length / terms.length : 0;
    return { hits, similarity, coverage, terms };
  }
}
