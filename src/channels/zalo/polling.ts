import type { Logger } from "pino";
import { TOKEN_REFUSED_MESSAGE, WEBHOOK_SET_MESSAGE } from "../../catalog/zalo.ts";
import { AppError } from "../../shared/app-error.ts";
import { isTokenError, ZaloApiError, type ZaloClient, type ZaloWebhookInfo } from "./client.ts";
import type { ZaloHandler } from "./handler.ts";
import { parseZaloUpdate } from "./types.ts";

export interface ZaloPollerDeps {
  client: ZaloClient;
  handler: ZaloHandler;
  logger: Logger;
  /** Long-poll wait of one getUpdates call, in seconds. Default 30. */
  timeoutSec?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ZaloPoller {
  /** Checks no webhook is set, then polls in the background; rejects with WEBHOOK_SET_MESSAGE when one is. */
  start(): Promise<void>;
  /** Ends the loop (aborting the call in flight) and resolves when it has ended. */
  stop(): Promise<void>;
  /** Resolves when the loop ends; rejects when it ended because a webhook was set meanwhile. */
  readonly done: Promise<void>;
}

/**
 * The docs say getUpdates "does not work" while a webhook is set, without naming the error. A refusal
 * (400 or 404) is therefore checked against getWebhookInfo before the loop gives up.
 */
const mayBeWebhookConflict = (error: unknown) =>
  error instanceof ZaloApiError &&
  error.kind === "platform" &&
  (error.errorCode === 400 || error.errorCode === 404);

/** Zalo answers an empty long poll with 408 "Request timeout": that is no update, not an error. */
const isEmptyPoll = (error: unknown) =>
  error instanceof ZaloApiError && error.kind === "platform" && error.errorCode === 408;

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

const webhookIsSet = (client: ZaloClient) =>
  client.getWebhookInfo().then(
    (info) => typeof info.url === "string" && info.url.trim() !== "",
    () => false,
  );

/**
 * Long-polls getUpdates and dispatches each update until `signal` aborts; network and server failures back
 * off (1 s doubling to 30 s). Rejects, logged, when the token is refused or a webhook was set meanwhile.
 */
async function pollUntilStopped(
  deps: ZaloPollerDeps,
  signal: AbortSignal,
  sleep: NonNullable<ZaloPollerDeps["sleep"]>,
): Promise<void> {
  const { client, logger } = deps;
  const timeoutSec = deps.timeoutSec ?? 30;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const result = await client.getUpdates({ timeout: timeoutSec }, signal);
      failures = 0;
      if (result === null) continue;
      const update = parseZaloUpdate(result);
      if (update) deps.handler.dispatch(update);
      else logger.warn("zalo polling: unreadable update skipped");
    } catch (error) {
      if (signal.aborted) break;
      if (isEmptyPoll(error)) {
        failures = 0;
        continue;
      }
      if (isTokenError(error)) {
        logger.error({ code: "zalo-token" }, TOKEN_REFUSED_MESSAGE);
        throw new AppError("zalo-token", TOKEN_REFUSED_MESSAGE, { cause: error });
      }
      if (mayBeWebhookConflict(error) && (await webhookIsSet(client))) {
        logger.error({ code: "zalo-webhook-set" }, WEBHOOK_SET_MESSAGE);
        throw new AppError("zalo-webhook-set", WEBHOOK_SET_MESSAGE, { cause: error });
      }
      failures++;
      const code = error instanceof ZaloApiError ? error.code : "unknown";
      const delay = Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5));
      logger.warn({ code, retryInMs: delay }, "zalo polling failed");
      await sleep(delay, signal);
    }
  }
}

export function createZaloPoller(deps: ZaloPollerDeps): ZaloPoller {
  const { client, logger } = deps;
  const sleep = deps.sleep ?? abortableSleep;
  const controller = new AbortController();
  let resolveDone: () => void = () => {};
  let rejectDone: (error: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  done.catch(() => {}); // the loop logs the reason; callers may still await `done`
  let started = false;

  return {
    done,
    async start() {
      if (started) return;
      started = true;
      const info = await client.getWebhookInfo().catch((error: unknown) => {
        if (isTokenError(error)) throw new AppError("zalo-token", TOKEN_REFUSED_MESSAGE);
        // Zalo unreachable right now: the loop below retries with backoff.
        logger.warn(
          { code: error instanceof ZaloApiError ? error.code : "unknown" },
          "zalo webhook check failed",
        );
        return {} as ZaloWebhookInfo;
      });
      if (typeof info.url === "string" && info.url.trim()) {
        logger.error({ code: "zalo-webhook-set" }, WEBHOOK_SET_MESSAGE);
        throw new AppError("zalo-webhook-set", WEBHOOK_SET_MESSAGE);
      }
      pollUntilStopped(deps, controller.signal, sleep).then(resolveDone, rejectDone);
      logger.info("zalo polling started");
    },
    async stop() {
      controller.abort();
      if (started) await done.catch(() => {});
      await deps.handler.idle();
    },
  };
}
