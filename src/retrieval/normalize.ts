import { ABBREVIATIONS } from "./abbreviations.ts";

const TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
const OLD_TONE_PLACEMENT = new RegExp(`(o)([${TONE_MARKS}])([ae])|(u)([${TONE_MARKS}])(y)`, "g");

/**
 * NFC, lower case, one tone-mark placement (hòa → hoà, thúy → thuý), punctuation and emoji to spaces.
 * Never throws; the result is idempotent.
 */
export function normalizeText(input: string): string {
  if (typeof input !== "string" || input.length === 0) return "";
  const decomposed = input.normalize("NFD").toLowerCase();
  const placed = decomposed.replace(OLD_TONE_PLACEMENT, (_m, o, mark, ae, u, mark2, y) =>
    o !== undefined ? `${o}${ae}${mark}` : `${u}${y}${mark2}`,
  );
  return placed
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Removes Vietnamese diacritics: NFD, drop combining marks, đ → d. Idempotent. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

export function hasDiacritics(token: string): boolean {
  return fold(token) !== token;
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized ? normalized.split(" ") : [];
}

/** Tokens of a query with teencode and abbreviations expanded (originals kept, expansions appended). */
export function expandTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    out.push(token);
    const expansion = ABBREVIATIONS[fold(token)];
    if (expansion && fold(expansion) !== fold(token)) out.push(...tokenize(expansion));
  }
  return out;
}

/** Folded syllables that carry little meaning; removed before matching. */
export const STOPWORDS = new Set(
  (
    "a à ạ ah ơi ạ nhé nhe nha ha hả hở vậy thế thì là mà và với của cho các những một cái con chiếc " +
    "tôi toi tui mình minh tớ em anh chị chi ông ong bà ba cô co chú chu bác bac cháu chau bạn ban ad admin " +
    "có co được duoc bị bi thì đã da đang dang sẽ se rồi roi nữa nua cũng cung lại lai ra vào vao lên len " +
    "này nay kia đó do đây day ấy ay nào nao gì gi sao ai đâu dau " +
    "ơi oi ạ nhỉ nhi chứ chu thôi thoi luôn luon hay hoặc hoac nếu neu khi để de ở o trong từ tu " +
    "làm lam thế the như nhu xin hỏi hoi giúp giup với voi"
  )
    .split(/\s+/)
    .map((w) => fold(w)),
);

/** Folded content words of a query, for coverage and scope checks. */
export function contentTerms(text: string): string[] {
  return expandTokens(tokenize(text))
    .map(fold)
    .filter((t) => !STOPWORDS.has(t) && t.length > 0);
}
