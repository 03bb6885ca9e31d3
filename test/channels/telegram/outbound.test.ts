import { describe, expect, it } from "vitest";
import type { Assistant } from "../../../src/assistant/types.ts";
import type { Reply } from "../../../src/messaging/message.ts";
import { fixture, testChannel, textUpdate } from "./helpers.ts";

const LAN = 5550001;
const saying = (...replies: Reply[]): Assistant => ({ handle: async () => replies });
const blocked = {
  ok: false as const,
  error_code: 403,
  description: "Forbidden: bot was blocked by the user",
};

describe("telegram outbound", () => {
  it("waits out a 429 and sends the reply on the next attempt", async () => {
    const { channel, telegram } = await testChannel({ assistant: saying({ text: "Chào bạn" }) });
    telegram.failNext("sendMessage", {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 0",
      parameters: { retry_after: 0 },
    });
    await channel.handleUpdate(textUpdate(LAN, "chào"));
    const attempts = telegram.called("sendMessage");
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.payload.text).toBe("Chào bạn");
  });

  it("marks a learner who blocked the bot unreachable, and reachable again when they write", async () => {
    const { channel, telegram, reachability } = await testChannel({ assistant: saying({ text: "ok" }) });
    telegram.failNext("sendMessage", blocked);
    await channel.handleUpdate(textUpdate(LAN, "chào"));
    expect(await reachability.isReachable("telegram", String(LAN))).toBe(false);
    await channel.handleUpdate(textUpdate(LAN, "mình quay lại rồi"));
    expect(await reachability.isReachable("telegram", String(LAN))).toBe(true);
  });

  it("marks a learner unreachable when they stop the bot (my_chat_member kicked)", async () => {
    const { channel, reachability } = await testChannel();
    await channel.handleUpdate(fixture("my-chat-member-kicked"));
    expect(await reachability.isReachable("telegram", String(LAN))).toBe(false);
  });

  it("reports each send outcome to broadcasts: sent, unreachable, rate-limited, failed", async () => {
    const { channel, telegram, reachability } = await testChannel();
    const replies = [{ text: "Lớp học tối nay lúc *19 giờ*" }];
    expect(await channel.sender.send(String(LAN), replies)).toEqual({ status: "sent" });
    expect(telegram.sent().at(-1)).toMatchObject({ chat_id: LAN, text: "Lớp học tối nay lúc <b>19 giờ</b>" });

    telegram.failNext("sendMessage", blocked);
    expect(await channel.sender.send(String(LAN), replies)).toEqual({ status: "unreachable" });
    expect(await reachability.isReachable("telegram", String(LAN))).toBe(false);

    // Even a short wait is the pacer's to decide: one attempt, and the 429 handed back.
    const before = telegram.called("sendMessage").length;
    telegram.failNext("sendMessage", {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 2",
      parameters: { retry_after: 2 },
    });
    expect(await channel.sender.send("777", replies)).toEqual({ status: "rate-limited", retryAfterMs: 2000 });
    expect(telegram.called("sendMessage").length - before).toBe(1);

    telegram.failNext("sendMessage", {
      ok: false,
      error_code: 400,
      description: "Bad Request: chat not found",
    });
    expect(await channel.sender.send("778", replies)).toEqual({ status: "failed", code: "telegram-400" });
  });

  it("splits a 9000-character reply into several messages within Telegram's limit", async () => {
    const paragraph = `${"Bước tiếp theo là mở ứng dụng VNeID và đăng nhập. ".repeat(10).trim()}\n\n`;
    const long = paragraph.repeat(Math.ceil(9000 / paragraph.length)).slice(0, 9000);
    const { channel, telegram } = await testChannel({
      assistant: saying({ text: long, options: [{ label: "Về menu", action: "v1:menu" }] }),
    });
    await channel.handleUpdate(textUpdate(LAN, "hướng dẫn dài"));
    const parts = telegram.sent();
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect((part.text as string).length).toBeLessThanOrEqual(4096);
    expect(parts.slice(0, -1).every((p) => p.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)?.reply_markup).toBeDefined();
    expect(
      parts
        .map((p) => p.text)
        .join("")
        .replace(/\s/g, ""),
    ).toBe(long.replace(/\s/g, ""));
  });

  it("escapes HTML in replies and keeps *emphasis* as bold", async () => {
    const { channel, telegram } = await testChannel({
      assistant: saying({ text: 'Đừng bấm <script>alert("x")</script> & *cẩn thận* <b>giả</b>' }),
    });
    await channel.handleUpdate(textUpdate(LAN, "chào"));
    const sent = telegram.sent()[0];
    expect(sent?.parse_mode).toBe("HTML");
    expect(sent?.text).toBe(
      'Đừng bấm &lt;script&gt;alert("x")&lt;/script&gt; &amp; <b>cẩn thận</b> &lt;b&gt;giả&lt;/b&gt;',
    );
  });

  it("resends as plain text if Telegram ever rejects the markup", async () => {
    const { channel, telegram } = await testChannel({ assistant: saying({ text: "*Chú ý*: a < b" }) });
    telegram.failNext("sendMessage", {
      ok: false,
      error_code: 400,
      description: "Bad Request: can't parse entities: unsupported start tag",
    });
    await channel.handleUpdate(textUpdate(LAN, "chào"));
    const retry = telegram.sent()[1];
    expect(retry?.text).toBe("Chú ý: a < b");
    expect(retry?.parse_mode).toBeUndefined();
  });
});
