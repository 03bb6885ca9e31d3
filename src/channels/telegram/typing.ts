import type { Api } from "grammy";

/** Telegram shows "typing…" for about 5 seconds, or until the bot's next message arrives. */
const REPEAT_MS = 4500;
/** How long the answer waits for a typing call still in flight (one being retried after a 429 is not waited for). */
const STOP_WAIT_MS = 1000;

/** "typing…" in a chat while an answer is prepared; `stop()` waits briefly for the call in flight. */
export interface Typing {
  stop(): Promise<void>;
}

/**
 * Sends the typing action at once and again every few seconds until stopped. A refused or failed call is
 * passed to `onError` and never delays or breaks the turn.
 */
export function startTyping(
  api: Pick<Api, "sendChatAction">,
  chatId: number,
  onError: (error: unknown) => void,
): Typing {
  let last: Promise<unknown> = Promise.resolve();
  const send = () => {
    last = api.sendChatAction(chatId, "typing").catch(onError);
  };
  send();
  const timer = setInterval(send, REPEAT_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([last, new Promise((resolve) => (waited = setTimeout(resolve, STOP_WAIT_MS)))]);
      clearTimeout(waited);
    },
  };
}
