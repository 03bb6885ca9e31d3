import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import { zaloOaMessages } from "../../catalog/zalo-oa.ts";
import type { ConsultationWindow } from "../../learning/consultation-window.ts";
import type { Reachability } from "../../learning/reachability.ts";
import { typedChoice } from "../../messaging/choice.ts";
import type { Inbound } from "../../messaging/message.ts";
import { errorCode } from "../../shared/app-error.ts";
import type { Store } from "../../storage/store.ts";
import { claimDelivery } from "../channel.ts";
import { loadOptions, saveOptions } from "../zalo/options.ts";
import { renderReplies } from "../zalo/render.ts";
import { oaOptionsKey, type ZaloOaSender } from "./sender.ts";
import type { ZaloOaEvent } from "./types.ts";

export interface ZaloOaHandlerDeps {
  assistant: Assistant;
  store: Store;
  reachability: Reachability;
  window: ConsultationWindow;
  sender: ZaloOaSender;
  logger: Logger;
}

export interface ZaloOaHandler {
  /** Handles an event in the background (never rejects); `idle()` waits for it. */
  dispatch(event: ZaloOaEvent): void;
  /** Handles one event: once per OA message id (or follow), then the assistant, then the replies. */
  handle(event: ZaloOaEvent): Promise<void>;
  idle(): Promise<void>;
}

/** An event name is not message text; still, keep it short and plain before logging it. */
const safeEventName = (event: string) => event.slice(0, 60).replace(/[^\w.-]/g, "?");

export function createZaloOaHandler(deps: ZaloOaHandlerDeps): ZaloOaHandler {
  const { store, logger } = deps;
  const inFlight = new Set<Promise<void>>();

  /** Runs a turn through the assistant and sends the replies, numbering their options. */
  async function turn(userId: string, input: Pick<Inbound, "text" | "action" | "pastedLink">): Promise<void> {
    const replies = await deps.assistant.handle({ channel: "zalo-oa", userId, ...input });
    const { texts, options } = renderReplies(replies);
    // Saved before sending, so a quick "1" after the list arrives already finds it.
    await saveOptions(store, oaOptionsKey(userId), options);
    const outcome = await deps.sender.sendTexts(userId, texts);
    if (outcome.status !== "sent") logger.warn({ outcome: outcome.status }, "zalo-oa reply not delivered");
  }

  async function handle(event: ZaloOaEvent): Promise<void> {
    if (event.kind === "other") {
      logger.debug({ event: safeEventName(event.event) }, "zalo-oa event ignored");
      return;
    }
    if (event.kind === "follow" || event.kind === "unfollow") {
      if (!(await claimDelivery(store, `zalo-oa:${event.kind}:${event.userId}:${event.timestamp}`))) return;
      if (event.kind === "unfollow")
        return void (await deps.reachability.markUnreachable("zalo-oa", event.userId));
      await deps.reachability.markReachable("zalo-oa", event.userId);
      // The assistant's own greeting: onboarding for someone new, the menu for someone who knows us.
      return turn(event.userId, { text: "/start" });
    }
    if (!(await claimDelivery(store, `zalo-oa:message:${event.messageId}`))) {
      logger.debug({ event: event.event }, "zalo-oa duplicate delivery ignored");
      return;
    }
    await deps.window.recordMessage(event.userId, event.at);
    await deps.reachability.markReachable("zalo-oa", event.userId);
    // A shared link goes to the assistant marked as pasted: the lesson on checking links, unless a typed
    // answer is awaited (an organizer pasting a meeting link as a class's place). Never fetched or logged.
    if (event.event === "user_send_link")
      return turn(event.userId, { pastedLink: true, ...(event.link ? { text: event.link } : {}) });
    if (event.event !== "user_send_text" || !event.text?.trim()) {
      await deps.sender.sendTexts(event.userId, [zaloOaMessages.textOnly]);
      return;
    }
    const action = typedChoice(event.text, await loadOptions(store, oaOptionsKey(event.userId)));
    await turn(event.userId, action ? { action } : { text: event.text });
  }

  return {
    handle,
    dispatch(event) {
      const task: Promise<void> = handle(event)
        .catch((error: unknown) => logger.error({ code: errorCode(error) }, "zalo-oa event failed"))
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    },
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
