import { createServer, type IncomingMessage } from "node:http";
import { createTranscriber, type TranscriberOptions } from "../../src/speech/transcriber.ts";
import { listenOnLoopback } from "./loopback.ts";

/** The bytes the stand-in serves as a voice message (not real audio: the stand-in never decodes it). */
export const AUDIO = Buffer.from("FAKE-AAC-AUDIO-".repeat(200));

export interface TranscriptionRequest {
  model: string | null;
  language: string | null;
  filename: string | null;
  fileBytes: number;
  authorization: string | undefined;
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });

/**
 * A loopback stand-in for both ends of a voice message: the platform's file server (GET …/ok.aac or
 * …ogg → AUDIO, …/big → 64 KB announced, …/chunked-big → 64 KB without a length, …/missing → 404) and
 * an OpenAI-compatible POST /v1/audio/transcriptions answering `{text}` (or `failWith` a status).
 */
export async function startSpeechStandIn(options: { transcript?: string; failWith?: number } = {}) {
  const transcriptions: TranscriptionRequest[] = [];
  const downloads: string[] = [];
  const server = createServer(async (req, res) => {
    const path = req.url ?? "";
    if (req.method === "POST" && path === "/v1/audio/transcriptions") {
      const body = await readBody(req);
      const form = await new Request("http://x/", {
        method: "POST",
        headers: { "content-type": String(req.headers["content-type"]) },
        body: new Uint8Array(body),
      }).formData();
      const file = form.get("file") as File | null;
      transcriptions.push({
        model: form.get("model") as string | null,
        language: form.get("language") as string | null,
        filename: file?.name ?? null,
        fileBytes: file ? (await file.arrayBuffer()).byteLength : 0,
        authorization: req.headers.authorization,
      });
      if (options.failWith) {
        res.writeHead(options.failWith, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "model overloaded" } }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ text: options.transcript ?? "cách kích hoạt VNeID mức 2" }));
      return;
    }
    downloads.push(path);
    if (path.endsWith("/missing")) {
      res.writeHead(404).end();
    } else if (path.endsWith("/big")) {
      res.writeHead(200, { "content-length": String(64 * 1024) });
      res.end(Buffer.alloc(64 * 1024));
    } else if (path.endsWith("/chunked-big")) {
      res.writeHead(200);
      for (let i = 0; i < 64; i++) res.write(Buffer.alloc(1024));
      res.end();
    } else {
      res.writeHead(200, { "content-type": "audio/aac" });
      res.end(AUDIO);
    }
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    transcriptions,
    downloads,
    /** A transcriber pointed at this stand-in (a 32 KB cap, so "big" files are over it). */
    transcriber: (extra: Partial<TranscriberOptions> = {}) =>
      createTranscriber({
        baseUrl: `${url}/v1`,
        apiKey: "sk-test-transcribe",
        model: "whisper-1",
        maxBytes: 32 * 1024,
        timeoutMs: 5000,
        ...extra,
      }),
  };
}
