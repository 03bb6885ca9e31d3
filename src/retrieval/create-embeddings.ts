import type { Embeddings } from "@langchain/core/embeddings";
import { HashingEmbeddings } from "./hashing-embeddings.ts";

/** The settings that choose an embedding model (a subset of the app's configuration). */
export interface EmbeddingsSettings {
  /** `local` (default): hashed words and trigrams, no network; `openai`: an OpenAI-compatible /embeddings. */
  EMBEDDINGS?: "local" | "openai";
  EMBEDDINGS_MODEL?: string;
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
}

/** An embedding model for the index: its name (part of the index cache key) and how to make it. */
export interface EmbeddingsChoice {
  name: string;
  /** `fitTexts` are the curriculum's sections, which the local model learns its word weights from. */
  create(fitTexts: string[]): Promise<Embeddings>;
}

export const LOCAL_EMBEDDINGS: EmbeddingsChoice = {
  name: "hashing-512",
  create: async (fitTexts) => new HashingEmbeddings({ fitTexts }),
};

/**
 * The one place an embedding model is chosen. With `openai` the curriculum's vectors are computed once and
 * cached under DATA_DIR/index (keyed by content and model name); each question costs one /embeddings call.
 */
export function createEmbeddings(settings: EmbeddingsSettings): EmbeddingsChoice {
  if (settings.EMBEDDINGS !== "openai") return LOCAL_EMBEDDINGS;
  const model = settings.EMBEDDINGS_MODEL ?? "text-embedding-3-small";
  const baseURL = settings.OPENAI_BASE_URL;
  return {
    name: `openai-${model}`,
    // The OpenAI client is loaded only when chosen, so a local start-up does not pay for it.
    create: async () =>
      new (await import("@langchain/openai")).OpenAIEmbeddings({
        model,
        // A local OpenAI-compatible server (Ollama, vLLM …) needs no key, but the client wants one.
        apiKey: settings.OPENAI_API_KEY ?? "not-needed",
        maxRetries: 2,
        timeout: 30_000,
        ...(baseURL ? { configuration: { baseURL } } : {}),
      }),
  };
}
