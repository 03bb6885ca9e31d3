import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { ZaloHandler } from "./handler.ts";
import { parseZaloUpdate } from "./types.ts";

export const ZALO_WEBHOOK_PATH = "/webhook/zalo";
export const ZALO_SECRET_HEADER = "x-bot-api-secret-token";

/** Constant-time comparison: both sides are hashed first, so lengths never leak or throw. */
export function secretMatches(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || !given) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * POST /webhook/zalo: the secret header is checked before the body is read (401, nothing processed),
 * malformed bodies get 400; unknown events, events without a message and withheld (unsupported) messages
 * 200; everything is acknowledged at once and handled after.
 */
export function registerZaloWebhook(
  app: FastifyInstance,
  deps: { secret: string; handler: ZaloHandler; logger: Logger },
): void {
  app.post(ZALO_WEBHOOK_PATH, {
    onRequest: async (request, reply) => {
      if (!secretMatches(request.headers[ZALO_SECRET_HEADER], deps.secret)) {
        deps.logger.warn("zalo webhook refused: bad secret");
        return reply.code(401).send({ error: { code: "unauthorized", message: "bad secret token" } });
      }
    },
    handler: async (request, reply) => {
      const update = parseZaloUpdate(request.body);
      if (!update) {
        deps.logger.warn("zalo webhook: unreadable update");
        return reply.code(400).send({ error: { code: "bad-request", message: "not a Zalo update" } });
      }
      deps.handler.dispatch(update);
      return reply.code(200).send({ ok: true });
    },
  });
}
