import type { Config } from "../config/schema.ts";

/**
 * Voice messages → text through an OpenAI-compatible `/audio/transcriptions` endpoint. Channel-neutral:
 * a channel hands over where the audio is (a Telegram file URL, a Zalo `voice_url`); the audio is read
 * into memory, sent, and dropped. Nothing is written anywhere, and neither the address (a Telegram file
 * URL carries the bot token) nor the audio nor the transcript is ever logged.
 */

/** Why a voice message could not be turned into text; safe to log and to count. */
export type TranscribeFailure =
  | "not-configured"
  | "too-large"
  | "download-failed"
  | "transcribe-failed"
  | "empty";

export type TranscribeResult = { ok: true; text: string } | { ok: false; reason: TranscribeFailure };

export interface AudioSource {
  /** Where to download the audio from (kept in memory only, never logged). */
  url: string;
  /** A file name with the right extension helps the server guess the format, e.g. "voice.ogg". */
  filename: string;
  /** The size the platform announced, when it did: an oversized file is refused before downloading. */
  declaredBytes?: number;
}

export interface Transcriber {
  /** False when no transcription endpoint is configured: callers say voice is not available yet. */
  readonly configured: boolean;
  /** The largest audio accepted, in bytes: a platform announcing more need not be asked for the file. */
  readonly maxBytes: number;
  transcribe(source: AudioSource): Promise<TranscribeResult>;
}

export interface TranscriberOptions {
  /** OpenAI-compatible base URL, e.g. https://api.openai.com/v1 (OPENAI_BASE_URL). */
  baseUrl?: string;
  apiKey?: string;
  /** TRANSCRIBE_MODEL; without it the transcriber is not configured. */
  model?: string;
  /** Largest audio accepted, in bytes. Default 10 MB. */
  maxBytes?: number;
  /** Time limit of the download and of the transcription, each. Default 30 s. */
  timeoutMs?: number;
  /** Language hint (ISO-639-1). Default "vi". */
  language?: string;
  fetch?: typeof fetch;
}

export const MAX_AUDIO_BYTES = 10 * 1024 * 1024;
/** A transcript longer than this is cut: a voice message is a question, not a dictation. */
export const MAX_TRANSCRIPT_CHARS = 1000;
const OPENAI_DEFAULT_BASE = "https://api.openai.com/v1";

export function createTranscriberFromConfig(
  config: Pick<Config, "OPENAI_BASE_URL" | "OPENAI_API_KEY" | "TRANSCRIBE_MODEL">,
  extra: Omit<TranscriberOptions, "baseUrl" | "apiKey" | "model"> = {},
): Transcriber {
  return createTranscriber({
    ...extra,
    ...(config.OPENAI_BASE_URL ? { baseUrl: config.OPENAI_BASE_URL } : {}),
    ...(config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {}),
    ...(config.TRANSCRIBE_MODEL ? { model: config.TRANSCRIBE_MODEL } : {}),
  });
}

/** Reads a response body into memory, giving up past `maxBytes`. Null when too large. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const audio = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    audio.set(chunk, at);
    at += chunk.byteLength;
  }
  return audio;
}

export function createTranscriber(options: TranscriberOptions): Transcriber {
  const maxBytes = options.maxBytes ?? MAX_AUDIO_BYTES;
  const configured = Boolean(options.model && (options.baseUrl || options.apiKey));
  const call: Call = {
    options,
    doFetch: options.fetch ?? fetch,
    maxBytes,
    timeoutMs: options.timeoutMs ?? 30_000,
    endpoint: `${(options.baseUrl ?? OPENAI_DEFAULT_BASE).replace(/\/+$/, "")}/audio/transcriptions`,
  };
  return {
    configured,
    maxBytes,
    async transcribe(source) {
      if (!configured) return { ok: false, reason: "not-configured" };
      const audio = await download(call, source);
      if (typeof audio === "string") return { ok: false, reason: audio };
      return send(call, audio, source.filename);
    },
  };
}

/** The settled options of one transcriber. */
interface Call {
  options: TranscriberOptions;
  doFetch: typeof fetch;
  maxBytes: number;
  timeoutMs: number;
  endpoint: string;
}

/** The voice message's audio, refused above `maxBytes` (declared or read). */
async function download(
  call: Call,
  source: AudioSource,
): Promise<Uint8Array<ArrayBuffer> | TranscribeFailure> {
  if (source.declaredBytes !== undefined && source.declaredBytes > call.maxBytes) return "too-large";
  try {
    const response = await call.doFetch(source.url, { signal: AbortSignal.timeout(call.timeoutMs) });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return "download-failed";
    }
    const audio = await readCapped(response, call.maxBytes);
    if (audio === null) return "too-large";
    return audio.byteLength ? audio : "download-failed";
  } catch {
    return "download-failed";
  }
}

/** Posts the audio to the transcription endpoint; the text, spaces collapsed and capped. */
async function send(call: Call, audio: Uint8Array<ArrayBuffer>, filename: string): Promise<TranscribeResult> {
  const { options } = call;
  const form = new FormData();
  form.append("file", new Blob([audio]), filename);
  form.append("model", options.model as string);
  form.append("language", options.language ?? "vi");
  form.append("response_format", "json");
  try {
    const response = await call.doFetch(call.endpoint, {
      method: "POST",
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
      body: form,
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, reason: "transcribe-failed" };
    }
    const body = (await response.json()) as { text?: unknown };
    const text = typeof body?.text === "string" ? body.text.replace(/\s+/g, " ").trim() : "";
    if (!text) return { ok: false, reason: "empty" };
    return { ok: true, text: text.slice(0, MAX_TRANSCRIPT_CHARS) };
  } catch {
    return { ok: false, reason: "transcribe-failed" };
  }
}
