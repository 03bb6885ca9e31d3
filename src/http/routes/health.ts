import type { FastifyInstance } from "fastify";

export interface HealthReport {
  status: "ok" | "degraded";
  [detail: string]: unknown;
}

/** GET /healthz → 200 {"status":"ok", …}, or 503 with status "degraded" when a dependency fails. */
export function registerHealth(app: FastifyInstance, check: () => Promise<HealthReport>): void {
  app.get("/healthz", async (_request, reply) => {
    const report = await check();
    return reply.code(report.status === "ok" ? 200 : 503).send(report);
  });
}
