import { z } from "zod";
import type { ReplyOption } from "../../messaging/message.ts";
import { fold } from "../../retrieval/normalize.ts";
import type { Store } from "../../storage/store.ts";

/** How long the last numbered options stay answerable. */
export const OPTIONS_TTL_MS = 24 * 60 * 60 * 1000;

const storedOptions = z.array(z.object({ label: z.string(), action: z.string().max(64) })).max(100);

/** Options belong to a person in a private chat, or to a person inside one group. */
export function optionsKey(userId: string, groupChatId?: string): string {
  return groupChatId ? `zalo:options:${groupChatId}:${userId}` : `zalo:options:${userId}`;
}

/** Remembers the options just sent (in the store: survives restarts, shared by instances). */
export async function saveOptions(store: Store, key: string, options: ReplyOption[]): Promise<void> {
  if (!options.length) {
    await store.del(key);
    return;
  }
  const compact = options.map(({ label, action }) => ({ label, action }));
  await store.set(key, JSON.stringify(compact), { ttlMs: OPTIONS_TTL_MS });
}

export async function loadOptions(store: Store, key: string): Promise<ReplyOption[]> {
  const raw = await store.get(key);
  if (!raw) return [];
  try {
    const parsed = storedOptions.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const CHOICE = /^(?:(?:dap an|cau|chon|so|phuong an|lua chon|y)\s*:?\s*)?(\d{1,2}|[a-d])\s*[.):]?$/;

/**
 * Maps a typed answer to one of the numbered options: "1", "2.", " 3 ", "b" (a=1 … d=4), "đáp án 3",
 * "dap an c", "câu 2", "chọn 2", "số 2". Anything else, or a number out of range, → null (it is text).
 */
export function resolveChoice(text: string, options: ReplyOption[]): string | null {
  if (!options.length) return null;
  const trimmed = text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  if (trimmed.length > 20) return null;
  const match = CHOICE.exec(fold(trimmed));
  const token = match?.[1];
  if (!token) return null;
  let index: number;
  if (/^\d+$/.test(token)) index = Number(token) - 1;
  else {
    // "đ" folds to "d"; a letter answer must really be a Latin a–d.
    if (!/[a-d][.):]?$/.test(trimmed)) return null;
    index = token.charCodeAt(0) - "a".charCodeAt(0);
  }
  return options[index]?.action ?? null;
}
