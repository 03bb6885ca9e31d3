import { foldAccents } from "../shared/fold-accents.ts";
import type { ReplyOption } from "./message.ts";

const CHOICE = /^(?:(?:dap an|cau|chon|so|phuong an|lua chon|y)\s*:?\s*)?(\d{1,2}|[a-d])\s*[.):]?$/;

/**
 * The one reading of a typed pick among `count` options, on every channel: "1", "2.", " 3 ", "b" (a=1 …
 * d=4), "đáp án 3", "dap an c", "câu 2", "chọn 2", "số 2" → its 0-based place. Anything else, or a place
 * out of range, → null: the message is text.
 */
export function typedChoiceIndex(text: string, count: number): number | null {
  if (count <= 0) return null;
  const trimmed = text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  if (trimmed.length > 20) return null;
  const token = CHOICE.exec(foldAccents(trimmed))?.[1];
  if (!token) return null;
  let index: number;
  if (/^\d+$/.test(token)) index = Number(token) - 1;
  else {
    // "đ" folds to "d"; a letter answer must really be a Latin a–d.
    if (!/[a-d][.):]?$/.test(trimmed)) return null;
    index = token.charCodeAt(0) - "a".charCodeAt(0);
  }
  return index >= 0 && index < count ? index : null;
}

/** The action of the option a typed pick names, or null when the message is text. */
export function typedChoice(text: string, options: readonly ReplyOption[]): string | null {
  const index = typedChoiceIndex(text, options.length);
  return index === null ? null : (options[index]?.action ?? null);
}
