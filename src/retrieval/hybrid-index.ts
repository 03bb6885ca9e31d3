import type { Embeddings } from "@langchain/core/embeddings";
import type { Chunk } from "./chunk.ts";
import type { DenseIndex } from "./dense-index.ts";
import type { LexicalIndex } from "./lexical-index.ts";
import { expandTokens, fold, isStopword, tokenize } from "./normalize.ts";
import type { SpellCorrector } from "./spelling.ts";

export interface LessonHit {
  lessonId: string;
  module: string;
  title: string;
  /** Fused rank score (reciprocal rank fusion); only comparable within one query. */
  score: number;
  /** Chunks of this lesson for the query, best first. */
  chunks: Chunk[];
}

export interface RetrievalResult {
  hits: LessonHit[];
  /** 0..1: cosine similarity of the best lesson's best chunk to the query. */
  similarity: number;
  /** 0..1: share of the query's content words (weighted by rarity) that the best lesson contains. */
  coverage: number;
  /** Content words of the (spell-corrected) query, folded, after teencode expansion. */
  terms: string[];
  /** The query as searched, after spelling correction. */
  query: string;
}

/** The parts a hybrid index is made of; built by `buildIndex`. */
export interface HybridParts {
  chunks: Chunk[];
  /** Lesson ids in the order of `lessonLexical`'s documents. */
  lessonIds: string[];
  chunkLexical: LexicalIndex;
  lessonLexical: LexicalIndex;
  dense: DenseIndex;
  embeddings: Embeddings & { embed?: (text: string) => number[] };
  spelling: SpellCorrector;
}

const RRF_K = 30;
const CANDIDATES = 40;

/**
 * Three rankings of lessons — BM25 over sections, BM25 over whole lessons (title, summary, keywords, headings
 * weighted up) and cosine over section vectors — fused by reciprocal rank.
 */
export class HybridIndex {
  private readonly vocabulary = new Map<string, Set<string>>();
  private readonly chunkOrder: Map<Chunk, number>;

  constructor(private readonly parts: HybridParts) {
    for (const chunk of parts.chunks) {
      const words = this.vocabulary.get(chunk.lessonId) ?? new Set<string>();
      this.vocabulary.set(chunk.lessonId, words);
      for (const token of tokenize(chunk.indexText)) words.add(fold(token));
    }
    this.chunkOrder = new Map(parts.chunks.map((c, i) => [c, i]));
  }

  get chunks(): Chunk[] {
    return this.parts.chunks;
  }

  /** Every chunk of one lesson, in reading order. */
  chunksOf(lessonId: string): Chunk[] {
    return this.parts.chunks.filter((c) => c.lessonId === lessonId);
  }

  async search(rawQuery: string, limit = 5): Promise<RetrievalResult> {
    const { chunks, chunkLexical, lessonLexical, dense, embeddings, spelling, lessonIds } = this.parts;
    const query = spelling.correct(rawQuery);
    const vector = embeddings.embed ? embeddings.embed(query) : await embeddings.embedQuery(query);

    const chunkHits = chunkLexical.search(query, CANDIDATES);
    const denseHits = dense.search(vector, CANDIDATES);
    const lessonHits = lessonLexical.search(query, CANDIDATES);
    const similarityOf = new Map(denseHits.map((h) => [h.index, h.similarity]));

    const fused = new Map<string, number>();
    const bestChunks = new Map<string, Map<number, number>>();
    const addRanking = (lessons: string[], weight: number) => {
      for (const [rank, lesson] of lessons.entries())
        fused.set(lesson, (fused.get(lesson) ?? 0) + weight / (RRF_K + rank + 1));
    };
    const lessonsOf = (hits: { index: number }[], perChunk: number) => {
      const order: string[] = [];
      for (const [rank, hit] of hits.entries()) {
        const chunk = chunks[hit.index];
        if (!chunk) continue;
        const scores = bestChunks.get(chunk.lessonId) ?? new Map<number, number>();
        bestChunks.set(chunk.lessonId, scores);
        scores.set(hit.index, (scores.get(hit.index) ?? 0) + perChunk / (RRF_K + rank + 1));
        if (!order.includes(chunk.lessonId)) order.push(chunk.lessonId);
      }
      return order;
    };
    addRanking(lessonsOf(chunkHits, 1), 1);
    addRanking(lessonsOf(denseHits, 1), 1);
    addRanking(
      lessonHits.map((h) => lessonIds[h.index] ?? ""),
      1,
    );

    const hits: LessonHit[] = [...fused.entries()]
      .filter(([lessonId]) => lessonId)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([lessonId, score]) => {
        const ranked = [...(bestChunks.get(lessonId) ?? new Map<number, number>()).entries()].sort(
          (a, b) => b[1] - a[1],
        );
        const ownChunks = ranked.map(([i]) => chunks[i]).filter((c): c is Chunk => !!c);
        const fallback = chunks.filter((c) => c.lessonId === lessonId);
        const first = (ownChunks[0] ?? fallback[0]) as Chunk;
        return {
          lessonId,
          module: first.module,
          title: first.title,
          score,
          chunks: ownChunks.length ? ownChunks : fallback,
        };
      });

    const terms = [
      ...new Set(
        expandTokens(tokenize(query))
          .filter((t) => !isStopword(t))
          .map(fold),
      ),
    ];
    const best = hits[0];
    const bestChunk = best?.chunks[0];
    const similarity = Math.max(
      0,
      similarityOf.get(bestChunk ? (this.chunkOrder.get(bestChunk) ?? -1) : -1) ?? 0,
    );
    return { hits, similarity, coverage: best ? this.coverage(terms, best.lessonId) : 0, terms, query };
  }

  /** Rarity-weighted share of query terms found in a lesson; words unknown to the curriculum weigh most. */
  private coverage(terms: string[], lessonId: string): number {
    const words = this.vocabulary.get(lessonId);
    if (!terms.length || !words) return 0;
    let total = 0;
    let found = 0;
    for (const term of terms) {
      const weight = this.parts.chunkLexical.idf(`f:${term}`);
      total += weight;
      if (words.has(term)) found += weight;
    }
    return total ? found / total : 0;
  }
}
