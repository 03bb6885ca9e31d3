import { existsSync } from "node:fs";
import hnswlib from "hnswlib-node";

const { HierarchicalNSW } = hnswlib;
/** Candidates examined per search: enough for the 40 neighbours a query asks for. */
const SEARCH_EF = 64;

export interface DenseHit {
  index: number;
  /** Cosine similarity, 1 = identical direction. */
  similarity: number;
}

/** Approximate nearest neighbours over chunk vectors (hnswlib, cosine space). */
export class DenseIndex {
  private constructor(
    private readonly index: InstanceType<typeof HierarchicalNSW>,
    readonly size: number,
  ) {}

  static build(vectors: number[][], dimensions: number): DenseIndex {
    const index = new HierarchicalNSW("cosine", dimensions);
    index.initIndex(Math.max(1, vectors.length), 16, 200, 42);
    for (const [i, vector] of vectors.entries()) index.addPoint(vector, i);
    index.setEf(SEARCH_EF);
    return new DenseIndex(index, vectors.length);
  }

  static read(path: string, dimensions: number, size: number): DenseIndex | null {
    if (!existsSync(path)) return null;
    const index = new HierarchicalNSW("cosine", dimensions);
    index.readIndexSync(path);
    if (index.getCurrentCount() !== size) return null;
    index.setEf(SEARCH_EF);
    return new DenseIndex(index, size);
  }

  write(path: string): void {
    this.index.writeIndexSync(path);
  }

  search(vector: number[], limit: number): DenseHit[] {
    const k = Math.min(limit, this.size);
    if (k === 0) return [];
    const { neighbors, distances } = this.index.searchKnn(vector, k);
    return neighbors.map((index, i) => ({ index, similarity: 1 - (distances[i] ?? 1) }));
  }
}
