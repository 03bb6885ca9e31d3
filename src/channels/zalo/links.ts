import { act } from "../../assistant/actions.ts";

/** The lesson on checking a link before opening it (knowledge/lessons/an-toan-so/…). */
export const LINK_LESSON_ID = "an-toan-so/link-ung-dung-doc-hai";
export const LINK_LESSON_ACTION = act("lesson", LINK_LESSON_ID);

/** A whole message that is one address: "https://…", "www.…", or "abc.com.vn/xyz". */
const JUST_A_LINK = /^(?:https?:\/\/\S+|www\.\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?)$/i;

/** True when the text is nothing but a pasted link (never fetched: we only answer about checking it). */
export function isJustALink(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 2048 && JUST_A_LINK.test(trimmed);
}
