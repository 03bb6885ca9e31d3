import { fold } from "../retrieval/normalize.ts";

/** Cleans what a person typed before anything reads it. Never throws. */
export const MAX_TEXT_CHARS = 2000;

/** Control characters (except tab and newline), zero-width characters and bidirectional overrides. */
function isInvisible(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function removeInvisible(text: string): string {
  let out = "";
  for (const char of text) if (!isInvisible(char.codePointAt(0) ?? 0)) out += char;
  return out;
}

export function cleanText(raw: unknown, max = MAX_TEXT_CHARS): { text: string; truncated: boolean } {
  if (typeof raw !== "string") return { text: "", truncated: false };
  const text = removeInvisible(raw.normalize("NFC").replace(/\r\n?/g, "\n")).trim();
  const chars = [...text];
  if (chars.length <= max) return { text, truncated: false };
  return { text: chars.slice(0, max).join(""), truncated: true };
}

/** Folds Vietnamese to lower-case ASCII for matching short answers ("Đồng ý" → "dong y"). */
export function foldForMatch(text: string): string {
  return fold(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/ ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A whole message that is one address: "https://…", "www.…", or "abc.com.vn/xyz". */
const JUST_A_LINK = /^(?:https?:\/\/\S+|www\.\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?)$/i;

/** True when the text is nothing but a link (never fetched: we only answer about checking it). */
export function isJustALink(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 2048 && JUST_A_LINK.test(trimmed);
}
