import type { FastifyInstance } from "fastify";
import { FloodGuard } from "../shared/flood-guard.ts";
import { metrics } from "../shared/metrics.ts";

/**
 * Limits requests per client IP on the routes whose pattern starts with one of `routes` (the web chat API,
 * the certificate pages): over `perMinute` answers 429 with Retry-After. The route Fastify matched is
 * compared, never the raw URL, so "/%61pi/chat" counts as "/api/chat". Behind a reverse proxy, set
 * TRUST_PROXY to the number of proxies so the client's own address is used.
 */
export function registerIpRateLimit(
  app: FastifyInstance,
  options: { perMinute: number; routes: string[] },
): void {
  if (options.perMinute <= 0) return;
  const guard = new FloodGuard(options.perMinute);
  app.addHook("onRequest", async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route || !options.routes.some((prefix) => route.startsWith(prefix))) return;
    if (guard.check(request.ip) === "ok") return;
    metrics.floodLimited.inc({ kind: "ip" });
    return reply
      .code(429)
      .header("retry-after", "60")
      .send({
        error: {
          code: "rate-limited",
          message: "Bạn gửi nhanh quá, mình chưa kịp đọc hết. Bạn đợi khoảng một phút rồi gửi tiếp nhé.",
        },
      });
  });
}
