import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import { voiceMessages } from "../../catalog/voice.ts";
import { zaloMessages } from "../../catalog/zalo.ts";
import type { Reachability } from "../../learning/reachability.ts";
import { typedChoice } from "../../messaging/choice.ts";
import type { Inbound, Reply } from "../../messaging/message.ts";
import { errorCode } from "../../shared/app-error.ts";
import type { Transcriber } from "../../speech/transcriber.ts";
import type { Store } from "../../storage/store.ts";
import { claimDelivery } from "../channel.ts";
import { noTranscriber, voiceTurn } from "../voice-turn.ts";
import type { ZaloClient } from "./client.ts";
import { loadOptions, optionsKey, saveOptions } from "./options.ts";
import { renderReplies } from "./render.ts";
import type { ZaloSender } from "./sender.ts";
import { isGroupChat, type ZaloMessage, type ZaloUpdate } from "./types.ts";

/** After answering a withheld (unsupported) message, that chat hears nothing more about it this long. */
export const WITHHELD_QUIET_MS = 6 * 60 * 60 * 1000;
/** After answering a photo or a sticker, the next ones in that chat get no reply for this long. */
export const MEDIA_QUIET_MS = 10 * 60 * 1000;

export interface ZaloHandlerDeps {
  assistant: Assistant;
  store: Store;
  reachability: Reachability;
  sender: ZaloSender;
  client: ZaloClient;
  logger: Logger;
  /** Voice messages; without one they get the "not available yet" line. */
  transcriber?: Transcriber;
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

/** One message being answered: who, where, and how replies reach them. */
interface Turn {
  message: ZaloMessage;
  chatId: string;
  inGroup: boolean;
  optionsKey: string;
  inbound: Omit<Inbound, "text" | "action">;
}

/** What answering a turn needs: the handler's deps with the transcriber settled. */
interface Answering extends ZaloHandlerDeps {
  transcriber: Transcriber;
}

export function createZaloHandler(deps: ZaloHandlerDeps): ZaloHandler {
  const { store, logger } = deps;
  const answering: Answering = { ...deps, transcriber: deps.transcriber ?? noTranscriber };
  const inFlight = new Set<Promise<void>>();

  async function handle(update: ZaloUpdate): Promise<void> {
    if (update.kind !== "known") {
      logger.info({ event: safeEventName(update.event), kind: update.kind }, "zalo event acknowledged");
      return;
    }
    const { event, message } = update;
    if (message.from.is_bot) return;
    if (!(await claimDelivery(store, `zalo:message:${message.message_id}`))) {
      logger.debug({ event }, "zalo duplicate delivery ignored");
      return;
    }
    await deps.reachability.markReachable("zalo", message.from.id);
    await answer(answering, event, turnOf(message));
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

function turnOf(message: ZaloMessage): Turn {
  const userId = message.from.id;
  const chatId = message.chat.id;
  const inGroup = isGroupChat(message);
  return {
    message,
    chatId,
    inGroup,
    optionsKey: optionsKey(userId, inGroup ? chatId : undefined),
    inbound: {
      channel: "zalo",
      userId,
      ...(message.from.display_name ? { displayName: message.from.display_name } : {}),
      ...(inGroup ? { inGroup: true } : {}),
    },
  };
}

/** Answers one message by its kind; media and withheld messages get one line per chat per quiet period. */
async function answer(deps: Answering, event: string, turn: Turn): Promise<void> {
  const { chatId, inGroup } = turn;
  /** Set-if-absent with a TTL in the store: true the first time in `ttlMs`, across instances. */
  const firstIn = (key: string, ttlMs: number) => deps.store.set(key, "1", { ifAbsent: true, ttlMs });
  switch (event) {
    case "message.text.received":
      return textTurn(deps, turn, turn.message.text ?? "");
    case "message.link.received":
      return linkTurn(deps, turn);
    case "message.image.received": {
      const caption = turn.message.caption?.trim();
      if (caption) return textTurn(deps, turn, caption);
      if (inGroup || !(await firstIn(`zalo:quiet:media:${chatId}`, MEDIA_QUIET_MS))) return;
      return send(deps, turn, [{ text: zaloMessages.photo }]);
    }
    case "message.sticker.received":
      if (inGroup || !(await firstIn(`zalo:quiet:media:${chatId}`, MEDIA_QUIET_MS))) return;
      return send(deps, turn, [{ text: zaloMessages.sticker }]);
    case "message.voice.received":
      return inGroup ? undefined : voice(deps, turn);
    case "message.unsupported.received":
      if (inGroup || !(await firstIn(`zalo:quiet:withheld:${chatId}`, WITHHELD_QUIET_MS))) return;
      return send(deps, turn, [{ text: zaloMessages.withheld }]);
  }
}

async function send(deps: Answering, turn: Turn, replies: Reply[]): Promise<void> {
  const { texts, options } = renderReplies(replies);
  // Saved before sending, so a quick "1" after the list arrives already finds it.
  await saveOptions(deps.store, turn.optionsKey, options);
  const outcome = await deps.sender.sendTexts(turn.chatId, texts);
  if (outcome.status !== "sent") deps.logger.warn({ outcome: outcome.status }, "zalo reply not delivered");
}

const typing = (deps: Answering, turn: Turn) =>
  deps.client.sendChatAction({ chat_id: turn.chatId, action: "typing" }).catch(() => {});

async function textTurn(deps: Answering, turn: Turn, text: string): Promise<void> {
  const action = typedChoice(text, await loadOptions(deps.store, turn.optionsKey));
  void typing(deps, turn);
  await send(
    deps,
    turn,
    await deps.assistant.handle({ ...turn.inbound, ...(action ? { action } : { text }) }),
  );
}

/**
 * A shared link (message.link.received): handed to the assistant marked as pasted, which answers with the
 * lesson on checking links unless a typed answer is awaited (an organizer pasting a meeting link as the
 * place). Never fetched, never logged.
 */
async function linkTurn(deps: Answering, turn: Turn): Promise<void> {
  deps.logger.info({ event: "message.link.received" }, "zalo shared link passed to the assistant");
  const link = turn.message.text?.trim() || turn.message.url?.trim();
  void typing(deps, turn);
  await send(
    deps,
    turn,
    await deps.assistant.handle({ ...turn.inbound, pastedLink: true, ...(link ? { text: link } : {}) }),
  );
}

async function voice(deps: Answering, turn: Turn): Promise<void> {
  const { transcriber } = deps;
  if (!transcriber.configured) return send(deps, turn, [{ text: voiceMessages.notAvailable }]);
  const url = turn.message.voice_url;
  if (!url) return send(deps, turn, [{ text: voiceMessages.notHeard }]);
  void typing(deps, turn);
  const result = await voiceTurn({ transcriber, assistant: deps.assistant }, turn.inbound, {
    url,
    filename: "voice.aac",
  });
  if (!result.heard) deps.logger.info({ reason: result.reason }, "zalo voice message not heard");
  await send(deps, turn, result.replies);
}
