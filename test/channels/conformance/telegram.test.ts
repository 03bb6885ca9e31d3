import { describe, it } from "vitest";
import { TELEGRAM_MAX_CHARS } from "../../../src/channels/telegram/render.ts";
import { testCurriculum } from "../../helpers/core.ts";
import { callbackUpdate, type Payload, testChannel, textUpdate } from "../telegram/helpers.ts";
import { type ChannelDriver, type ConformanceChannel, runJourney, type Shown } from "./journey.ts";

/** Telegram HTML as the person reads it: tags gone, the three escapes undone. */
const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * Telegram through the real channel (grammY, `handleUpdate` with a fixed botInfo) and captured Bot API
 * calls: typing is a private text message, a tap is a callback query from the message that carried the
 * button, and what the person sees is every sendMessage of the turn.
 */
async function telegramChannel(): Promise<ConformanceChannel> {
  const { channel, telegram } = await testChannel();
  let nextUser = 6100001;
  return {
    async newPerson(): Promise<ChannelDriver> {
      const user = nextUser++;
      let sent: { payload: Payload; messageId: number }[] = [];
      async function turn(update: Parameters<typeof channel.handleUpdate>[0]) {
        const before = telegram.calls.length;
        await channel.handleUpdate(update);
        sent = telegram.calls
          .slice(before)
          .filter((c) => c.method === "sendMessage" && c.payload.chat_id === user)
          .map((c) => ({ payload: c.payload, messageId: Number((c.result as Payload)?.message_id) }));
        for (const { payload } of sent)
          if (String(payload.text).length > TELEGRAM_MAX_CHARS)
            throw new Error("message over Telegram's limit");
      }
      const buttons = (): { label: string; data: string; messageId: number }[] =>
        sent.flatMap(({ payload, messageId }) =>
          ((payload.reply_markup?.inline_keyboard ?? []) as Payload[][])
            .flat()
            .filter((b) => "callback_data" in b)
            .map((b) => ({ label: String(b.text), data: String(b.callback_data), messageId })),
        );
      return {
        send: (text) => turn(textUpdate(user, text)),
        async tap(label) {
          const button = buttons()
            .reverse()
            .find((b) => b.label === label);
          if (!button) throw new Error(`no button “${label}”`);
          await turn(callbackUpdate(user, button.data, button.messageId));
        },
        lastReplies: (): Shown => ({
          texts: sent.map(({ payload }) => plainText(String(payload.text))),
          options: buttons().map((b) => b.label),
        }),
      };
    },
  };
}

describe("channel conformance: Telegram", () => {
  it("takes a learner from onboarding to a cited answer, a whole quiz, progress and a linking code", async () => {
    await runJourney(await telegramChannel(), await testCurriculum());
  });
});
