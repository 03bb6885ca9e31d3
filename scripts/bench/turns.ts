/**
 * Turn throughput through the Telegram adapter: synthetic onboarded learners ask free-text questions,
 * fed to `channel.handleUpdate` with a fixed number of updates in flight (distinct chats, like the
 * runner's per-chat sequencing), answered by a fake Bot API. The ceiling is a bare grammY echo bot fed
 * the same update stream the same way.
 */
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { createAssistant } from "../../src/assistant/assistant.ts";
import { createTelegramChannel } from "../../src/channels/telegram/create-telegram-channel.ts";
import { configSchema } from "../../src/config/schema.ts";
import type { Curriculum } from "../../src/knowledge/types.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { Reachability } from "../../src/learning/reachability.ts";
import type { Store } from "../../src/storage/store.ts";
import type { Tutor } from "../../src/tutor/tutor.ts";
import { percentile, round, silentLogger } from "./lib.ts";
import { BOT_INFO, fakeTelegram, TOKEN, textUpdate } from "./telegram-fake.ts";

export interface TurnOptions {
  users: number;
  turns: number;
  concurrency: number;
  /** Simulated Bot API round trip (0 = answer at once). */
  apiLatencyMs: number;
  /** Turns run (and discarded) before timing, to warm up JIT and caches. */
  warmup: number;
}

export interface TurnResult {
  turnsPerS: number;
  p50Ms: number;
  p95Ms: number;
  turns: number;
  sendMessages: number;
  /** Turns whose chat got no message at all (should be 0). */
  unanswered: number;
}

const USER_BASE = 6_100_000_000;

/** Onboards `users` learners directly in the store, so every timed turn is a free-text question. */
export async function onboard(store: Store, users: number): Promise<void> {
  const learners = new LearnerStore(store);
  const now = new Date();
  const one = async (i: number) => {
    const id = `telegram:${USER_BASE + i}`;
    await learners.start(id, now);
    await learners.giveConsent(id, now);
    await learners.setGroup(id, "nguoi-dan");
    await learners.setTo(id, `Tổ ${(i % 20) + 1}`);
    await learners.setMode(id, false);
  };
  for (let i = 0; i < users; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, users - i) }, (_, j) => one(i + j)));
}

/** The update stream: turn i comes from user i mod users, asking question i mod questions. */
export function updateStream(options: TurnOptions, questions: readonly string[]): Update[] {
  return Array.from({ length: options.turns + options.warmup }, (_, i) =>
    textUpdate(USER_BASE + (i % options.users), questions[i % questions.length] as string),
  );
}

/** Feeds updates with `concurrency` in flight; resolves per-update latencies of the timed part. */
async function drive(
  updates: Update[],
  options: TurnOptions,
  handle: (update: Update) => Promise<void>,
): Promise<{ elapsedMs: number; latencies: number[] }> {
  const warm = updates.slice(0, options.warmup);
  const timed = updates.slice(options.warmup);
  const run = async (list: Update[], latencies: number[]) => {
    let next = 0;
    const worker = async () => {
      while (next < list.length) {
        const update = list[next++] as Update;
        const t0 = performance.now();
        await handle(update);
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  };
  await run(warm, []);
  const latencies: number[] = [];
  const started = performance.now();
  await run(timed, latencies);
  return { elapsedMs: performance.now() - started, latencies };
}

function resultOf(
  run: { elapsedMs: number; latencies: number[] },
  updates: Update[],
  sent: Map<number, number>,
  sendMessages: number,
): TurnResult {
  const chats = new Set(updates.map((u) => u.message?.chat.id));
  return {
    turnsPerS: round(run.latencies.length / (run.elapsedMs / 1000), 1),
    p50Ms: round(percentile(run.latencies, 50), 2),
    p95Ms: round(percentile(run.latencies, 95), 2),
    turns: run.latencies.length,
    sendMessages,
    unanswered: [...chats].filter((c) => !sent.has(Number(c))).length,
  };
}

/** Real turns: the assistant on `store` behind the Telegram channel. The store must be empty. */
export async function benchTurns(
  deps: { store: Store; curriculum: Curriculum; tutor: Tutor },
  questions: readonly string[],
  options: TurnOptions,
): Promise<TurnResult> {
  await onboard(deps.store, options.users);
  const assistant = createAssistant({
    store: deps.store,
    curriculum: deps.curriculum,
    tutor: deps.tutor,
    wardName: "phường Thử Nghiệm",
    logger: silentLogger,
    publicUrl: "https://hocvuso.test",
    certSecret: "bench-secret",
  });
  const telegram = fakeTelegram(options.apiLatencyMs);
  const channel = createTelegramChannel({
    config: configSchema.parse({ TELEGRAM_BOT_TOKEN: TOKEN }),
    assistant,
    store: deps.store,
    logger: silentLogger,
    reachability: new Reachability(deps.store),
    botInfo: BOT_INFO,
    transformers: [telegram.transformer],
  });
  const updates = updateStream(options, questions);
  const run = await drive(updates, options, (u) => channel.handleUpdate(u));
  return resultOf(run, updates, telegram.sentTo, telegram.counts.get("sendMessage") ?? 0);
}

/** The ceiling: a bare grammY bot that echoes each text, same fake API, same stream, same concurrency. */
export async function benchEcho(questions: readonly string[], options: TurnOptions): Promise<TurnResult> {
  const telegram = fakeTelegram(options.apiLatencyMs);
  const bot = new Bot(TOKEN, { botInfo: BOT_INFO });
  bot.api.config.use(telegram.transformer);
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  await bot.init();
  const updates = updateStream(options, questions);
  const run = await drive(updates, options, (u) => bot.handleUpdate(u));
  return resultOf(run, updates, telegram.sentTo, telegram.counts.get("sendMessage") ?? 0);
}
