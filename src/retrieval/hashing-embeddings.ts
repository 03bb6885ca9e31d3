import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { termsAndTrigrams } from "./features.ts";

export interface HashingEmbeddingsParams extends EmbeddingsParams {
  /** Vector size (default 512). */
  dimensions?: number;
  /** Texts to learn inverse document frequencies from (the curriculum); without them every term weighs 1. */
  fitTexts?: string[];
}

/** The fitted word weights, as `buildIndex` caches them between starts. */
export interface HashingState {
  dimensions: number;
  idf: Map<string, number>;
  defaultIdf: number;
}

const WEIGHTS: Record<string, number> = { f: 1, b: 1.6, c: 0.35 };

/**
 * The default, local, deterministic embedding: folded syllables, folded bigrams and character trigrams,
 * hashed (FNV-1a, signed) into a fixed-size vector, weighted by IDF fitted on the curriculum, L2-normalised.
 * No network and no model files; the same text always gives the same vector.
 */
export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly idf = new Map<string, number>();
  /** Features of the fit texts, kept until each is embedded (the index embeds those texts first). */
  private readonly pending = new Map<string, string[]>();
  private defaultIdf = 1;

  constructor(params: HashingEmbeddingsParams = {}) {
    super(params);
    this.dimensions = params.dimensions ?? 512;
    if (params.fitTexts?.length) this.fit(params.fitTexts);
  }

  /** A model with the word weights a fitted one had (`state()`), without fitting again. */
  static restore(state: HashingState): HashingEmbeddings {
    const model = new HashingEmbeddings({ dimensions: state.dimensions });
    for (const [feature, idf] of state.idf) model.idf.set(feature, idf);
    model.defaultIdf = state.defaultIdf;
    return model;
  }

  state(): HashingState {
    return { dimensions: this.dimensions, idf: this.idf, defaultIdf: this.defaultIdf };
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  /** Synchronous form, used on the hot path of a turn. */
  embed(text: string): number[] {
    const counts = new Map<string, number>();
    const ready = this.pending.get(text);
    // A text that was not fitted means the fitted ones are not being embedded (their vectors were cached):
    // what was kept for them is let go.
    if (ready) this.pending.delete(text);
    else this.pending.clear();
    for (const feature of ready ?? features(text)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const vector = new Float64Array(this.dimensions);
    for (const [feature, count] of counts) {
      const kind = feature[0] ?? "f";
      const weight =
        (WEIGHTS[kind] ?? 1) * (1 + Math.log(count)) * (this.idf.get(feature) ?? this.defaultIdf);
      const hash = fnv1a(feature);
      const slot = hash % this.dimensions;
      vector[slot] = (vector[slot] ?? 0) + (hash & 0x80000000 ? -weight : weight);
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    // A plain loop: Array.from with a mapping function took most of the time of embedding ten thousand asks.
    const unit = new Array<number>(this.dimensions);
    for (let i = 0; i < this.dimensions; i++) unit[i] = (vector[i] ?? 0) / norm;
    return unit;
  }

  private fit(texts: string[]): void {
    const df = new Map<string, number>();
    for (const text of texts) {
      const all = features(text);
      this.pending.set(text, all);
      for (const feature of new Set(all)) df.set(feature, (df.get(feature) ?? 0) + 1);
    }
    const n = texts.length;
    for (const [feature, count] of df) this.idf.set(feature, Math.log(1 + n / count));
    this.defaultIdf = Math.log(1 + n);
  }
}

function features(text: string): string[] {
  const { terms, trigrams } = termsAndTrigrams(text);
  return [...terms.filter((t) => !t.startsWith("a:")), ...trigrams];
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
