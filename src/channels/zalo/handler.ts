import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import type { Reachability } from "../../learning/reachability.ts";
import { typedChoice } from "../../messaging/choice.ts";
import { errorCode } from "../../shared/app-error.ts";
import type { Store } from "../../storage/store.ts";
import { claimDelivery } from "../channel.ts";
import type { ZaloClient } from "./client.ts";
import { loadOptions, optionsKey, saveOptions } from "./options.ts";
import { renderReplies } from "./render.ts";
import type { ZaloSender } from "./sender.ts";
import { isGroupChat, type ZaloUpdate } from "./types.ts";

/** The answer to images, stickers, voice and withheld (unsupported) messages in a private chat. */
export const NON_TEXT_REPLY = "Mình chỉ đọc được tin nhắn chữ. Bạn gõ câu hỏi bằng chữ nhé.";

export interface ZaloHandlerDeps {
  assistant: Assistant;
  store: Store;
  reachability: Reachability;
  sender: ZaloSender;
  client: ZaloClient;
  logger: Logger;
}

export interface ZaloHandler {
  /** Handles an update in the background (never rejects); `idle()` waits for it. */
  dispatch(update: ZaloUpdate): void;
  /** Handles one update: exactly once per message_id, then the assistant, then the replies. */
  handle(update: ZaloUpdate): Promise<void>;
  /** Resolves when every dispatched update has been handled. */
  idle(): Promise<void>;
}

/** An event name is safe to log (it is not message text); still, keep it short and plain. */
export const safeEventName = (event: string) => event.slice(0, 60).replace(/[^\w.-]/g, "?");

export function createZaloHandler(deps: ZaloHandlerDeps): ZaloHandler {
  const { store, logger } = deps;
  const inFlight = new Set<Promise<void>>();

  async function handle(update: ZaloUpdate): Promise<void> {
    if (update.kind === "unknown") {
      logger.info({ event: safeEventName(update.event) }, "zalo event ignored");
      return;
    }
    const { event, message } = update;
    if (!(await claimDelivery(store, `zalo:message:${message.message_id}`))) {
      logger.debug({ event }, "zalo duplicate delivery ignored");
      return;
    }
    const userId = message.from.id;
    const chatId = message.chat.id;
    const inGroup = isGroupChat(message);
    const privateUserId = inGroup ? undefined : userId;
    await deps.reachability.markReachable("zalo", userId);

    if (event !== "message.text.received") {
      // In groups only text is answered: a sticker there should not make the bot talk.
      if (!inGroup) await deps.sender.sendTexts(chatId, [NON_TEXT_REPLY], privateUserId);
      return;
    }

    const key = optionsKey(userId, inGroup ? chatId : undefined);
    const text = message.text ?? "";
    const action = typedChoice(text, await loadOptions(store, key));
    deps.client.sendChatAction({ chat_id: chatId, action: "typing" }).catch(() => {});
    const replies = await deps.assistant.handle({
      channel: "zalo",
      userId,
      ...(action ? { action } : { text }),
      ...(message.from.display_name ? { displayName: message.from.display_name } : {}),
      ...(inGroup ? { inGroup: true } : {}),
    });
    const { texts, options } = renderReplies(replies);
    // Saved before sending, so a quick "1" after the list arrives already finds it.
    await saveOptions(store, key, options);
    const outcome = await deps.sender.sendTexts(chatId, texts, privateUserId);
    if (outcome.status !== "sent")
      logger.warn({ event, outcome: outcome.status }, "zalo reply not delivered");
  }

  return {
    handle,
    dispatch(update) {
      const task: Promise<void> = handle(update)
        .catch((error: unknown) => {
          const code = errorCode(error);
          logger.error({ code }, "zalo update failed");
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    },
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
