import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Assistant } from "../../assistant/types.ts";
import type { Config } from "../../config/schema.ts";
import { ConsultationWindow } from "../../learning/consultation-window.ts";
import type { Reachability } from "../../learning/reachability.ts";
import { AppError, errorCode } from "../../shared/app-error.ts";
import type { Store } from "../../storage/store.ts";
import type { ChannelRuntime } from "../channel.ts";
import { createZaloOaClient } from "./client.ts";
import { createZaloOaHandler } from "./handler.ts";
import { createZaloOaTokens, type ZaloOaTokens } from "./oauth.ts";
import { createZaloOaSender, type ZaloOaSender } from "./sender.ts";
import { registerZaloOaWebhook } from "./webhook.ts";

export interface ZaloOaChannelDeps {
  config: Config;
  assistant: Assistant;
  store: Store;
  logger: Logger;
  reachability: Reachability;
  /** For tests: pacing and backoff waits, the clock, the HTTP client. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  fetch?: typeof fetch;
  /** How often the token is checked and refreshed ahead of expiry. Default 10 minutes. */
  tokenCheckMs?: number;
}

export interface ZaloOaChannel extends ChannelRuntime {
  readonly sender: ZaloOaSender;
  readonly tokens: ZaloOaTokens;
  /** Resolves when every event received so far has been handled (handling runs after the 200). */
  idle(): Promise<void>;
}

const fetchOf = (deps: ZaloOaChannelDeps) => (deps.fetch ? { fetch: deps.fetch } : {});

/** The OA's four credentials, all required. */
function oaCredentials(config: ZaloOaChannelDeps["config"]) {
  const appId = config.ZALO_OA_APP_ID;
  const appSecret = config.ZALO_OA_APP_SECRET;
  const oaSecretKey = config.ZALO_OA_SECRET_KEY;
  const refreshToken = config.ZALO_OA_REFRESH_TOKEN;
  if (!appId || !appSecret || !oaSecretKey || !refreshToken)
    throw new AppError(
      "config",
      "Zalo OA: ZALO_OA_APP_ID, ZALO_OA_APP_SECRET, ZALO_OA_SECRET_KEY and ZALO_OA_REFRESH_TOKEN are all needed",
    );
  return { appId, appSecret, oaSecretKey, refreshToken };
}

/**
 * The ward's Zalo Official Account: webhook only (Zalo has no polling for OAs). Throws AppError when one of
 * ZALO_OA_APP_ID, ZALO_OA_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_OA_REFRESH_TOKEN is missing.
 */
export function createZaloOaChannel(deps: ZaloOaChannelDeps): ZaloOaChannel {
  const { config, store } = deps;
  const logger = deps.logger.child({ channel: "zalo-oa" });
  const { appId, appSecret, oaSecretKey, refreshToken } = oaCredentials(config);
  const now = deps.now ?? Date.now;
  const tokens = createZaloOaTokens({
    store,
    appId,
    appSecret,
    seedRefreshToken: refreshToken,
    oauthRoot: config.ZALO_OA_OAUTH_ROOT,
    now,
    ...fetchOf(deps),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  const client = createZaloOaClient({ apiRoot: config.ZALO_OA_API_ROOT, tokens, ...fetchOf(deps) });
  const window = new ConsultationWindow(store);
  const sender = createZaloOaSender({
    client,
    store,
    reachability: deps.reachability,
    window,
    logger,
    now,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  const { assistant, reachability } = deps;
  const handler = createZaloOaHandler({ assistant, store, reachability, window, sender, logger });
  let timer: NodeJS.Timeout | undefined;

  /** Refreshes ahead of expiry (and so keeps the single-use refresh token moving); failures are logged. */
  const checkToken = () =>
    tokens.accessToken().then(
      () => undefined,
      (error: unknown) => logger.error({ code: errorCode(error) }, "zalo-oa token refresh failed"),
    );

  return {
    name: "zalo-oa",
    mode: "webhook",
    sender,
    tokens,
    idle: () => handler.idle(),
    registerRoutes(app: FastifyInstance) {
      registerZaloOaWebhook(app, { appId, oaSecretKey, handler, logger, now: () => new Date(now()) });
    },
    async start() {
      await checkToken();
      timer ??= setInterval(checkToken, deps.tokenCheckMs ?? 10 * 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await handler.idle();
    },
  };
}
