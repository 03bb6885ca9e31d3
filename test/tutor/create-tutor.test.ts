import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.ts";
import { createTutor } from "../../src/tutor/create-tutor.ts";
import { silentLogger, testCurriculum, testIndex } from "../helpers/core.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

const MODEL_REPLY = "1. Mở ứng dụng VNeID.\n2. Chọn Kích hoạt tài khoản.";

/** A stand-in OpenAI-compatible chat server on loopback that answers every completion with MODEL_REPLY. */
async function chatServer() {
  const seen = { completions: 0, authorization: "" };
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      if (!request.url?.endsWith("/chat/completions")) {
        response.writeHead(404).end();
        return;
      }
      seen.completions++;
      seen.authorization = request.headers.authorization ?? "";
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: "chatcmpl-test",
          object: "chat.completion",
          created: 0,
          model: "stand-in",
          choices: [
            { index: 0, message: { role: "assistant", content: MODEL_REPLY }, finish_reason: "stop" },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  return { url: await listenOnLoopback(server), seen };
}

async function tutorWith(env: Record<string, string>) {
  return createTutor({
    config: loadConfig({ NODE_ENV: "test", ...env }),
    index: await testIndex(),
    curriculum: await testCurriculum(),
    wardName: "phường Thử Nghiệm",
    logger: silentLogger,
  });
}

describe("choosing the tutor", () => {
  it("answers from the lessons alone when no OpenAI key is set", async () => {
    const tutor = await tutorWith({});
    const answer = await tutor.answer("cách kích hoạt vneid");
    expect(answer.refused).toBe(false);
    expect(answer.text).not.toContain(MODEL_REPLY);
    expect(answer.sources[0]?.lesson).toBe("vneid/kich-hoat");
  });

  it("has the model write the answer when a key is set, citing the lesson", async () => {
    const api = await chatServer();
    const tutor = await tutorWith({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: `${api.url}/v1` });
    const answer = await tutor.answer("cách kích hoạt vneid");
    expect(api.seen.completions).toBe(1);
    expect(api.seen.authorization).toBe("Bearer sk-test");
    expect(answer.text).toContain(MODEL_REPLY);
    expect(answer.text).toMatch(/Xem bài: .+$/);
    expect(answer.sources[0]?.lesson).toBe("vneid/kich-hoat");
  });
});
