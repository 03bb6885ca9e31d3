import { indexTerms } from "./features.ts";

export interface Scored {
  index: number;
  score: number;
}

interface Posting {
  docs: Int32Array;
  /** Per document: tf / (tf + its norm), BM25's saturated term frequency, worked out once. */
  saturated: Float64Array;
  /** idf × (k1 + 1): the term's weight. */
  weight: number;
}

/**
 * What a lexical index is made of, as `buildIndex` caches it between starts: every term's posting laid end
 * to end in two arrays (term i's documents are docs[starts[i] .. starts[i + 1]]), which read back in a few
 * milliseconds where one small array per term would take a hundred.
 */
export interface LexicalState {
  terms: string[];
  starts: Int32Array;
  docs: Int32Array;
  tfs: Float64Array;
  lengths: Float64Array;
  k1: number;
  b: number;
}

/** Okapi BM25 over accented, folded and bigram terms; postings are packed arrays for fast scoring. */
export class LexicalIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly averageLength: number;
  /** Per document: k1 × (1 − b + b × length / average length), the denominator's constant part. */
  private readonly norms: Float64Array;
  /** Scores of the search under way. */
  private readonly scores: Float64Array;

  private constructor(private readonly packed: LexicalState) {
    const { terms, starts, docs, tfs, lengths, k1, b } = packed;
    let total = 0;
    for (const length of lengths) total += length;
    this.averageLength = total / Math.max(1, lengths.length);
    this.norms = lengths.map((length) => k1 * (1 - b + (b * length) / (this.averageLength || 1)));
    const saturated = new Float64Array(tfs.length);
    for (let i = 0; i < tfs.length; i++) {
      const tf = tfs[i] as number;
      saturated[i] = tf / (tf + (this.norms[docs[i] as number] as number));
    }
    terms.forEach((term, i) => {
      const from = starts[i] ?? 0;
      const to = starts[i + 1] ?? docs.length;
      this.postings.set(term, {
        docs: docs.subarray(from, to),
        saturated: saturated.subarray(from, to),
        weight: this.idfOf(to - from) * (k1 + 1),
      });
    });
    this.scores = new Float64Array(lengths.length);
  }

  static build(texts: string[], k1 = 1.2, b = 0.6): LexicalIndex {
    const said = termsByNumber(texts);
    return new LexicalIndex({ terms: said.terms, ...postingsOf(said), lengths: said.lengths, k1, b });
  }

  static restore(state: LexicalState): LexicalIndex {
    return new LexicalIndex(state);
  }

  state(): LexicalState {
    return this.packed;
  }

  get size(): number {
    return this.packed.lengths.length;
  }

  idf(term: string): number {
    return this.idfOf(this.postings.get(term)?.docs.length ?? 0);
  }

  private idfOf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** BM25 of every document sharing a term with the query. */
  search(query: string, limit: number): Scored[] {
    // One buffer for every search (a turn is answered without awaiting in between), cleared after. A long
    // message touches nearly every document, so no list of touched ones is kept: the best are found by
    // reading the whole buffer, which costs less than noting each document as it is first touched.
    const scores = this.scores;
    for (const term of indexTerms(query, { expand: true })) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const { docs, saturated, weight } = posting;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        scores[doc] = (scores[doc] as number) + weight * (saturated[i] as number);
      }
    }
    const best = topK(scores, limit);
    scores.fill(0);
    return best;
  }
}

/** Every document's terms as numbers, end to end (document i's are said[ends[i - 1] .. ends[i]]). */
interface TermsByNumber {
  /** The terms, numbered as first seen. */
  terms: string[];
  said: Int32Array;
  ends: Int32Array;
  lengths: Float64Array;
}

/**
 * The documents' terms written down as numbers in one flat array, from which the postings are laid out by
 * counting (a small growing array per term cost twice as much).
 */
function termsByNumber(texts: string[]): TermsByNumber {
  const ids = new Map<string, number>();
  const lengths = new Float64Array(texts.length);
  const ends = new Int32Array(texts.length);
  let said = new Int32Array(1 << 16);
  let count = 0;
  texts.forEach((text, doc) => {
    const terms = indexTerms(text);
    lengths[doc] = terms.length;
    if (count + terms.length > said.length) said = grown(said, count + terms.length);
    for (const term of terms) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
      }
      said[count++] = id;
    }
    ends[doc] = count;
  });
  return { terms: [...ids.keys()], said: said.subarray(0, count), ends, lengths };
}

/** Each term's documents in order, with how often each says it: how many hold each term first, then who. */
function postingsOf({ terms, said, ends }: TermsByNumber): Pick<LexicalState, "starts" | "docs" | "tfs"> {
  const byDocument = (visit: (id: number, doc: number) => void) => {
    let from = 0;
    ends.forEach((to, doc) => {
      for (let i = from; i < to; i++) visit(said[i] as number, doc);
      from = to;
    });
  };
  const lastDoc = new Int32Array(terms.length).fill(-1);
  const starts = new Int32Array(terms.length + 1);
  byDocument((id, doc) => {
    if (lastDoc[id] === doc) return;
    lastDoc[id] = doc;
    starts[id + 1] = (starts[id + 1] as number) + 1;
  });
  for (let id = 0; id < terms.length; id++)
    starts[id + 1] = (starts[id + 1] as number) + (starts[id] as number);
  const entries = starts[terms.length] as number;
  const docs = new Int32Array(entries);
  const tfs = new Float64Array(entries);
  const next = starts.slice(0, terms.length);
  lastDoc.fill(-1);
  byDocument((id, doc) => {
    const at = next[id] as number;
    if (lastDoc[id] === doc) tfs[at - 1] = (tfs[at - 1] as number) + 1;
    else {
      lastDoc[id] = doc;
      docs[at] = doc;
      tfs[at] = 1;
      next[id] = at + 1;
    }
  });
  return { starts: starts.slice(0, terms.length), docs, tfs };
}

/** A copy of `array` with room for at least `size` numbers. */
function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(array.length * 2, size));
  bigger.set(array);
  return bigger;
}

/**
 * The `limit` best documents with a score above 0, best first (ties by document order), without sorting
 * them all: a min-heap of the best so far, whose root is the worst kept.
 */
function topK(scores: Float64Array, limit: number): Scored[] {
  if (limit <= 0) return [];
  const better = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b);
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
  // Documents come in order, so a later one ties with the root only to lose: it must score strictly more.
  let floor = 0;
  for (let doc = 0; doc < scores.length; doc++) {
    const score = scores[doc] as number;
    if (score <= floor) continue;
    if (heap.length < limit) {
      heap.push(doc);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!better(heap[parent] as number, heap[i] as number)) break;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else {
      heap[0] = doc;
      down(0);
    }
    if (heap.length === limit) floor = scores[heap[0] as number] as number;
  }
  return heap
    .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
    .map((index) => ({ index, score: scores[index] as number }));
}
