/**
 * An offline stand-in for the Telegram Bot API (a grammY API transformer): records what the bot sent and
 * answers like Telegram, optionally after a simulated round-trip delay. Copied in spirit from the test
 * helpers (scripts must not import from test/).
 */
import type { Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";

export const TOKEN = "7000000001:AAbench-token-for-offline-runs_xyz";

export const BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Trợ lý Bình dân học vụ số",
  username: "hocvuso_bench_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
} as UserFromGetMe;

export interface FakeTelegram {
  transformer: Transformer;
  /** API calls by method. */
  readonly counts: Map<string, number>;
  /** Chats that received at least one sendMessage, with how many. */
  readonly sentTo: Map<number, number>;
}

/** The fake Bot API; `latencyMs` > 0 delays every answer like a network round trip would. */
export function fakeTelegram(latencyMs = 0): FakeTelegram {
  const counts = new Map<string, number>();
  const sentTo = new Map<number, number>();
  let nextMessageId = 1000;
  const transformer: Transformer = async (_prev, method, payload) => {
    counts.set(method, (counts.get(method) ?? 0) + 1);
    if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
    const p = payload as { chat_id?: number; text?: string };
    let result: unknown = true;
    if (method === "sendMessage") {
      const chat = Number(p.chat_id);
      sentTo.set(chat, (sentTo.get(chat) ?? 0) + 1);
      result = {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chat, type: "private" },
        text: p.text,
      };
    } else if (method === "getMe") result = BOT_INFO;
    return { ok: true, result } as never;
  };
  return { transformer, counts, sentTo };
}

let nextUpdateId = 500_000_000;

/** A private-chat text message update from `userId`, shaped like test/fixtures/telegram/private-text.json. */
export function textUpdate(userId: number, text: string): Update {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    message: {
      message_id: updateId % 1_000_000_000,
      from: { id: userId, is_bot: false, first_name: "Lan", last_name: "Nguyễn", language_code: "vi" },
      chat: { id: userId, first_name: "Lan", last_name: "Nguyễn", type: "private" },
      date: Math.floor(Date.now() / 1000),
      text,
    },
  } as Update;
}
