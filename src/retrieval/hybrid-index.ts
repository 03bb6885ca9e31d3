import type { Embeddings } from "@langchain/core/embeddings";
import { quotesByLesson } from "./card-quotes.ts";
import { plainMessage } from "./chat-habits.ts";
import type { AskTarget, Chunk } from "./chunk.ts";
import { CurriculumVocabulary } from "./curriculum-vocabulary.ts";
import type { DenseIndex } from "./dense-index.ts";
import type { DiacriticRestorer } from "./diacritics.ts";
import { FUSION_WEIGHTS, type FusionWeights } from "./fusion-weights.ts";
import { HeadingIndex } from "./heading-index.ts";
import type { LexicalIndex } from "./lexical-index.ts";
import { contentTerms, isStopword, tokenize } from "./normalize.ts";
import { focusOf, withoutPersona } from "./query-focus.ts";
import { queryText } from "./query-text.ts";
import { type OutsideMatch, outsideShare, type ScopeBank } from "./scope-bank.ts";
import type { ScopeWords } from "./scope-words.ts";
import type { SpellCorrector } from "./spelling.ts";
import { namedDomains, withStrangeLinksNamed } from "./web-addresses.ts";

export interface LessonHit {
  lessonId: string;
  module: string;
  title: string;
  /** Fused rank score (weighted reciprocal rank fusion); only comparable within one query. */
  score: number;
  /** Chunks of this lesson for the query, best first. */
  chunks: Chunk[];
  /** The fused score of each of `chunks` (same order); 0 for a section nothing matched. */
  chunkScores: number[];
  /** The lesson's sentences that the asks nearest the message quote as their answer, with how strongly. */
  quotes: Map<string, number>;
}

export interface RetrievalResult {
  hits: LessonHit[];
  /** 0..1: cosine similarity of the best lesson's best chunk to the query. */
  similarity: number;
  /** 0..1: cosine similarity of the nearest thing a resident says (`asks`) to the query. */
  askSimilarity: number;
  /** BM25 score of the best-matching ask. */
  askLexical: number;
  /** 0..1: share of out-of-scope examples among the 10 nearest asks and examples, by cosine. */
  outsideShare: number;
  /** 0..1: share of the query's content words (weighted by rarity) that the best lesson contains. */
  coverage: number;
  /** 0..1: share of the query's content words the curriculum knows at all. */
  known: number;
  /** The nearest example of a message the lessons don't answer. */
  outside: OutsideMatch;
  /** How much the message's words lean towards what residents ask of lessons (> 0) or away (< 0). */
  scopeOdds: number;
  /** The same lean per word or pair the counts know, whatever the message's length. */
  scopeLean: number;
  /** Content words of the (corrected) query, folded, after teencode expansion. */
  terms: string[];
  /** The query as searched: spelling corrected and accents restored. */
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
  asks: AskTarget[];
  askLexical: LexicalIndex;
  askDense: DenseIndex;
  embeddings: Embeddings & { embed?: (text: string) => number[] };
  spelling: SpellCorrector;
  restorer: DiacriticRestorer;
  /** Out-of-scope examples, compared with every query. */
  outside: ScopeBank;
  /** Words of asks against words of out-of-scope examples. */
  scopeWords: ScopeWords;
  /** Fusion weights; default FUSION_WEIGHTS. */
  weights?: FusionWeights;
}

const CANDIDATES = 40;
const NEIGHBOURS = 10;

/**
 * Six rankings of lessons — BM25 over sections, BM25 over whole lessons, cosine over section vectors, BM25
 * and cosine over what residents say (`asks`), and headings said word for word — fused by weighted
 * reciprocal rank. An ask votes for its
 * lesson and for the section that answers it.
 */
export class HybridIndex {
  private readonly vocabulary: CurriculumVocabulary;
  private readonly byLesson = new Map<string, Chunk[]>();
  private readonly chunkOrder: Map<Chunk, number>;
  private readonly headings: HeadingIndex;
  /** The web addresses the lessons name; any other in a message is a stranger's link. */
  private readonly domains: Set<string>;

