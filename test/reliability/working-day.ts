import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeLearnersInBulk } from "../../src/learning/bulk-learners.ts";
import type { RedisStore } from "../../src/storage/redis/redis-store.ts";
import { ROOT } from "../helpers/process.ts";

/** The cast, clock and small tools of the working-day test (several-instances.test.ts). */
export const TELEGRAM_TOKEN = "7000000001:several-instances-test-token";
export const TELEGRAM_SECRET = "telegram-secret-several-instances";
export const ZALO_SECRET = "zalo-secret-several-instances";
export const HOUR = 3600_000;
export const BROADCAST_TEXT = "Tối nay 19 giờ họp tổ dân phố ở nhà văn hóa.";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// 09:00 in Vietnam today (02:00 UTC): the instances and the seeding below live at this hour, whatever
// the real time, so quiet hours (21:00–07:00) never hold the day's sends back.
const realNow = Date.now();
export const SHIFT_MS = Math.floor(realNow / (24 * HOUR)) * 24 * HOUR + 2 * HOUR - realNow;
export const dayNow = () => new Date(Date.now() + SHIFT_MS);

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
export const tgBroadcast = range(100, (i) => String(7_100_000 + i));
export const zaloBroadcast = range(50, (i) => `zl-bc-${i}`);
export const tgReview = range(6, (i) => String(7_200_000 + i));
export const zaloReview = range(4, (i) => `zl-rv-${i}`);
export const tgClass = range(12, (i) => String(7_300_000 + i));
export const tgChat = range(24, (i) => String(7_400_000 + i));
export const zaloChat = range(24, (i) => `zl-chat-${i}`);

const TELEGRAM_UPDATE = JSON.parse(
  readFileSync(join(ROOT, "test", "fixtures", "telegram", "private-text.json"), "utf8"),
) as { update_id: number; message: { from: { id: number }; chat: { id: number }; text: string } };

export function telegramUpdate(userId: string, updateId: number) {
  const update = structuredClone(TELEGRAM_UPDATE);
  update.update_id = updateId;
  update.message.from.id = Number(userId);
  update.message.chat.id = Number(userId);
  update.message.text = "xin chào";
  return update;
}

export function zaloUpdate(userId: string, messageId: string) {
  return {
    ok: true,
    result: {
      event_name: "message.text.received",
      message: {
        from: { id: userId, display_name: "Người học" },
        chat: { id: userId, chat_type: "PRIVATE" },
        text: "xin chào",
        message_id: messageId,
        date: dayNow().getTime(),
      },
    },
  };
}

export async function post(url: string, header: string, secret: string, body: unknown): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [header]: secret },
    body: JSON.stringify(body),
  });
  return response.status;
}

export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

export const count = (items: string[]) => {
  const byKey = new Map<string, number>();
  for (const item of items) byKey.set(item, (byKey.get(item) ?? 0) + 1);
  return byKey;
};

/** Learners written the way onboarding leaves them (ready, in a tổ), each reachable on its own account. */
export async function seedLearner(s: RedisStore, personId: string) {
  await writeLearnersInBulk(s, [
    { id: personId, group: "nguoi-dan", to: "5", consentAt: dayNow().toISOString() },
  ]);
}
