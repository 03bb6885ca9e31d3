import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import type { Config } from "../../config/schema.ts";
import type { Reachability } from "../../learning/reachability.ts";
import { AppError } from "../../shared/app-error.ts";
import type { Store } from "../../storage/store.ts";
import type { ChannelRuntime } from "../channel.ts";
import { createZaloClient, type ZaloClient } from "./client.ts";
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
}

export interface ZaloChannel extends ChannelRuntime {
  readonly sender: ZaloSender;
  readonly client: ZaloClient;
  /** Resolves when every update received so far has been handled (webhook handling runs after the 200). */
  idle(): Promise<void>;
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
  });
  let poller: ZaloPoller | undefined;

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
      if (mode !== "polling" || poller) return;
      poller = createZaloPoller({ client, handler, logger, timeoutSec: deps.pollTimeoutSec });
      await poller.start();
    },
    async stop() {
      if (poller) await poller.stop();
      await handler.idle();
    },
  };
}