  constructor(private readonly parts: HybridParts) {
    this.domains = namedDomains(parts.chunks.map((c) => c.text));
    this.chunkOrder = new Map(parts.chunks.map((c, i) => [c, i]));
    this.headings = new HeadingIndex(parts.chunks);
    this.vocabulary = new CurriculumVocabulary(parts.chunks);
    for (const chunk of parts.chunks) {
      this.byLesson.set(chunk.lessonId, [...(this.byLesson.get(chunk.lessonId) ?? []), chunk]);
    }
  }

  /** The same index with other fusion weights (for tuning on the dev split). */
  withWeights(weights: FusionWeights): HybridIndex {
    return new HybridIndex({ ...this.parts, weights });
  }

  get chunks(): Chunk[] {
    return this.parts.chunks;
  }

  /** Every chunk of one lesson, in reading order. */
  chunksOf(lessonId: string): Chunk[] {
    return this.byLesson.get(lessonId) ?? [];
  }

  /** Adds the five rankings of one query to the fused lesson and chunk scores; returns the section hits by cosine. */
  private rank(
    query: string,
    vector: number[] | null,
    multiplier: number,
    fused: Map<string, number>,
    chunkScores: Map<number, number>,
  ) {
    const { chunks, asks, lessonIds } = this.parts;
    const w = this.parts.weights ?? FUSION_WEIGHTS;
    const addRanking = (ranked: { lesson: string; chunk?: number }[], weight: number, sectionFactor = 1) => {
      const seen = new Set<string>();
      let rank = 0;
      for (const { lesson, chunk } of ranked) {
        if (!lesson) continue;
        const credit = (multiplier * weight) / (w.rrfK + rank + 1);
        if (chunk !== undefined)
          chunkScores.set(chunk, (chunkScores.get(chunk) ?? 0) + credit * sectionFactor);
        if (seen.has(lesson)) continue;
        seen.add(lesson);
        fused.set(lesson, (fused.get(lesson) ?? 0) + credit);
        rank++;
      }
    };
    const ofChunk = (index: number) => ({ lesson: chunks[index]?.lessonId ?? "", chunk: index });
    const ofAsk = (index: number) => ofChunk(asks[index]?.chunk ?? -1);
    // Without a vector (the focus pass of a long message) only the lexical rankings run.
    const denseHits = vector ? this.parts.dense.search(vector, CANDIDATES) : [];
    // The nearest asks by cosine weigh little in the fusion; ten of them serve it and the scope features,
    // more of them say which sentences answer (their cards).
    const askDenseAll = vector ? this.parts.askDense.search(vector, CANDIDATES) : [];
    const askDenseHits = askDenseAll.slice(0, NEIGHBOURS);
    const askHits = this.parts.askLexical.search(query, CANDIDATES);
    addRanking(
      this.parts.chunkLexical.search(query, CANDIDATES).map((h) => ofChunk(h.index)),
      w.chunkLexical,
    );
    addRanking(
      denseHits.map((h) => ofChunk(h.index)),
      w.chunkDense,
    );
    addRanking(
      this.parts.lessonLexical.search(query, CANDIDATES).map((h) => ({ lesson: lessonIds[h.index] ?? "" })),
      w.lessonLexical,
    );
    addRanking(
      askHits.map((h) => ofAsk(h.index)),
      w.askLexical,
      w.sectionAsks,
    );
    addRanking(
      askDenseHits.map((h) => ofAsk(h.index)),
      w.askDense,
      w.sectionAsks,
    );
    if (vector)
      addRanking(
        this.headings.matches(query).map((index) => ofChunk(index)),
        w.heading,
      );
    const quotes = quotesByLesson(
      [askHits.map((h) => h.index), askDenseAll.map((h) => h.index)],
      asks,
      (chunk) => chunks[chunk]?.lessonId ?? "",
    );
    return { denseHits, askDenseHits, askLexical: askHits[0]?.score ?? 0, quotes };
  }

  /** The query as the indexes see it: unknown words corrected toward the curriculum, accents restored. */
  prepare(rawQuery: string): string {
    // "vneid-xacthuc.com" is a stranger's link, not a word about VNeID.
    return queryText(withStrangeLinksNamed(rawQuery, this.domains), this.parts.spelling, this.parts.restorer);
  }

  /** Embeds a text with the index's embeddings (synchronously when the model allows). */
  async embed(text: string): Promise<number[]> {
    const { embeddings } = this.parts;
    return embeddings.embed ? embeddings.embed(text) : embeddings.embedQuery(text);
  }

