import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { voiceMessages } from "../../../src/catalog/voice.ts";
import type { Transcriber } from "../../../src/speech/transcriber.ts";
import { onboard, tempStore, testAssistant } from "../../helpers/core.ts";
import { startSpeechStandIn } from "../../helpers/speech.ts";
import { fixture, freshUpdateId, type Payload, TOKEN, testChannel } from "./helpers.ts";

const USER = 5550001;
const FILE_PATH = "voice/file_7.oga";

function voiceUpdate(fileSize?: number): Update {
  const update = fixture("voice") as Payload;
  update.update_id = freshUpdateId();
  if (fileSize !== undefined) update.message.voice.file_size = fileSize;
  return update as Update;
}

/** A Telegram channel whose file server and transcription endpoint are the loopback stand-in. */
async function voiceChannel(
  options: { transcriber?: (url: string) => Transcriber; transcript?: string } = {},
) {
  const speech = await startSpeechStandIn({ transcript: options.transcript ?? "cách kích hoạt VNeID mức 2" });
  const store = await tempStore();
  await onboard(await testAssistant(store), String(USER), "nguoi-dan", { action: "v1:to-skip" });
  const transcriber = options.transcriber ? options.transcriber(speech.url) : speech.transcriber();
  const t = await testChannel({
    store,
    env: { TELEGRAM_API_ROOT: speech.url },
    deps: { transcriber },
  });
  return { ...t, speech };
}

describe("telegram: voice messages", () => {
  it("downloads the voice file, transcribes it, and answers opening with “Mình nghe được: …”", async () => {
    const t = await voiceChannel();
    t.telegram.answerNext("getFile", { file_id: "x", file_unique_id: "y", file_path: FILE_PATH });
    await t.channel.handleUpdate(voiceUpdate());
    const sent = t.telegram.sent();
    expect(String(sent[0]?.text)).toMatch(/^Mình nghe được: “cách kích hoạt VNeID mức 2”/);
    expect(sent.map((m) => String(m.text)).join("\n")).toMatch(/VNeID/);
    expect(t.inbound).toEqual([
      { channel: "telegram", userId: String(USER), displayName: "Lan", text: "cách kích hoạt VNeID mức 2" },
    ]);
    expect(t.speech.downloads).toEqual([`/file/bot${TOKEN}/${FILE_PATH}`]);
    expect(t.speech.transcriptions[0]).toMatchObject({ model: "whisper-1", filename: "voice.ogg" });
  });

  it("without a transcription endpoint says voice is not available yet, and downloads nothing", async () => {
    const t = await testChannel();
    await t.channel.handleUpdate(voiceUpdate());
    expect(t.telegram.sent().map((m) => m.text)).toEqual([voiceMessages.notAvailable]);
    expect(t.telegram.called("getFile")).toEqual([]);
    expect(t.inbound).toEqual([]);
  });

  it("says kindly when the file is too large or the download fails, without a turn", async () => {
    const t = await voiceChannel();
    await t.channel.handleUpdate(voiceUpdate(50 * 1024 * 1024));
    t.telegram.answerNext("getFile", { file_id: "x", file_unique_id: "y", file_path: "voice/missing" });
    await t.channel.handleUpdate(voiceUpdate());
    t.telegram.failNext("getFile", {
      ok: false,
      error_code: 400,
      description: "Bad Request: file is too big",
    });
    await t.channel.handleUpdate(voiceUpdate());
    expect(t.telegram.sent().map((m) => m.text)).toEqual([
      voiceMessages.tooLarge,
      voiceMessages.notHeard,
      voiceMessages.notHeard,
    ]);
    expect(t.inbound).toEqual([]);
    expect(t.speech.transcriptions).toEqual([]);
  });

  it("writes nothing about the audio to the store", async () => {
    const t = await voiceChannel({ transcript: "cách chuyển tiền an toàn" });
    const before = new Set(await t.store.keys(""));
    t.telegram.answerNext("getFile", { file_id: "x", file_unique_id: "y", file_path: FILE_PATH });
    await t.channel.handleUpdate(voiceUpdate());
    const added = (await t.store.keys("")).filter((k) => !before.has(k));
    expect(added.length).toBeGreaterThan(0);
    for (const key of added) {
      expect(key).not.toMatch(/voice|audio|file/i);
      const value = (await t.store.get(key).catch(() => null)) ?? "";
      expect(value).not.toContain(FILE_PATH);
      expect(value).not.toContain(TOKEN);
    }
  });
});
