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
  /** Per document: k1 × (1 − b + b × length / average length), the denominator's constant part. */
  private readonly norms: Float64Array;

  constructor(
    texts: string[],
    private readonly k1 = 1.2,
    b = 0.6,
  ) {
    // Documents are read in order, so a term's posting only ever grows at its end.
    const building = new Map<string, { docs: number[]; tfs: number[] }>();
    this.lengths = new Float64Array(texts.length);
    texts.forEach((text, doc) => {
      const terms = indexTerms(text);
      this.lengths[doc] = terms.length;
      for (const term of terms) {
        let posting = building.get(term);
        if (!posting) {
          posting = { docs: [], tfs: [] };
          building.set(term, posting);
        }
        const last = posting.docs.length - 1;
        if (posting.docs[last] === doc) posting.tfs[last] = (posting.tfs[last] ?? 0) + 1;
        else {
          posting.docs.push(doc);
          posting.tfs.push(1);
        }
      }
    });
    for (const [term, posting] of building)
      this.postings.set(term, { docs: Int32Array.from(posting.docs), tfs: Float64Array.from(posting.tfs) });
    let total = 0;
    for (const length of this.lengths) total += length;
    this.averageLength = total / Math.max(1, texts.length);
    this.norms = this.lengths.map((length) => k1 * (1 - b + (b * length) / (this.averageLength || 1)));
  }

  get size(): number {
    return this.lengths.length;
  }

  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** BM25 of every document sharing a term with the query. */
  search(query: string, limit: number): Scored[] {
    const scores = new Float64Array(this.size);
    const touched: number[] = [];
    for (const term of new Set(indexTerms(query, { expand: true }))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const weight = this.idf(term) * (this.k1 + 1);
      const { docs, tfs } = posting;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        const tf = tfs[i] as number;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + (weight * tf) / (tf + (this.norms[doc] as number));
      }
    }
    return topK(touched, scores, limit);
  }
}

/** The `limit` best documents, best first (ties by document order), without sorting every touched one. */
function topK(touched: number[], scores: Float64Array, limit: number): Scored[] {
  const better = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b);
  // A min-heap of the best `limit` so far: its root is the worst kept.
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst] as number, heap[l] as number)) worst = l;
      if (r < heap.length && better(heap[worst] as number, heap[r] as number)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as number, heap[i] as number];
      i = worst;
    }
  };
  for (const doc of touched) {
    if (heap.length < limit) {
      heap.push(doc);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent] as number, heap[i] as number)) break;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else if (limit > 0 && better(doc, heap[0] as number)) {
      heap[0] = doc;
      down(0);
    }
  }
  return heap
    .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
    .map((index) => ({ index, score: scores[index] as number }));
}
