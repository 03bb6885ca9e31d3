import type { Bot } from "grammy";
import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import { voiceMessages } from "../../catalog/voice.ts";
import type { Reachability } from "../../learning/reachability.ts";
import type { Reply } from "../../messaging/message.ts";
import type { Transcriber } from "../../speech/transcriber.ts";
import { noTranscriber, voiceTurn } from "../voice-turn.ts";
import { errorCode, sendReplies } from "./sender.ts";

export interface VoiceDeps {
  assistant: Assistant;
  reachability: Reachability;
  logger: Logger;
  /** Without one, a voice message gets the "not available yet" line. */
  transcriber?: Transcriber;
  /** Where files are downloaded from (TELEGRAM_API_ROOT, else Telegram's). */
  config?: { TELEGRAM_API_ROOT?: string | undefined };
}

const TELEGRAM_API_ROOT = "https://api.telegram.org";

/**
 * Voice messages in a private chat: downloaded through getFile into memory (the file URL carries the
 * token, so it is never logged), transcribed, and answered like typed text after "Mình nghe được: …".
 * Installed before the handler that answers other non-text messages. Groups: ignored, as other media.
 */
export function installVoiceHandler(bot: Bot, deps: VoiceDeps): void {
  const { logger } = deps;
  const transcriber = deps.transcriber ?? noTranscriber;
  const apiRoot = (deps.config?.TELEGRAM_API_ROOT ?? TELEGRAM_API_ROOT).replace(/\/+$/, "");

  bot.on("message:voice", async (ctx) => {
    const message = ctx.message;
    if (ctx.chat.type !== "private" || message.from.is_bot || message.sender_chat) return;
    const userId = String(message.from.id);
    await deps.reachability
      .markReachable("telegram", userId)
      .catch((error: unknown) => logger.warn({ code: errorCode(error) }, "mark reachable"));
    let replies: Reply[] = [{ text: voiceMessages.notAvailable }];
    if (transcriber.configured && (message.voice.file_size ?? 0) > transcriber.maxBytes) {
      replies = [{ text: voiceMessages.tooLarge }];
    } else if (transcriber.configured) {
      const file = await ctx.getFile().catch((error: unknown) => {
        logger.warn({ code: errorCode(error) }, "voice file not found");
        return null;
      });
      const displayName = [message.from.first_name, message.from.last_name].filter(Boolean).join(" ");
      const turn = file?.file_path
        ? await voiceTurn(
            { transcriber, assistant: deps.assistant },
            { channel: "telegram", userId, ...(displayName ? { displayName } : {}) },
            {
              url: `${apiRoot}/file/bot${ctx.api.token}/${file.file_path}`,
              filename: "voice.ogg",
              ...(message.voice.file_size ? { declaredBytes: message.voice.file_size } : {}),
            },
          )
        : { heard: false, reason: "download-failed", replies: [{ text: voiceMessages.notHeard }] };
      if (!turn.heard) logger.info({ reason: turn.reason }, "voice message not heard");
      replies = turn.replies;
    }
    await sendReplies(ctx.api, { chatId: ctx.chat.id }, replies).catch((error: unknown) =>
      logger.warn({ code: errorCode(error) }, "reply not sent"),
    );
  });
}
