/**
 * Composition root: config → logger → core (storage, curriculum, retrieval, tutor, assistant)
 * → HTTP server (health, web chat, API) → graceful shutdown. Channels with tokens join here.
 */
import { loadConfig } from "./config/load-config.ts";
import { createCore, WARD_NAME } from "./core.ts";
import { createHttpServer } from "./http/server.ts";
import { createLogger } from "./shared/logger.ts";
import { exitWithReadableError, onShutdown } from "./shared/process.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const core = await createCore(config, logger);

  const http = createHttpServer({
    assistant: core.assistant,
    logger,
    wardName: WARD_NAME,
    health: async () => {
      const started = performance.now();
      try {
        await core.store.ping();
        return { status: "ok", store: core.storeKind, storeMs: Math.round(performance.now() - started) };
      } catch {
        return { status: "degraded", store: core.storeKind, storeError: "unreachable" };
      }
    },
  });
  await http.listen({ port: config.PORT, host: config.HOST });
  logger.info({ port: config.PORT, store: core.storeKind }, "assistant ready");

  onShutdown(config.SHUTDOWN_TIMEOUT_MS, logger, async () => {
    await http.close(); // stops accepting, waits for in-flight turns
    await core.store.close(); // flushes everything acknowledged
  });
}

main().catch(exitWithReadableError);
