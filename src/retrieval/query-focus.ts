import { fold } from "./normalize.ts";

const LONG_MESSAGE_WORDS = 25;

/** Words that make a sentence a question, matched on folded text. */
const ASKING =
  /\?|(?<![a-z])(sao|gi|j|nao|khong|ko|k|hok|chua|ntn|the nao|bao nhieu|o dau|lam gi|co nen|duoc khong|phai lam|giup|chi (toi|em|ba|ong|chau))(?![a-z])/;

/** The sentences of a long message that ask something (the last two), or null for a short message. */
export function focusOf(text: string): string | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < LONG_MESSAGE_WORDS) return null;
  const sentences = text.split(/(?<=[.!?…])\s+|\n+/).filter((s) => s.trim());
  const asking = sentences.filter((s) => ASKING.test(fold(s.toLowerCase())));
  const focus = asking.slice(-2).join(" ");
  return focus && focus.length < text.length * 0.8 ? focus : null;
}
