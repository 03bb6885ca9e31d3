import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import { TOKEN_REFUSED_MESSAGE } from "../../catalog/zalo.ts";
import type { Config } from "../../config/schema.ts";
import type { Reachability } from "../../learning/reachability.ts";
import { AppError } from "../../shared/app-error.ts";
import type { Transcriber } from "../../speech/transcriber.ts";
import type { Store } from "../../storage/store.ts";
import type { ChannelRuntime } from "../channel.ts";
import { createZaloClient, isTokenError, ZaloApiError, type ZaloClient } from "./client.ts";
import { createZaloHandler } from "./handler.ts";
import { createZaloPoller, type ZaloPoller } from "./polling.ts";
import { createZaloSender, type ZaloSender } from "./sender.ts";
import { registerZaloWebhook } from "./webhook.ts";

export interface ZaloChannelDeps {
  config: Config;
  assistant: Assistant;
  store: Store;
  logger: Logger;
  reachability: Reachability;
  /** For tests: backoff and pacing waits. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  fetch?: typeof fetch;
  /** Long-poll wait of one getUpdates call, in seconds (default 30). */
  pollTimeoutSec?: number;
  /** Voice messages (src/speech); without one they get the "not available yet" line. */
  transcriber?: Transcriber;
}

export interface ZaloChannel extends ChannelRuntime {
  readonly sender: ZaloSender;
  readonly client: ZaloClient;
  /** Resolves when every update received so far has been handled (webhook handling runs after the 200). */
  idle(): Promise<void>;
}

/**
 * getMe at start-up: a refused token (401) stops start-up with one line, without the token. Zalo not
 * answering right now only warns: webhook deliveries and the polling loop recover by themselves.
 */
async function checkToken(client: ZaloClient, logger: Logger): Promise<void> {
  try {
    const me = await client.getMe();
    logger.info({ accountType: me.account_type, canJoinGroups: me.can_join_groups }, "zalo bot ready");
  } catch (error) {
    if (isTokenError(error)) throw new AppError("zalo-token", TOKEN_REFUSED_MESSAGE, { cause: error });
    logger.warn({ code: error instanceof ZaloApiError ? error.code : "unknown" }, "zalo getMe failed");
  }
}

/**
 * The Zalo Bot Platform channel. Webhook mode when ZALO_WEBHOOK_URL is set (ZALO_WEBHOOK_SECRET is then
 * required), long polling otherwise. Throws AppError when ZALO_BOT_TOKEN is missing.
 */
export function createZaloChannel(deps: ZaloChannelDeps): ZaloChannel {
  const { config } = deps;
  const logger = deps.logger.child({ channel: "zalo" });
  const token = config.ZALO_BOT_TOKEN;
  if (!token) throw new AppError("config", "Zalo: ZALO_BOT_TOKEN is not set");
  const mode = config.ZALO_WEBHOOK_URL ? "webhook" : "polling";
  const secret = config.ZALO_WEBHOOK_SECRET;
  if (mode === "webhook" && !secret)
    throw new AppError(
      "config",
      "Zalo: ZALO_WEBHOOK_URL is set but ZALO_WEBHOOK_SECRET is not — set a secret of 8–256 characters",
    );

  const client = createZaloClient({ token, apiRoot: config.ZALO_API_ROOT, fetch: deps.fetch });
  const sender = createZaloSender({
    client,
    store: deps.store,
    reachability: deps.reachability,
    logger,
    intervalMs: config.ZALO_SEND_INTERVAL_MS,
    retries: config.ZALO_SEND_RETRIES,
    sleep: deps.sleep,
    now: deps.now,
  });
  const handler = createZaloHandler({
    assistant: deps.assistant,
    store: deps.store,
    reachability: deps.reachability,
    sender,
    client,
    logger,
    ...(deps.transcriber ? { transcriber: deps.transcriber } : {}),
  });
  let poller: ZaloPoller | undefined;
  let started = false;

  return {
    name: "zalo",
    mode,
    sender,
    client,
    idle: () => handler.idle(),
    registerRoutes(app: FastifyInstance) {
      if (mode === "webhook" && secret) registerZaloWebhook(app, { secret, handler, logger });
    },
    async start() {
      if (started) return;
      started = true;
      await checkToken(client, logger);
      if (mode !== "polling") return;
      poller = createZaloPoller({ client, handler, logger, timeoutSec: deps.pollTimeoutSec });
      await poller.start();
    },
    async stop() {
      if (poller) await poller.stop();
      await handler.idle();
    },
  };
}
