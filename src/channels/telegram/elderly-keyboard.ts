import type { ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import { telegramMessages } from "../../catalog/telegram.ts";
import { Identities } from "../../learning/identity.ts";
import { LearnerStore } from "../../learning/learner-store.ts";
import type { Store } from "../../storage/store.ts";

/** The four big buttons of elderly mode: always shown under the message box, sized to their two rows. */
export const ELDERLY_KEYBOARD: ReplyKeyboardMarkup = {
  keyboard: telegramMessages.elderlyButtons.map((row) => row.map((text) => ({ text }))),
  is_persistent: true,
  resize_keyboard: true,
  input_field_placeholder: telegramMessages.elderlyPlaceholder,
};
export const REMOVE_KEYBOARD: ReplyKeyboardRemove = { remove_keyboard: true };

/** Whether a private chat was last given the big buttons (so they are removed when the mode ends). */
const shownKey = (userId: string) => `telegram:elderly-keyboard:${userId}`;
const SHOWN_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** What a private chat's turn does with the big buttons. */
export interface KeyboardChange {
  /** Goes on every message of the turn that has no inline buttons (Telegram allows one markup a message). */
  markup: ReplyKeyboardMarkup | ReplyKeyboardRemove;
  /** True when the buttons are wanted and the chat has not had them yet: they must arrive this turn. */
  mustShow: boolean;
}

/**
 * The big reply keyboard for learners in elderly mode, in private chats only. Reads the mode through the
 * learning modules (the person behind the Telegram account, then their profile); remembers per chat
 * whether the buttons are up, so leaving elderly mode (or erasing one's data) takes them away again.
 */
export function elderlyKeyboard(store: Store) {
  const identities = new Identities(store);
  const learners = new LearnerStore(store);

  async function elderly(userId: string): Promise<boolean> {
    const profile = await learners.get(await identities.personOf("telegram", userId));
    return profile?.step === "ready" && profile.elderly;
  }

  return {
    /** The change for this turn, read after the assistant answered (the turn may have set the mode). */
    async change(userId: string): Promise<KeyboardChange | null> {
      const [wanted, shown] = await Promise.all([elderly(userId), store.get(shownKey(userId))]);
      if (wanted) return { markup: ELDERLY_KEYBOARD, mustShow: shown === null };
      return shown === null ? null : { markup: REMOVE_KEYBOARD, mustShow: false };
    },
    /** Records that a message carrying the change was sent (writes only when the buttons came or went). */
    async delivered(userId: string, change: KeyboardChange): Promise<void> {
      if ("remove_keyboard" in change.markup) await store.del(shownKey(userId));
      else if (change.mustShow) await store.set(shownKey(userId), "1", { ttlMs: SHOWN_TTL_MS });
    },
  };
}
export type ElderlyKeyboard = ReturnType<typeof elderlyKeyboard>;
