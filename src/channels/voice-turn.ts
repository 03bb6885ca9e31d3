import type { Assistant } from "../assistant/types.ts";
import { voiceFailureLine, voiceMessages } from "../catalog/voice.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import {
  type AudioSource,
  MAX_AUDIO_BYTES,
  type TranscribeFailure,
  type Transcriber,
} from "../speech/transcriber.ts";

export type VoiceTurnResult =
  | { heard: true; replies: Reply[] }
  | { heard: false; reason: TranscribeFailure; replies: Reply[] };

/**
 * One voice message as a turn: transcribe (in memory), then answer the words like typed text, the
 * answer opening with "Mình nghe được: …". Without a transcriber, or when the audio cannot be heard, one
 * kind line instead. The transcript reaches only the assistant, like typed text; nothing is logged here.
 */
export async function voiceTurn(
  deps: { transcriber: Transcriber; assistant: Assistant },
  inbound: Omit<Inbound, "text" | "action">,
  source: AudioSource,
): Promise<VoiceTurnResult> {
  const result = await deps.transcriber.transcribe(source);
  if (!result.ok)
    return { heard: false, reason: result.reason, replies: [{ text: voiceFailureLine(result.reason) }] };
  const replies = await deps.assistant.handle({ ...inbound, text: result.text });
  const heard = voiceMessages.heard(result.text);
  const [first, ...rest] = replies;
  if (!first) return { heard: true, replies: [{ text: heard }] };
  return { heard: true, replies: [{ ...first, text: `${heard}\n\n${first.text}` }, ...rest] };
}

/** A transcriber that is never configured: channels built without one say voice is not available yet. */
export const noTranscriber: Transcriber = {
  configured: false,
  maxBytes: MAX_AUDIO_BYTES,
  transcribe: async () => ({ ok: false, reason: "not-configured" }),
};
