import { indexTerms } from "./features.ts";

export interface Scored {
  index: number;
  score: number;
}

interface Posting {
  docs: Int32Array;
  tfs: Float64Array;
}

/** Okapi BM25 over accented, folded and bigram terms; postings are packed arrays for fast scoring. */
export class LexicalIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly lengths: Float64Array;
  private readonly averageLength: number;

  constructor(
    texts: string[],
    private readonly k1 = 1.2,
    private readonly b = 0.6,
  ) {
    const building = new Map<string, Map<number, number>>();
    this.lengths = new Float64Array(texts.length);
    texts.forEach((text, doc) => {
      const terms = indexTerms(text);
      this.lengths[doc] = terms.length;
      for (const term of terms) {
        const posting = building.get(term) ?? new Map<number, number>();
        building.set(term, posting);
        posting.set(doc, (posting.get(doc) ?? 0) + 1);
      }
    });
    for (const [term, posting] of building)
      this.postings.set(term, {
        docs: Int32Array.from(posting.keys()),
        tfs: Float64Array.from(posting.values()),
      });
    let total = 0;
    for (const length of this.lengths) total += length;
    this.averageLength = total / Math.max(1, texts.length);
  }

  get size(): number {
    return this.lengths.length;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  search(query: string, limit: number): Scored[] {
    const scores = new Float64Array(this.size);
    const touched: number[] = [];
    for (const term of new Set(indexTerms(query, { expand: true }))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf(term);
      const { docs, tfs } = posting;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        const tf = tfs[i] as number;
        const norm = 1 - this.b + (this.b * (this.lengths[doc] as number)) / this.averageLength;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + (idf * tf * (this.k1 + 1)) / (tf + this.k1 * norm);
      }
    }
    return touched
      .map((index) => ({ index, score: scores[index] as number }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit);
  }
}