  async search(
    message: string,
    limit = 5,
    boost?: { lessonId: string; weight: number },
  ): Promise<RetrievalResult> {
    // "Chào em, cho chị hỏi …, cảm ơn em", "giúp với ạaa": the greeting, the thanks and the stretching ask nothing.
    const rawQuery = plainMessage(message);
    // "Tôi là tổ trưởng…" says who writes, not what they need: it pulled long messages to the lessons for
    // officials (dev long messages' first lesson right 88.8% → 90.3% without it).
    const query = this.prepare(withoutPersona(rawQuery));
    const vector = await this.embed(query);
    const fused = new Map<string, number>();
    const chunkScores = new Map<number, number>();
    const { denseHits, askDenseHits, askLexical, quotes } = this.rank(query, vector, 1, fused, chunkScores);
    // A long story: the sentences that ask count again, so the question is not drowned by the story.
    const focus = focusOf(rawQuery);
    if (focus) {
      const focusQuery = this.prepare(focus);
      const weight = (this.parts.weights ?? FUSION_WEIGHTS).focus;
      if (weight > 0) this.rank(focusQuery, null, weight, fused, chunkScores);
    }
    const similarityOf = new Map(denseHits.map((h) => [h.index, h.similarity]));
    const nearAsks = askDenseHits.slice(0, NEIGHBOURS);
    const outside = this.parts.outside.nearest(query, vector, NEIGHBOURS);
    if (boost && fused.has(boost.lessonId))
      fused.set(boost.lessonId, (fused.get(boost.lessonId) ?? 0) + boost.weight);

    const hits = this.lessonHits(fused, chunkScores, quotes, limit);

    const terms = [...new Set(contentTerms(query))];
    const best = hits[0];
    const bestChunk = best?.chunks[0];
    // The message as typed, words run together split apart and unconverted Telex ("tieenf") read.
    const asTyped = this.parts.spelling.untelex(this.parts.spelling.segment(rawQuery));
    const typedLean = this.parts.scopeWords.lean(asTyped);
    const readLean = this.parts.scopeWords.lean(query);
    const similarity = Math.max(0, similarityOf.get(bestChunk ? this.indexOf(bestChunk) : -1) ?? 0);
    return {
      hits,
      similarity,
      askSimilarity: Math.max(0, nearAsks[0]?.similarity ?? 0),
      askLexical,
      outsideShare: outsideShare(nearAsks, outside.neighbours, NEIGHBOURS),
      coverage: best
        ? this.vocabulary.coverage(terms, best.lessonId, (t) => this.parts.chunkLexical.idf(`f:${t}`))
        : 0,
      outside,
      // As typed (asks keep residents' slips) or as read, whichever the asks vouch for more: a slip the
      // corrector undid ("tền") no longer counts against a message that is in scope.
      scopeOdds: Math.max(typedLean.odds, readLean.odds),
      scopeLean: Math.max(typedLean.perFeature, readLean.perFeature),
      known: this.vocabulary.knownShare(
        tokenize(asTyped).filter((t) => !isStopword(t)),
        (word) => this.parts.spelling.has(word),
      ),
      terms,
      query,
    };
  }

  /** The best `limit` lessons by fused score, each with its sections ranked by their own scores. */
  private lessonHits(
    fused: Map<string, number>,
    chunkScores: Map<number, number>,
    quotes: Map<string, Map<string, number>>,
    limit: number,
  ): LessonHit[] {
    const scoreOf = (chunk: Chunk) => chunkScores.get(this.indexOf(chunk)) ?? 0;
    return [...fused.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([lessonId, score]) => {
        const own = this.chunksOf(lessonId);
        const ranked = [...own].sort((a, b) => scoreOf(b) - scoreOf(a));
        const first = own[0] as Chunk;
        return {
          lessonId,
          module: first.module,
          title: first.title,
          score,
          chunks: ranked,
          chunkScores: ranked.map(scoreOf),
          quotes: quotes.get(lessonId) ?? new Map(),
        };
      });
  }

  private indexOf(chunk: Chunk): number {
    return this.chunkOrder.get(chunk) ?? -1;
  }
}
