import { Document } from "@langchain/core/documents";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import type { HybridIndex } from "./hybrid-index.ts";

/** The hybrid index as a LangChain retriever: one Document per lesson hit, best first. */
export class CurriculumRetriever extends BaseRetriever {
  lc_namespace = ["hocvuso", "retrievers"];

  constructor(
    private readonly index: HybridIndex,
    private readonly k = 3,
    fields?: BaseRetrieverInput,
  ) {
    super(fields);
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const { hits } = await this.index.search(query, this.k);
    return hits.map(
      (hit) =>
        new Document({
          pageContent: hit.chunks
            .slice(0, 2)
            .map((c) => `${c.heading}\n${c.text}`)
            .join("\n\n"),
          metadata: { lessonId: hit.lessonId, module: hit.module, title: hit.title, score: hit.score },
        }),
    );
  }
}
