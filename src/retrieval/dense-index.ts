import { existsSync } from "node:fs";
import hnswlib from "hnswlib-node";

const { BruteforceSearch } = hnswlib;

export interface DenseHit {
  index: number;
  /** Cosine similarity, 1 = identical direction. */
  similarity: number;
}

/**
 * Nearest neighbours over the curriculum's vectors (sections, asks, out-of-scope examples), in cosine space.
 * Exact search (hnswlib's brute-force index): at a few thousand vectors one query is under half a
 * millisecond in native code, and building takes a tenth of an HNSW graph's time (which dominated the
 * index build) with no neighbour missed.
 */
export class DenseIndex {
  private constructor(
    private readonly index: InstanceType<typeof BruteforceSearch>,
    readonly size: number,
  ) {}

  static build(vectors: number[][], dimensions: number): DenseIndex {
    const index = new BruteforceSearch("cosine", dimensions);
    index.initIndex(Math.max(1, vectors.length));
    for (const [i, vector] of vectors.entries()) index.addPoint(vector, i);
    return new DenseIndex(index, vectors.length);
  }

  static read(path: string, dimensions: number, size: number): DenseIndex | null {
    if (!existsSync(path)) return null;
    const index = new BruteforceSearch("cosine", dimensions);
    index.readIndexSync(path);
    if (index.getCurrentCount() !== size) return null;
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
