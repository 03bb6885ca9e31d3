import { fold } from "./normalize.ts";

const LONG_MESSAGE_WORDS = 25;

/** Words that make a sentence a question, matched on folded text. */
const ASKING =
  /\?|(?<![a-z])(sao|gi|j|nao|khong|ko|k|hok|chua|ntn|the nao|bao nhieu|o dau|lam gi|co nen|duoc khong|phai lam|giup|chi (toi|em|ba|ong|chau))(?![a-z])/;

/** A long message's sentences; null for a short message, which is read whole. */
function sentencesOfLong(text: string): string[] | null {
  if (text.split(/\s+/).filter(Boolean).length < LONG_MESSAGE_WORDS) return null;
  return text.split(/(?<=[.!?…])\s+|\n+/).filter((s) => s.trim());
}

/** The sentences of a long message that ask something (the last two), or null for a short message. */
export function focusOf(text: string): string | null {
  const sentences = sentencesOfLong(text);
  if (!sentences) return null;
  const asking = sentences.filter((s) => ASKING.test(fold(s.toLowerCase())));
  const focus = asking.slice(-2).join(" ");
  return focus && focus.length < text.length * 0.8 ? focus : null;
}

/** Longer sentences that start by saying who the writer is usually go on to say what happened. */
const PERSONA_MAX_WORDS = 12;
/** A sentence that says who the writer is ("Tôi là tổ trưởng…", "Bà năm nay 74 tuổi"), not what they need. */
const PERSONA =
  /^(toi|em|chi|anh|ba|ong|minh|con|chau|me toi|bo toi|ba nha toi|ong nha toi|vo toi|chong toi)( (nam nay|hien|cung|dang|da))? (la|lam|phu trach|day|mo tiem|mo quan|ban|\d+ tuoi|o mot minh|song)(?![a-z])/;

/** A long message without the sentences that only say who the writer is; the message itself otherwise. */
export function withoutPersona(text: string): string {
  const sentences = sentencesOfLong(text);
  if (!sentences) return text;
  const kept = sentences.filter((s) => {
    const folded = fold(s.toLowerCase())
      .replace(/[^a-z0-9 ]+/g, " ")
      .trim();
    return ASKING.test(folded) || !PERSONA.test(folded) || s.split(/\s+/).length > PERSONA_MAX_WORDS;
  });
  return kept.length && kept.length < sentences.length ? kept.join(" ") : text;
}
