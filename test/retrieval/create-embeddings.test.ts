import { mkdtemp } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/retrieval/build-index.ts";
import { createEmbeddings, LOCAL_EMBEDDINGS } from "../../src/retrieval/create-embeddings.ts";
import { HashingEmbeddings } from "../../src/retrieval/hashing-embeddings.ts";
import { testCurriculum } from "../helpers/core.ts";

/**
 * A stand-in OpenAI-compatible /embeddings endpoint on loopback. Its vectors come from the local hashing
 * model, so retrieval through it still finds the right lesson; it counts the texts it was asked to embed.
 */
async function startEmbeddingsServer() {
  const model = new HashingEmbeddings({ dimensions: 64 });
  const seen = { requests: 0, texts: 0, authorization: "" };
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const { input } = JSON.parse(body) as { input: string[] | string };
      const texts = Array.isArray(input) ? input : [input];
      seen.requests++;
      seen.texts += texts.length;
      seen.authorization = String(request.headers.authorization ?? "");
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          object: "list",
          model: "stand-in",
          data: texts.map((text, index) => ({ object: "embedding", index, embedding: model.embed(text) })),
          usage: { prompt_tokens: 0, total_tokens: 0 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, seen, close: () => server.close() };
}

describe("choosing the embedding model", () => {
  it("uses the local hashing model unless EMBEDDINGS=openai", async () => {
    expect(createEmbeddings({})).toBe(LOCAL_EMBEDDINGS);
    expect(await createEmbeddings({ EMBEDDINGS: "local" }).create(["một bài"])).toBeInstanceOf(
      HashingEmbeddings,
    );
    expect(createEmbeddings({ EMBEDDINGS: "openai", EMBEDDINGS_MODEL: "m1" }).name).toBe("openai-m1");
  });

  describe("an OpenAI-compatible server", () => {
    let api: Awaited<ReturnType<typeof startEmbeddingsServer>>;
    beforeAll(async () => {
      api = await startEmbeddingsServer();
    });
    afterAll(() => api.close());

    it("builds the index from its vectors, finds the lesson, and reuses the cached vectors on the next start", async () => {
      const curriculum = await testCurriculum();
      const choice = createEmbeddings({
        EMBEDDINGS: "openai",
        EMBEDDINGS_MODEL: "stand-in",
        OPENAI_API_KEY: "sk-test",
        OPENAI_BASE_URL: api.url,
      });
      const cacheDir = await mkdtemp(join(tmpdir(), "hvs-emb-"));
      const first = await buildIndex(curriculum, { cacheDir, embeddings: choice });
      expect(first.fromCache).toBe(false);
      expect(api.seen.authorization).toBe("Bearer sk-test");
      const embeddedAtBuild = api.seen.texts;
      expect(embeddedAtBuild).toBeGreaterThan(curriculum.lessons.size);

      const result = await first.index.search("các bước kích hoạt tài khoản định danh điện tử VNeID", 3);
      expect(result.hits[0]?.lessonId).toBe("vneid/kich-hoat");

      const before = api.seen.texts;
      const second = await buildIndex(curriculum, { cacheDir, embeddings: choice });
      expect(second.fromCache).toBe(true);
      // Sections, asks and out-of-scope examples all come from the cache: nothing is embedded again.
      expect(api.seen.texts).toBe(before);
    });
  });
});
