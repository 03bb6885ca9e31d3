import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Assistant } from "../assistant/types.ts";
import type { Curriculum } from "../knowledge/types.ts";
import type { Certificates } from "../learning/certificates.ts";
import { type DashboardDeps, registerDashboard } from "./dashboard/routes.ts";
import { registerIpRateLimit } from "./ip-rate-limit.ts";
import { registerCertificatePage } from "./routes/certificate-page.ts";
import { registerChatApi } from "./routes/chat-api.ts";
import { type HealthReport, registerHealth } from "./routes/health.ts";
import { registerMetrics } from "./routes/metrics.ts";
import { type PushApiDeps, registerPushApi } from "./routes/push-api.ts";
import { registerWebChat } from "./routes/web-chat.ts";

export interface HttpServerDeps {
  assistant: Assistant;
  health: () => Promise<HealthReport>;
  logger: Logger;
  wardName: string;
  certificates: Certificates;
  curriculum: Curriculum;
  /** Base of public links; the certificate QR code points here. */
  publicUrl: string;
  /** Largest accepted request body; bigger ones get 413. */
  bodyLimitBytes?: number;
  /** The organizers' dashboard under /quan-tri; absent, those routes do not exist. */
  dashboard?: Omit<DashboardDeps, "wardName">;
  /** Bearer token of GET /metrics; absent, /metrics answers 404. */
  metricsToken?: string;
  /** Requests per minute per client IP on /api/ (0 or absent: no limit). */
  apiPerMinute?: number;
  /** Web Push opt-in of the chat (/api/push/…); absent, those routes do not exist. */
  push?: PushApiDeps;
  /** Behind reverse proxies: how many hops of X-Forwarded-For to trust, or the proxies' addresses. */
  trustProxy?: number | string[];
}

/**
 * X-Forwarded-For is trusted only as far as our own proxies: n hops (each proxy appends the address it saw,
 * so the client's own entries lie beyond them), or the listed proxy addresses; by default not at all.
 */
function trustProxyOption(
  trust: number | string[] | undefined,
): string[] | ((address: string, hop: number) => boolean) | false {
  if (Array.isArray(trust)) return trust;
  const hops = trust ?? 0;
  return hops > 0 ? (_address: string, hop: number) => hop < hops : false;
}

/** The one HTTP server: health, web chat page and API (webhooks are added by their channels). */
export function createHttpServer(deps: HttpServerDeps): FastifyInstance {
  const app: FastifyInstance = Fastify({
    // Request logs would carry URLs (webhook tokens live there on some platforms): warnings and errors only.
    loggerInstance: deps.logger.child({ component: "http" }, { level: "warn" }) as FastifyBaseLogger,
    bodyLimit: deps.bodyLimitBytes ?? 256 * 1024,
    return503OnClosing: true,
    trustProxy: trustProxyOption(deps.trustProxy),
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) deps.logger.error({ code: error.code ?? "internal" }, "request failed");
    const code =
      status === 413
        ? "too-large"
        : status === 400
          ? "bad-request"
          : status === 415
            ? "unsupported-type"
            : status === 500
              ? "internal"
              : "error";
    const message =
      status === 400
        ? "invalid JSON body"
        : status === 413
          ? "request body too large"
          : status === 500
            ? "internal error"
            : "request refused";
    return reply.code(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: "not-found", message: "not found" } }),
  );
  registerIpRateLimit(app, { perMinute: deps.apiPerMinute ?? 0, routes: ["/api/", "/chung-nhan/"] });
  registerHealth(app, deps.health);
  registerMetrics(app, deps.metricsToken);
  registerChatApi(app, deps.assistant);
  if (deps.push) registerPushApi(app, deps.push);
  registerWebChat(app, deps.wardName);
  registerCertificatePage(app, {
    certificates: deps.certificates,
    curriculum: deps.curriculum,
    wardName: deps.wardName,
    publicUrl: deps.publicUrl,
  });
  if (deps.dashboard) registerDashboard(app, { ...deps.dashboard, wardName: deps.wardName });
  return app;
}
