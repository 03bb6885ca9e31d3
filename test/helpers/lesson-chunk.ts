import type { Chunk } from "../../src/retrieval/chunk.ts";

/** A section of the test lesson "m/bai" ("Bài thử"): index 0 with the title as heading is its introduction. */
export function lessonChunk(index: number, heading: string, text: string, kind?: Chunk["kind"]): Chunk {
  return {
    id: `m/bai#${index}`,
    lessonId: "m/bai",
    module: "m",
    title: "Bài thử",
    heading,
    ...(kind ? { kind } : {}),
    text,
    asks: [],
    askQuotes: [],
    indexText: text,
  };
}
