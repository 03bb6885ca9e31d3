import type { OutOfScopeTopic } from "../knowledge/schema.ts";
import type { DenseHit, DenseIndex } from "./dense-index.ts";
import { LexicalIndex } from "./lexical-index.ts";

export interface OutsideMatch {
  /** 0..1: cosine similarity of the nearest out-of-scope example to the query. */
  similarity: number;
  /** BM25 score of the best-matching out-of-scope example. */
  lexical: number;
  /** The topic most of the best-matching examples belong to (null when the bank is empty). */
  topic: OutOfScopeTopic | null;
  /** The nearest examples by cosine, best first (for a vote against what residents ask of lessons). */
  neighbours: DenseHit[];
}

/** How many of the nearest examples vote for the topic of a message. */
const TOPIC_VOTERS = 5;

/** Examples of messages the lessons don't answer (weather, land titles, passports …), embedded for lookup. */
export class ScopeBank {
  private constructor(
    private readonly dense: DenseIndex,
    private readonly lexicalIndex: LexicalIndex,
    private readonly topicOf: OutOfScopeTopic[],
  ) {}

  /** The example messages, in the order `build` expects their vectors. */
  static texts(topics: OutOfScopeTopic[]): string[] {
    return topics.flatMap((t) => t.examples);
  }

  /** `dense` holds the vectors of `ScopeBank.texts(topics)`, in that order, and `lexical` their words. */
  static build(
    topics: OutOfScopeTopic[],
    dense: DenseIndex,
    lexical = LexicalIndex.build(ScopeBank.texts(topics)),
  ): ScopeBank {
    const topicOf = topics.flatMap((topic) => topic.examples.map(() => topic));
    return new ScopeBank(dense, lexical, topicOf);
  }

  nearest(query: string, vector: number[], neighbours = 10): OutsideMatch {
    const hits = this.dense.search(vector, neighbours);
    const [hit] = hits;
    const lexicalHits = this.lexicalIndex.search(query, TOPIC_VOTERS);
    const lexical = lexicalHits[0]?.score ?? 0;
    if (!hit) return { similarity: 0, lexical, topic: null, neighbours: [] };
    // The topic: a vote of the best examples by words (rare words such as "căn cước" count most),
    // or by cosine when no word is shared.
    const voters = lexicalHits.length
      ? lexicalHits.map((h) => ({ index: h.index, weight: h.score }))
      : hits.slice(0, TOPIC_VOTERS).map((h) => ({ index: h.index, weight: Math.max(0, h.similarity) }));
    const votes = new Map<OutOfScopeTopic, number>();
    for (const v of voters) {
      const topic = this.topicOf[v.index];
      if (topic) votes.set(topic, (votes.get(topic) ?? 0) + v.weight);
    }
    const topic = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    return { similarity: Math.max(0, hit.similarity), lexical, topic, neighbours: hits };
  }
}

/** Of the nearest neighbours among asks and out-of-scope examples together, the share that are out of scope. */
export function outsideShare(
  asks: { similarity: number }[],
  outside: { similarity: number }[],
  neighbours: number,
): number {
  const merged = [
    ...asks.map((h) => ({ s: h.similarity, out: 0 })),
    ...outside.map((h) => ({ s: h.similarity, out: 1 })),
  ]
    .sort((a, b) => b.s - a.s)
    .slice(0, neighbours);
  return merged.length ? merged.reduce((n, h) => n + h.out, 0) / merged.length : 0;
}
