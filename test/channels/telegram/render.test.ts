import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { addressedText } from "../../../src/channels/telegram/group.ts";
import { renderReply, toHtml } from "../../../src/channels/telegram/render.ts";
import { BOT_INFO, fixture, type Payload } from "./helpers.ts";

describe("telegram rendering", () => {
  it("escapes &, < and > and turns *emphasis* into bold without letting markup through", () => {
    expect(toHtml("a & b < c > d")).toBe("a &amp; b &lt; c &gt; d");
    expect(toHtml("*<i>x</i>*")).toBe("<b>&lt;i&gt;x&lt;/i&gt;</b>");
    expect(toHtml("2 * 3 = 6, không *đậm")).toBe("2 * 3 = 6, không *đậm");
    expect(toHtml("*dòng\nmới*")).toBe("*dòng\nmới*");
  });

  it("puts short option labels two to a row and long ones one per row", () => {
    const short = renderReply({
      text: "Đồng ý?",
      options: [
        { label: "Đồng ý", action: "v1:consent:yes" },
        { label: "Không", action: "v1:consent:no" },
        { label: "Trợ giúp", action: "v1:help" },
      ],
    });
    expect(short[0]?.replyMarkup?.inline_keyboard.map((row) => row.length)).toEqual([2, 1]);
    const long = renderReply({
      text: "Chọn",
      options: [
        { label: "Cán bộ, công chức, viên chức", action: "v1:group:can-bo" },
        { label: "Học sinh", action: "v1:group:hoc-sinh" },
      ],
    });
    expect(long[0]?.replyMarkup?.inline_keyboard.map((row) => row.length)).toEqual([1, 1]);
  });

  it("shows a web link as a URL button, and a link Telegram cannot open as a line of text", () => {
    const web = renderReply({
      text: "Chứng nhận",
      link: { label: "Mở", url: "https://hocvuso.example.vn/c/1" },
    });
    expect(web[0]?.replyMarkup?.inline_keyboard).toEqual([
      [{ text: "Mở", url: "https://hocvuso.example.vn/c/1" }],
    ]);
    const local = renderReply({
      text: "Chứng nhận",
      link: { label: "Mở", url: "http://localhost:3000/c/1" },
    });
    expect(local[0]?.replyMarkup).toBeUndefined();
    expect(local[0]?.html).toContain("Mở: http://localhost:3000/c/1");
  });

  it("keeps every part of a long text with many escaped characters within 4096 characters", () => {
    const parts = renderReply({ text: "a<b>&c ".repeat(2000) });
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.html.length).toBeLessThanOrEqual(4096);
  });
});

describe("telegram group addressing", () => {
  const message = (text: string, entities: Payload[] = []) =>
    ({ ...(fixture("group-plain") as Payload).message, text, entities }) as Message;

  it("finds the text after a mention of this bot, wherever it is", () => {
    expect(addressedText(message("@hocvuso_test_bot, otp là gì?", [mention(0, 17)]), BOT_INFO)).toBe(
      "otp là gì?",
    );
    expect(addressedText(message("cho hỏi @HocVuSo_Test_Bot otp là gì", [mention(8, 17)]), BOT_INFO)).toBe(
      "cho hỏi otp là gì",
    );
  });

  it("ignores plain talk and mentions of other people", () => {
    expect(addressedText(message("otp là gì"), BOT_INFO)).toBeNull();
    expect(addressedText(message("@ban_khac otp là gì", [mention(0, 9)]), BOT_INFO)).toBeNull();
  });

  it("accepts a bare command or one addressed to this bot, never one for another bot", () => {
    const command = (text: string) =>
      message(text, [{ type: "bot_command", offset: 0, length: text.length }]);
    expect(addressedText(command("/trogiup"), BOT_INFO)).toBe("/trogiup");
    expect(addressedText(command("/trogiup@hocvuso_test_bot"), BOT_INFO)).toBe("/trogiup@hocvuso_test_bot");
    expect(addressedText(command("/trogiup@other_bot"), BOT_INFO)).toBeNull();
  });
});

function mention(offset: number, length: number): Payload {
  return { type: "mention", offset, length };
}
