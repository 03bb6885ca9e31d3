import type { FastifyInstance } from "fastify";
import { FloodGuard } from "../shared/flood-guard.ts";
import { metrics } from "../shared/metrics.ts";

/**
 * Limits requests per client IP on paths under `prefix` (the web chat API): over `perMinute` answers 429
 * with Retry-After. Behind a reverse proxy, set TRUST_PROXY so the client's own address is used.
 */
export function registerIpRateLimit(
  app: FastifyInstance,
  options: { perMinute: number; prefix: string },
): void {
  if (options.perMinute <= 0) return;
  const guard = new FloodGuard(options.perMinute);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith(options.prefix)) return;
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
