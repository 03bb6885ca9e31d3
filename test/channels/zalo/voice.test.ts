import { describe, expect, it } from "vitest";
import { voiceMessages } from "../../../src/catalog/voice.ts";
import type { Store } from "../../../src/storage/store.ts";
import { onboard, tempStore, testAssistant } from "../../helpers/core.ts";
import { startSpeechStandIn } from "../../helpers/speech.ts";
import { fixture } from "./fake-bot-api.ts";
import { pollingHarness, webhookHarness } from "./harness.ts";

const USER = "6ede9afa66b88fe6d6a9";

function voiceFrom(url: string, messageId = `v-${Math.random()}`) {
  const body = fixture("voice") as { result: { message: Record<string, unknown> } };
  Object.assign(body.result.message, { voice_url: url, message_id: messageId });
  return body;
}

async function readyStore(): Promise<Store> {
  const store = await tempStore();
  await onboard(await testAssistant(store), USER, "nguoi-dan", { action: "v1:to-skip" }, { channel: "zalo" });
  return store;
}

describe("zalo: voice messages", () => {
  it("transcribes the voice_url and answers the words, opening with “Mình nghe được: …”", async () => {
    const speech = await startSpeechStandIn({ transcript: "cách kích hoạt VNeID mức 2" });
    const h = await webhookHarness({ store: await readyStore(), transcriber: speech.transcriber() });
    expect((await h.post(voiceFrom(`${speech.url}/zalo/ok.aac`))).statusCode).toBe(200);
    await h.channel.idle();
    const sent = h.api.sent().map((m) => m.text);
    expect(sent[0]).toMatch(/^Mình nghe được: “cách kích hoạt VNeID mức 2”\n\n\S/);
    expect(sent.join("\n")).toMatch(/VNeID/);
    expect(h.turns).toEqual([
      { channel: "zalo", userId: USER, displayName: "Nguyễn Văn A", text: "cách kích hoạt VNeID mức 2" },
    ]);
    expect(speech.downloads).toEqual(["/zalo/ok.aac"]);
    expect(speech.transcriptions).toHaveLength(1);
  });

  it("works the same through getUpdates", async () => {
    const speech = await startSpeechStandIn();
    const h = await pollingHarness({ store: await readyStore(), transcriber: speech.transcriber() });
    const sent = await h.deliver(voiceFrom(`${speech.url}/zalo/ok.aac`));
    expect(sent[0]).toMatch(/^Mình nghe được: “/);
  });

  it("says kindly when the audio is too long or cannot be fetched or heard, without a turn", async () => {
    const speech = await startSpeechStandIn();
    const h = await webhookHarness({ transcriber: speech.transcriber() });
    await h.post(voiceFrom(`${speech.url}/zalo/big`));
    await h.post(voiceFrom(`${speech.url}/zalo/missing`));
    const failing = await startSpeechStandIn({ failWith: 500 });
    const h2 = await webhookHarness({ transcriber: failing.transcriber() });
    await h2.post(voiceFrom(`${speech.url}/zalo/ok.aac`));
    await Promise.all([h.channel.idle(), h2.channel.idle()]);
    const texts = [...h.api.sent(), ...h2.api.sent()].map((m) => m.text);
    expect(texts.sort()).toEqual(
      [voiceMessages.notHeard, voiceMessages.notHeard, voiceMessages.tooLarge].sort(),
    );
    expect(h.turns.length + h2.turns.length).toBe(0);
  });

  it("without a transcription endpoint says voice is not available yet, and fetches nothing", async () => {
    const speech = await startSpeechStandIn();
    const h = await webhookHarness();
    await h.post(voiceFrom(`${speech.url}/zalo/ok.aac`));
    await h.channel.idle();
    expect(h.api.sent().map((m) => m.text)).toEqual([voiceMessages.notAvailable]);
    expect(voiceMessages.notAvailable).toContain("Tổ công nghệ số cộng đồng");
    expect(speech.downloads).toEqual([]);
  });

  it("writes nothing about the audio: the same keys as typing the words", async () => {
    const speech = await startSpeechStandIn({ transcript: "cách chuyển tiền an toàn" });
    const voiced = await webhookHarness({ store: await readyStore(), transcriber: speech.transcriber() });
    const typed = await webhookHarness({ store: await readyStore() });
    const before = new Set([...(await voiced.store.keys("")), ...(await typed.store.keys(""))]);
    await voiced.post(voiceFrom(`${speech.url}/zalo/ok.aac`, "same-id"));
    const text = fixture("text") as { result: { message: Record<string, unknown> } };
    Object.assign(text.result.message, { text: "cách chuyển tiền an toàn", message_id: "same-id" });
    await typed.post(text);
    await Promise.all([voiced.channel.idle(), typed.channel.idle()]);
    const added = async (store: Store) => (await store.keys("")).filter((k) => !before.has(k)).sort();
    const voicedKeys = await added(voiced.store);
    expect(voicedKeys.length).toBeGreaterThan(0);
    expect(voicedKeys).toEqual(await added(typed.store));
    for (const key of voicedKeys) {
      const value = (await voiced.store.get(key).catch(() => null)) ?? "";
      expect(value).not.toContain(speech.url);
      expect(value).not.toContain("FAKE-AAC");
    }
  });
});
