import { type AutoRetryOptions, autoRetry } from "@grammyjs/auto-retry";
import { type RunnerHandle, run } from "@grammyjs/runner";
import type { FastifyInstance } from "fastify";
import { Api, type ApiClientOptions, Bot, type Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import type { Config } from "../../config/schema.ts";
import type { Reachability } from "../../learning/reachability.ts";
import { AppError } from "../../shared/app-error.ts";
import type { Transcriber } from "../../speech/transcriber.ts";
import type { Store } from "../../storage/store.ts";
import type { ChannelRuntime } from "../channel.ts";
import { installHandlers } from "./handlers.ts";
import { createTelegramSender, errorCode } from "./sender.ts";
import { ALLOWED_UPDATES, setOrganizerMenu, setTelegramCommands } from "./setup.ts";
import { registerTelegramWebhook } from "./webhook-route.ts";

export type TelegramConfig = Pick<
  Config,
  | "TELEGRAM_BOT_TOKEN"
  | "TELEGRAM_WEBHOOK_URL"
  | "TELEGRAM_WEBHOOK_SECRET"
  | "TELEGRAM_API_ROOT"
  | "ADMIN_IDS"
>;

export interface TelegramChannelDeps {
  config: TelegramConfig;
  assistant: Assistant;
  store: Store;
  logger: Logger;
  reachability: Reachability;
  /** The bot's own getMe answer; when absent it is fetched once at start (tests pass a fixed one). */
  botInfo?: UserFromGetMe;
  /** grammY client options (tests inject `fetch`); TELEGRAM_API_ROOT is applied unless apiRoot is given. */
  client?: ApiClientOptions;
  /** API transformers installed inside auto-retry, so they see every attempt (tests record calls here). */
  transformers?: Transformer[];
  /** Voice messages (src/speech); without one they get the "not available yet" line. */
  transcriber?: Transcriber;
  /** Overrides for @grammyjs/auto-retry. */
  retry?: Partial<AutoRetryOptions>;
}

/** The Telegram channel, plus the grammY bot and a direct entry for updates (tests, other transports). */
export interface TelegramChannel extends ChannelRuntime {
  readonly name: "telegram";
  readonly bot: Bot;
  /** Handles one update to the end, exactly once per update_id; never rejects. */
  handleUpdate(update: Update): Promise<void>;
}

const SECRET_FORMAT = /^[A-Za-z0-9_-]{1,256}$/;
const INIT_TIMEOUT_MS = 30_000;

/** getMe once, as a readable AppError when Telegram refuses the token or does not answer in time. */
async function initOrExplain(bot: Bot): Promise<void> {
  try {
    // grammY types its signal with a shim; the native AbortSignal is what it uses at run time.
    await bot.init(AbortSignal.timeout(INIT_TIMEOUT_MS) as unknown as Parameters<Bot["init"]>[0]);
  } catch (error) {
    const code = errorCode(error);
    if (code === "telegram-401" || code === "telegram-404")
      throw new AppError(
        "telegram-token-refused",
        "Telegram refused TELEGRAM_BOT_TOKEN (check it with @BotFather)",
      );
    throw new AppError("telegram-unreachable", `Telegram did not answer getMe (${code})`, { cause: error });
  }
}

/** The token, the mode and the webhook secret, refused at start-up when missing or malformed. */
function telegramSettings(config: TelegramChannelDeps["config"]) {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new AppError("telegram-token-missing", "TELEGRAM_BOT_TOKEN is not set");
  const mode: "webhook" | "polling" = config.TELEGRAM_WEBHOOK_URL ? "webhook" : "polling";
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  if (mode === "webhook" && !secret)
    throw new AppError(
      "telegram-webhook-secret-missing",
      "TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set (webhook mode)",
    );
  if (secret && !SECRET_FORMAT.test(secret))
    throw new AppError(
      "telegram-webhook-secret-invalid",
      "TELEGRAM_WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, _ and -",
    );
  return { token, mode, secret };
}

/** The HTTP client settings of both API clients (the bot's, and the one notices are sent with). */
function clientOf(deps: TelegramChannelDeps): ApiClientOptions {
  const apiRoot = deps.config.TELEGRAM_API_ROOT?.replace(/\/+$/, "");
  // grammY waits 500 s by default; 45 s still covers getUpdates' 30 s long poll.
  return { timeoutSeconds: 45, ...(apiRoot ? { apiRoot } : {}), ...deps.client };
}

/** The grammY bot with its HTTP client settings, API transformers and retry policy (no handlers yet). */
function createBot(token: string, deps: TelegramChannelDeps): Bot {
  const bot = new Bot(token, { ...(deps.botInfo ? { botInfo: deps.botInfo } : {}), client: clientOf(deps) });
  for (const transformer of deps.transformers ?? []) bot.api.config.use(transformer);
  // Installed last, so it runs first: waits out 429 retry_after (up to 30 s), retries 5xx a few times.
  bot.api.config.use(
    autoRetry({ maxDelaySeconds: 30, maxRetryAttempts: 3, rethrowHttpErrors: true, ...deps.retry }),
  );
  bot.catch((error) => {
    deps.logger.error({ channel: "telegram", code: errorCode(error.error) }, "update failed");
  });
  return bot;
}

/** Handles one update (a webhook's); never rejects, a failure is logged by its code. */
async function handleOneUpdate(
  bot: Bot,
  logger: TelegramChannelDeps["logger"],
  update: Update,
): Promise<void> {
  try {
    if (!bot.isInited()) await bot.init();
    await bot.handleUpdate(update);
  } catch (error) {
    const cause = (error as { error?: unknown }).error ?? error;
    logger.error({ channel: "telegram", code: errorCode(cause) }, "update failed");
  }
}

/** Builds the Telegram channel: webhook mode when TELEGRAM_WEBHOOK_URL is set, long polling otherwise. */
export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const { config, logger } = deps;
  const { token, mode, secret } = telegramSettings(config);
  const bot = createBot(token, deps);
  installHandlers(bot, deps);

  const inFlight = new Set<Promise<void>>();
  let runner: RunnerHandle | undefined;

  const handleUpdate = (update: Update) => handleOneUpdate(bot, logger, update);

  return {
    name: "telegram",
    mode,
    bot,
    sender: createTelegramSender({
      api: pacedApi(token, deps),
      reachability: deps.reachability,
      logger,
    }),
    handleUpdate,
    async setOrganizerMenu(userId: string, organizer: boolean) {
      const chatId = Number(userId);
      if (!Number.isSafeInteger(chatId)) return;
      await setOrganizerMenu(bot.api, chatId, organizer).catch((error: unknown) => {
        logger.warn({ channel: "telegram", code: errorCode(error) }, "organizer menu not set");
      });
    },
    registerRoutes(app: FastifyInstance) {
      if (mode !== "webhook" || !secret) return;
      registerTelegramWebhook(app, {
        secret,
        accept(update) {
          const task = new Promise<void>((resolve) => setImmediate(resolve)).then(() => handleUpdate(update));
          inFlight.add(task);
          void task.finally(() => inFlight.delete(task));
        },
      });
    },
    async start() {
      await initOrExplain(bot);
      if (mode === "webhook") {
        logger.info({ channel: "telegram", mode }, "telegram ready");
        return;
      }
      await bot.api.deleteWebhook({ drop_pending_updates: false }); // getUpdates refuses while a webhook is set
      await setTelegramCommands(bot.api, config.ADMIN_IDS).catch((error: unknown) => {
        logger.warn({ channel: "telegram", code: errorCode(error) }, "command menu not set");
      });
      runner = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
      logger.info({ channel: "telegram", mode }, "telegram ready");
    },
    async stop() {
      if (runner?.isRunning()) await runner.stop();
      runner = undefined;
      await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * The client broadcasts and reminders are sent with. The outbox's pacer alone decides how long to wait after
 * a 429, so this client hands every 429 that asks for a wait straight back (a conversation's replies keep
 * the bot's own auto-retry); server errors are still retried a few times.
 */
function pacedApi(token: string, deps: TelegramChannelDeps): Api {
  const api = new Api(token, clientOf(deps));
  for (const transformer of deps.transformers ?? []) api.config.use(transformer);
  api.config.use(autoRetry({ maxDelaySeconds: 0, maxRetryAttempts: 3, rethrowHttpErrors: true }));
  return api;
}
