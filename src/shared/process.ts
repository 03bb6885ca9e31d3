import type { Logger } from "pino";
import { AppError, errorCode } from "./app-error.ts";

/** Prints one readable line for expected start-up failures (bad config, corrupt data), never a stack trace. */
export function exitWithReadableError(error: unknown): never {
  if (error instanceof AppError) {
    process.stderr.write(`hocvuso: ${error.message}\n`);
  } else {
    const code = (error as { code?: string })?.code;
    const detail =
      code === "ECONNREFUSED"
        ? "a service did not answer (is REDIS_URL right?)"
        : String((error as Error)?.message ?? error);
    process.stderr.write(`hocvuso: start-up failed: ${detail}\n`);
  }
  process.exit(1);
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits 0 (or 1 when stopping fails or takes too long). */
export function onShutdown(timeoutMs: number, logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, "shutdown timed out");
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop()
      .then(() => {
        logger.info("stopped cleanly");
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ code: errorCode(error) }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
