import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import { createTranscriber, createTranscriberFromConfig } from "../../src/speech/transcriber.ts";
import { AUDIO, startSpeechStandIn } from "../helpers/speech.ts";

describe("the transcriber", () => {
  it("downloads the audio into memory and returns the endpoint's text, with model, language and key", async () => {
    const s = await startSpeechStandIn({ transcript: "  cách   chuyển tiền  " });
    const result = await s.transcriber().transcribe({ url: `${s.url}/v/ok.aac`, filename: "voice.aac" });
    expect(result).toEqual({ ok: true, text: "cách chuyển tiền" });
    expect(s.transcriptions).toEqual([
      {
        model: "whisper-1",
        language: "vi",
        filename: "voice.aac",
        fileBytes: AUDIO.byteLength,
        authorization: "Bearer sk-test-transcribe",
      },
    ]);
  });

  it("is not configured without TRANSCRIBE_MODEL, or without a server or key, and then downloads nothing", async () => {
    const s = await startSpeechStandIn();
    const env = { OPENAI_BASE_URL: `${s.url}/v1` };
    expect(createTranscriberFromConfig(configSchema.parse(env)).configured).toBe(false);
    expect(createTranscriberFromConfig(configSchema.parse({})).configured).toBe(false);
    expect(() => configSchema.parse({ TRANSCRIBE_MODEL: "whisper-1" })).toThrow(/TRANSCRIBE_MODEL/);
    const on = createTranscriberFromConfig(configSchema.parse({ ...env, TRANSCRIBE_MODEL: "whisper-1" }));
    expect(on.configured).toBe(true);
    const off = createTranscriber({ baseUrl: `${s.url}/v1` });
    expect(await off.transcribe({ url: `${s.url}/v/ok.aac`, filename: "v.aac" })).toEqual({
      ok: false,
      reason: "not-configured",
    });
    expect(s.downloads).toEqual([]);
  });

  it("refuses audio over the cap: announced by the platform, by Content-Length, or while streaming", async () => {
    const s = await startSpeechStandIn();
    const t = s.transcriber();
    const tooLarge = { ok: false, reason: "too-large" };
    expect(
      await t.transcribe({ url: `${s.url}/v/ok.aac`, filename: "v.aac", declaredBytes: 40_000 }),
    ).toEqual(tooLarge);
    expect(await t.transcribe({ url: `${s.url}/v/big`, filename: "v.aac" })).toEqual(tooLarge);
    expect(await t.transcribe({ url: `${s.url}/v/chunked-big`, filename: "v.aac" })).toEqual(tooLarge);
    expect(s.downloads).toEqual(["/v/big", "/v/chunked-big"]);
    expect(s.transcriptions).toEqual([]);
  });

  it("reports a failed download, a failed or empty transcription, and a server that does not answer", async () => {
    const s = await startSpeechStandIn();
    expect(await s.transcriber().transcribe({ url: `${s.url}/v/missing`, filename: "v.aac" })).toEqual({
      ok: false,
      reason: "download-failed",
    });
    const failing = await startSpeechStandIn({ failWith: 503 });
    expect(await failing.transcriber().transcribe({ url: `${s.url}/v/ok.aac`, filename: "v.aac" })).toEqual({
      ok: false,
      reason: "transcribe-failed",
    });
    const silent = await startSpeechStandIn({ transcript: "   " });
    expect(await silent.transcriber().transcribe({ url: `${s.url}/v/ok.aac`, filename: "v.aac" })).toEqual({
      ok: false,
      reason: "empty",
    });
    const closed = createTranscriber({ baseUrl: "http://127.0.0.1:9/v1", model: "m", timeoutMs: 2000 });
    expect(await closed.transcribe({ url: `${s.url}/v/ok.aac`, filename: "v.aac" })).toEqual({
      ok: false,
      reason: "transcribe-failed",
    });
  });
});
