import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Transformer } from "grammy";
import type { InlineKeyboardMarkup, Update, UserFromGetMe } from "grammy/types";
import type { Assistant } from "../../../src/assistant/types.ts";
import {
  createTelegramChannel,
  type TelegramChannel,
  type TelegramChannelDeps,
} from "../../../src/channels/telegram/create-telegram-channel.ts";
import { configSchema } from "../../../src/config/schema.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import type { Inbound } from "../../../src/messaging/message.ts";
import type { Store } from "../../../src/storage/store.ts";
import { silentLogger, tempStore, testAssistant } from "../../helpers/core.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures", "telegram");

/** A recorded Telegram payload from test/fixtures/telegram, as a fresh copy. */
export function fixture<T = Update>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as T;
}

export const BOT_INFO = fixture<UserFromGetMe>("get-me");
export const TOKEN = "7000000001:AAtest-token-for-offline-tests_xyz";

// biome-ignore lint/suspicious/noExplicitAny: API payloads are checked field by field in the tests
export type Payload = Record<string, any>;
export interface ApiCall {
  method: string;
  payload: Payload;
  /** What the fake answered (a sent message carries its message_id here). */
  result?: Payload | boolean;
}
type Failure = { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

/** A stand-in for the Bot API: records every call (each retry too) and answers like Telegram would. */
export function fakeTelegram() {
  const calls: ApiCall[] = [];
  const failures: { method: string; response: Failure | { ok: true; result: unknown } }[] = [];
  let nextMessageId = 1000;
  const transformer: Transformer = async (_prev, method, payload) => {
    const call: ApiCall = { method, payload: payload as Payload };
    calls.push(call);
    const at = failures.findIndex((f) => f.method === method);
    if (at >= 0) return failures.splice(at, 1)[0]?.response as never;
    const p = payload as Payload;
    const result =
      method === "sendMessage"
        ? {
            message_id: nextMessageId++,
            date: 1767225700,
            chat: { id: p.chat_id, type: "private" },
            text: p.text,
          }
        : method === "getMe"
          ? BOT_INFO
          : method === "getUpdates"
            ? await new Promise((resolve) => setTimeout(() => resolve([]), 20))
            : true;
    call.result = result as Payload;
    return { ok: true, result } as never;
  };
  return {
    calls,
    transformer,
    /** The next call of `method` fails with this Bot API answer. */
    failNext(method: string, response: Failure) {
      failures.push({ method, response });
    },
    /** The next call of `method` succeeds with this result. */
    answerNext(method: string, result: unknown) {
      failures.push({ method, response: { ok: true, result } });
    },
    called: (method: string) => calls.filter((c) => c.method === method),
    sent: () => calls.filter((c) => c.method === "sendMessage").map((c) => c.payload),
    /** The message_id the fake gave the last sent message. */
    lastMessageId: () =>
      Number((calls.filter((c) => c.method === "sendMessage").at(-1)?.result as Payload)?.message_id),
    clear: () => calls.splice(0),
  };
}
export type FakeTelegram = ReturnType<typeof fakeTelegram>;

/** The callback actions on a sent message's keyboard. */
export function actionsOf(payload: Payload | undefined): string[] {
  const markup = payload?.reply_markup as InlineKeyboardMarkup | undefined;
  return (markup?.inline_keyboard ?? [])
    .flat()
    .flatMap((b) => ("callback_data" in b ? [b.callback_data] : []));
}

let nextUpdateId = 900_000_000;
export const freshUpdateId = () => nextUpdateId++;

export function textUpdate(userId: number, text: string, updateId = freshUpdateId()): Update {
  const update = fixture("private-text") as Payload;
  update.update_id = updateId;
  Object.assign(update.message.from, { id: userId });
  Object.assign(update.message.chat, { id: userId });
  update.message.text = text;
  if (text.startsWith("/"))
    update.message.entities = [{ offset: 0, length: text.split(/\s/)[0]?.length, type: "bot_command" }];
  return update as Update;
}

export function callbackUpdate(userId: number, data: string, messageId = 1000, updateId = freshUpdateId()) {
  const update = fixture("callback-query") as Payload;
  update.update_id = updateId;
  update.callback_query.id = `cb-${updateId}`;
  update.callback_query.from.id = userId;
  update.callback_query.message.chat.id = userId;
  update.callback_query.message.message_id = messageId;
  update.callback_query.data = data;
  return update as Update;
}

export const telegramConfig = (env: Record<string, string> = {}) =>
  configSchema.parse({ TELEGRAM_BOT_TOKEN: TOKEN, ...env });

/** A channel over the real assistant (or a given one), a fresh store and the fake Bot API. */
export async function testChannel(
  options: {
    env?: Record<string, string>;
    store?: Store;
    assistant?: Assistant;
    deps?: Partial<TelegramChannelDeps>;
  } = {},
) {
  const store = options.store ?? (await tempStore());
  const assistant = options.assistant ?? (await testAssistant(store));
  const telegram = fakeTelegram();
  const reachability = new Reachability(store);
  const inbound: Inbound[] = [];
  const recording: Assistant = {
    handle(input) {
      inbound.push(input);
      return assistant.handle(input);
    },
  };
  const channel: TelegramChannel = createTelegramChannel({
    config: telegramConfig(options.env),
    assistant: recording,
    store,
    logger: silentLogger,
    reachability,
    botInfo: BOT_INFO,
    transformers: [telegram.transformer],
    ...options.deps,
  });
  return { channel, telegram, store, reachability, inbound };
}
