import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { voiceMessages } from "../../../src/catalog/voice.ts";
import { zaloMessages } from "../../../src/catalog/zalo.ts";
import { tempStore } from "../../helpers/core.ts";
import { fixture } from "./fake-bot-api.ts";
import { pollingHarness, webhookHarness } from "./harness.ts";

const USER = "6ede9afa66b88fe6d6a9";
const LINK_LESSON_TITLE = "Tránh đường link lạ và ứng dụng độc hại";
/** The old reply that told protected people and sticker senders to "type in words", every time. */
const OLD_TEXT_ONLY = /chỉ đọc được tin nhắn chữ/;

/** A documented fixture with its message edited (a fresh message_id unless given). */
function edited(name: string, patch: Record<string, unknown>, messageId = `m-${Math.random()}`) {
  const body = fixture(name) as { result: { message: Record<string, unknown> } };
  Object.assign(body.result.message, { message_id: messageId }, patch);
  return body;
}

/** What each documented event gets back, the same through the webhook and through getUpdates. */
const EVENTS: {
  name: string;
  fixture: string;
  turn: boolean;
  check: (sent: string[]) => void;
}[] = [
  {
    name: "a text ({ok, result})",
    fixture: "text",
    turn: true,
    check: (sent) => expect(sent.at(-1)).toMatch(/1\. Đồng ý/),
  },
  {
    name: "a text (flat {event_name, message})",
    fixture: "bare-text",
    turn: true,
    check: (sent) => expect(sent.at(-1)).toMatch(/1\. Đồng ý/),
  },
  {
    name: "a photo",
    fixture: "image",
    turn: false,
    check: (sent) => expect(sent).toEqual([zaloMessages.photo]),
  },
  {
    name: "a photo with a caption (read as the question)",
    fixture: "image-caption",
    turn: true,
    check: (sent) => expect(sent.length).toBeGreaterThan(0),
  },
  {
    name: "a sticker",
    fixture: "sticker",
    turn: false,
    check: (sent) => expect(sent).toEqual([zaloMessages.sticker]),
  },
  {
    name: "a voice message (no transcription configured)",
    fixture: "voice",
    turn: false,
    check: (sent) => expect(sent).toEqual([voiceMessages.notAvailable]),
  },
  {
    name: "a link",
    fixture: "link",
    turn: true,
    check: (sent) => {
      expect(sent[0]).toBe(messages.pastedLink);
      expect(sent.join("\n")).toContain(LINK_LESSON_TITLE);
    },
  },
  {
    name: "a withheld message (unsupported)",
    fixture: "unsupported",
    turn: false,
    check: (sent) => expect(sent).toEqual([zaloMessages.withheld]),
  },
  {
    name: "a withheld event without a message",
    fixture: "unsupported-no-message",
    turn: false,
    check: (sent) => expect(sent).toEqual([]),
  },
  {
    name: "an event we do not handle",
    fixture: "unknown-event",
    turn: false,
    check: (sent) => expect(sent).toEqual([]),
  },
];

describe("zalo: every documented event, through the webhook", () => {
  it.each(EVENTS)("answers $name", async ({ fixture: name, turn, check }) => {
    const h = await webhookHarness();
    const response = await h.post(fixture(name));
    expect(response.statusCode).toBe(200);
    await h.channel.idle();
    const sent = h.api.sent().map((m) => m.text);
    check(sent);
    for (const text of sent) expect(text).not.toMatch(OLD_TEXT_ONLY);
    expect(h.turns.length > 0).toBe(turn);
  });
});

describe("zalo: every documented event, through getUpdates", () => {
  it.each(EVENTS)("answers $name", async ({ fixture: name, turn, check }) => {
    const h = await pollingHarness();
    const sent = await h.deliver(fixture(name));
    check(sent);
    expect(h.turns.length > 0).toBe(turn);
    expect(h.api.calls.find((c) => c.method === "getUpdates")?.body).toEqual({ timeout: "1" });
  });
});

