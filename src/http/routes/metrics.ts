import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { registry } from "../../shared/metrics.ts";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /metrics in Prometheus text format, for `Authorization: Bearer <METRICS_TOKEN>` only; 404 when no token is set. */
export function registerMetrics(app: FastifyInstance, token: string | undefined): void {
  app.get("/metrics", async (request, reply) => {
    if (!token) return reply.code(404).send({ error: { code: "not-found", message: "not found" } });
    const header = request.headers.authorization ?? "";
    const given = header.startsWith("Bearer ") ? header.slice(7) : "";
    if (!sameToken(given, token))
      return reply
        .code(401)
        .header("www-authenticate", "Bearer")
        .send({ error: { code: "unauthorized", message: "a valid bearer token is required" } });
    return reply
      .header("content-type", registry.contentType)
      .header("cache-control", "no-store")
      .send(await registry.metrics());
  });
}
