import { indexTerms } from "./features.ts";

export interface Scored {
  index: number;
  score: number;
}

/** Okapi BM25 over accented, folded and bigram terms. */
export class LexicalIndex {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private averageLength = 0;

  constructor(
    texts: string[],
    private readonly k1 = 1.2,
    private readonly b = 0.6,
  ) {
    texts.forEach((text, doc) => {
      const terms = indexTerms(text);
      this.lengths.push(terms.length);
      for (const term of terms) {
        const posting = this.postings.get(term) ?? new Map<number, number>();
        this.postings.set(term, posting);
        posting.set(doc, (posting.get(doc) ?? 0) + 1);
      }
    });
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  get size(): number {
    return this.lengths.length;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  search(query: string, limit: number): Scored[] {
    const scores = new Map<number, number>();
    for (const term of new Set(indexTerms(query, { expand: true }))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf(term);
      for (const [doc, tf] of posting) {
        const norm = 1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / this.averageLength;
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (this.k1 + 1)) / (tf + this.k1 * norm));
      }
    }
    return [...scores]
      .map(([index, score]) => ({ index, score }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