describe("zalo: withheld messages (protected senders)", () => {
  it("answers once, then stays quiet for that chat — across instances sharing the store", async () => {
    const store = await tempStore();
    const first = await webhookHarness({ store });
    await first.post(edited("unsupported", {}));
    await first.post(edited("unsupported", {}));
    await first.channel.idle();
    const second = await webhookHarness({ store });
    expect((await second.post(edited("unsupported", {}))).statusCode).toBe(200);
    await second.channel.idle();
    expect(first.api.sent().map((m) => m.text)).toEqual([zaloMessages.withheld]);
    expect(second.api.sent()).toEqual([]);
    const other = edited("unsupported", {
      from: { id: "other" },
      chat: { id: "other", chat_type: "PRIVATE" },
    });
    await second.post(other);
    await second.channel.idle();
    expect(second.api.sent()).toEqual([{ chat_id: "other", text: zaloMessages.withheld }]);
    expect(first.turns.length + second.turns.length).toBe(0);
  });

  it("never answers 400 for a withheld event, whatever it lacks", async () => {
    const h = await webhookHarness();
    for (const message of [{}, { chat: { id: USER } }, { from: { id: USER } }, null]) {
      const body = { ok: true, result: { event_name: "message.unsupported.received", message } };
      expect((await h.post(body)).statusCode, JSON.stringify(message)).toBe(200);
    }
    await h.channel.idle();
    expect(h.api.sent()).toEqual([]);
  });

  it("does not blame the person", () => {
    expect(zaloMessages.withheld).toContain("không phải lỗi của bạn");
    expect(zaloMessages.withheld).not.toMatch(OLD_TEXT_ONLY);
  });
});

describe("zalo: documented shapes", () => {
  it("acknowledges a known event without a message (optional in the docs) and does nothing", async () => {
    const h = await webhookHarness();
    expect((await h.post({ ok: true, result: { event_name: "message.text.received" } })).statusCode).toBe(
      200,
    );
    await h.channel.idle();
    expect(h.api.calls).toEqual([]);
  });

  it("reads photo_url and message_type as well as the documented photo", async () => {
    const h = await webhookHarness();
    const body = edited("image", {
      photo: undefined,
      photo_url: "https://example.invalid/p.jpg",
      message_type: "CHAT_PHOTO",
    });
    expect((await h.post(body)).statusCode).toBe(200);
    await h.channel.idle();
    expect(h.api.sent().map((m) => m.text)).toEqual([zaloMessages.photo]);
  });

  it("ignores messages whose sender is a bot", async () => {
    const h = await webhookHarness();
    const body = edited("text", { from: { id: "bot-1", display_name: "Bot khác", is_bot: true } });
    expect((await h.post(body)).statusCode).toBe(200);
    await h.channel.idle();
    expect(h.turns).toEqual([]);
    expect(h.api.calls).toEqual([]);
  });

  it("answers photos and stickers once in a while, not to every one", async () => {
    const h = await webhookHarness();
    await h.post(edited("image", {}));
    await h.post(edited("sticker", {}));
    await h.post(edited("image", {}));
    await h.channel.idle();
    expect(h.api.sent().map((m) => m.text)).toEqual([zaloMessages.photo]);
    expect(h.turns).toEqual([]);
  });
});

describe("zalo: a pasted link", () => {
  it("is answered with the lesson on checking links, never opened, never logged", async () => {
    let hits = 0;
    const { createServer } = await import("node:http");
    const site = createServer((_req, res) => {
      hits++;
      res.end("scam");
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    const address = site.address() as { port: number };
    const link = `http://127.0.0.1:${address.port}/nhan-qua-tet?ma=123456`;
    const lines: string[] = [];
    const logger = pino(
      { level: "trace" },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    try {
      const h = await webhookHarness({ logger });
      for (const text of [link, ` ${link} `]) {
        const body = edited("text", { text });
        expect((await h.post(body)).statusCode).toBe(200);
      }
      await h.post(edited("link", {}));
      await h.channel.idle();
      const sent = h.api.sent().map((m) => m.text);
      expect(sent.filter((t) => t === messages.pastedLink)).toHaveLength(3);
      expect(sent.join("\n")).toContain(LINK_LESSON_TITLE);
      // The shared-link event reaches the assistant marked as pasted; the typed links are read there.
      expect(h.turns.filter((t) => t.pastedLink === true)).toHaveLength(1);
      expect(hits).toBe(0);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join("")).not.toContain("nhan-qua-tet");
    } finally {
      site.close();
    }
  });

  it("reads a question that merely contains a link as a question", async () => {
    const h = await webhookHarness();
    await h.post(edited("text", { text: "link https://example.invalid/x này có an toàn không" }));
    await h.channel.idle();
    expect(h.turns[0]?.text).toContain("có an toàn không");
  });
});
