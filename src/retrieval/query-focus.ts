import { fold } from "./normalize.ts";

const LONG_MESSAGE_WORDS = 25;

/** Words that make a sentence a question, matched on folded text. */
const ASKING =
  /\?|(?<![a-z])(sao|gi|j|nao|khong|ko|k|hok|chua|ntn|the nao|bao nhieu|o dau|lam gi|co nen|duoc khong|phai lam|giup|chi (toi|em|ba|ong|chau))(?![a-z])/;

/** How many words at its end a long message typed or spoken without any full stop is read as asking. */
const UNPUNCTUATED_TAIL_WORDS = 20;
/** … when it runs this long: a shorter one is one question, however it is punctuated. */
const UNPUNCTUATED_MIN_WORDS = 40;

/** A message's sentences, at full stops, question marks and line breaks. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?…])\s+|\n+/).filter((s) => s.trim());
}

/**
 * A long message's sentences; null for a short message, which is read whole. A message dictated by voice, or
 * typed without full stops, is one run of words: its last words stand in for its last sentence, where
 * residents put the question ("… nghe cũng xuôi tai tôi có nên chuyển không").
 */
function sentencesOfLong(text: string): string[] | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < LONG_MESSAGE_WORDS) return null;
  const sentences = sentencesOf(text);
  if (sentences.length > 1 || words.length < UNPUNCTUATED_MIN_WORDS) return sentences;
  const cut = words.length - UNPUNCTUATED_TAIL_WORDS;
  return [words.slice(0, cut).join(" "), words.slice(cut).join(" ")];
}

/** The sentences of a long message that ask something (the last two), or null for a short message. */
export function focusOf(text: string): string | null {
  return focusSentencesOf(text)?.join(" ") ?? null;
}

/**
 * What a long message asks in so many words: its asking sentences marked "?", else its last asking sentence
 * ("ngày nào cũng phải uống thuốc" in a story reads as asking, for its "nào"); null for a short message.
 */
export function questionsOf(text: string): string | null {
  const focus = focusSentencesOf(text);
  if (!focus) return null;
  const marked = focus.filter((s) => s.includes("?"));
  return (marked.length ? marked : focus.slice(-1)).join(" ");
}

function focusSentencesOf(text: string): string[] | null {
  const sentences = sentencesOfLong(text);
  if (!sentences) return null;
  const asking = sentences.filter((s) => ASKING.test(fold(s.toLowerCase()))).slice(-2);
  const focus = asking.join(" ");
  return focus && focus.length < text.length * 0.8 ? asking : null;
}

/** Longer sentences that start by saying who the writer is usually go on to say what happened. */
const PERSONA_MAX_WORDS = 12;
/** A sentence that says who the writer is ("Tôi là tổ trưởng…", "Bà năm nay 74 tuổi"), not what they need. */
const PERSONA =
  /^(toi|em|chi|anh|ba|ong|minh|con|chau|me toi|bo toi|ba nha toi|ong nha toi|vo toi|chong toi)( (nam nay|hien|cung|dang|da))? (la|lam|phu trach|day|mo tiem|mo quan|ban|\d+ tuoi|o mot minh|song)(?![a-z])/;

/** A message without the sentences that only say who the writer is; the message itself when nothing else is left. */
export function withoutPersona(text: string): string {
  // A short one too: "Tôi năm nay 72 tuổi, ở một mình. Gọi video cho con thế nào?" (dev's short and accented
  // messages so introduced found their first lesson 84.7% of the time, as asked alone 89.7%).
  const sentences = sentencesOfLong(text) ?? sentencesOf(text);
  const kept = sentences.filter((s) => {
    const folded = fold(s.toLowerCase())
      .replace(/[^a-z0-9 ]+/g, " ")
      .trim();
    return ASKING.test(folded) || !PERSONA.test(folded) || s.split(/\s+/).length > PERSONA_MAX_WORDS;
  });
  return kept.length && kept.length < sentences.length ? kept.join(" ") : text;
}

/** Where one thing asked ends and the next begins: "chụp thế nào cho đạt, cất ở đâu cho gọn, và giữ an toàn ra sao". */
const CLAUSE_BREAK = /[,;:?!.…]+|\s(?=(?:và|còn|với lại|rồi|hay là|hoặc|thế còn|mà)\s)/iu;

/**
 * The things a message asks, one clause each: its asking sentences (a long message's; a short one whole) cut
 * at commas and at "và", "còn", "hay là"…; a single word ("ok", "ạ") is no clause.
 */
export function askedClauses(text: string): string[] {
  return (focusOf(text) ?? text)
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => clause.split(/\s+/).length >= 2);
}
