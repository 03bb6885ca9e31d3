import type { Context } from "grammy";
import type { User } from "grammy/types";
import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import { telegramMessages } from "../../catalog/telegram.ts";
import type { Reachability } from "../../learning/reachability.ts";
import type { Inbound, Reply } from "../../messaging/message.ts";
import type { Store } from "../../storage/store.ts";
import { elderlyKeyboard, type KeyboardChange } from "./elderly-keyboard.ts";
import { hasPlainMessage } from "./render.ts";
import { errorCode, type SendTarget, sendOutcomeOf, sendReplies } from "./sender.ts";
import { startTyping } from "./typing.ts";

export interface TurnDeps {
  assistant: Assistant;
  store: Store;
  reachability: Reachability;
  logger: Logger;
}

/** Who a group keyboard was shown to, so that others cannot press it (kept a week). */
const KEYBOARD_OWNER_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const ownerKey = (chatId: number, messageId: number) => `telegram:keyboard:${chatId}:${messageId}`;

/** One conversation turn: what the person sent, to the assistant and its replies back to the chat. */
export type Turn = (ctx: Context, from: User, input: Partial<Inbound>, target: SendTarget) => Promise<void>;

/** The assistant's replies to what `from` sent, with "typing…" shown in the chat meanwhile. */
async function answer(
  deps: TurnDeps,
  ctx: Context,
  from: User,
  input: Partial<Inbound>,
  chatId: number,
): Promise<Reply[]> {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(" ") || undefined;
  const typing = startTyping(ctx.api, chatId, (error) =>
    deps.logger.debug({ channel: "telegram", code: errorCode(error) }, "typing not shown"),
  );
  try {
    return await deps.assistant.handle({
      channel: "telegram",
      userId: String(from.id),
      ...(displayName ? { displayName } : {}),
      ...input,
    });
  } finally {
    await typing.stop(); // so "typing…" never arrives after the answer
  }
}

/**
 * Builds the turn: "typing…" while the assistant works, the replies in order, in a group the owner of
 * each keyboard, in a private chat the big buttons of elderly mode. Never rejects.
 */
export function createTurn(deps: TurnDeps): Turn {
  const { logger } = deps;
  const quietly = (what: string) => (error: unknown) => {
    logger.warn({ channel: "telegram", code: errorCode(error) }, what);
  };
  const bigButtons = elderlyKeyboard(deps.store);

  /**
   * After a private turn's replies: when the big buttons must appear and every reply carried inline
   * buttons (Telegram allows one keyboard a message), one short message brings them; then the chat's
   * keyboard state is recorded. A removal with no message to carry it waits for the next turn.
   */
  async function settleKeyboard(
    ctx: Context,
    userId: string,
    chatId: number,
    replies: Reply[],
    change: KeyboardChange,
  ): Promise<void> {
    let carried = hasPlainMessage(replies);
    if (!carried && change.mustShow) {
      await sendReplies(ctx.api, { chatId, keyboard: change.markup }, [
        { text: telegramMessages.elderlyKeyboardIntro },
      ]);
      carried = true;
    }
    if (carried) await bigButtons.delivered(userId, change).catch(quietly("keyboard state not saved"));
  }

  return async (ctx, from, input, target) => {
    const replies = await answer(deps, ctx, from, input, target.chatId);
    if (!replies.length) return;
    const userId = String(from.id);
    const change = input.inGroup
      ? null
      : await bigButtons.change(userId).catch((error: unknown) => {
          quietly("keyboard state unavailable")(error);
          return null;
        });
    try {
      const withButtons = await sendReplies(
        ctx.api,
        change ? { ...target, keyboard: change.markup } : target,
        replies,
      );
      if (input.inGroup) {
        for (const id of withButtons)
          await deps.store
            .set(ownerKey(target.chatId, id), userId, { ttlMs: KEYBOARD_OWNER_TTL_MS })
            .catch(quietly("could not record keyboard owner"));
      }
      if (change) await settleKeyboard(ctx, userId, target.chatId, replies, change);
    } catch (error) {
      if (!input.inGroup && sendOutcomeOf(error).status === "unreachable")
        await deps.reachability.markUnreachable("telegram", userId).catch(quietly("mark unreachable"));
      else quietly("reply not sent")(error);
    }
  };
}
