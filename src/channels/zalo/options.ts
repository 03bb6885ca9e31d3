import { z } from "zod";
import type { ReplyOption } from "../../messaging/message.ts";
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
