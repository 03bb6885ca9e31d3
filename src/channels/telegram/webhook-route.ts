import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Update } from "grammy/types";

export const TELEGRAM_WEBHOOK_PATH = "/webhook/telegram";
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookRouteDeps {
  secret: string;
  /** Handles one update after the request was acknowledged; never rejects. */
  accept(update: Update): void;
}

/** Compares two secrets in constant time (digests first, so lengths leak nothing either). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * POST /webhook/telegram: 401 without the right secret header, 400 for a body that is not an update,
 * otherwise 200 at once; the update is handled after the answer (Telegram gives up after a few seconds).
 */
export function registerTelegramWebhook(app: FastifyInstance, deps: WebhookRouteDeps): void {
  app.post(TELEGRAM_WEBHOOK_PATH, async (request, reply) => {
    const header = request.headers[SECRET_HEADER];
    const given = Array.isArray(header) ? header[0] : header;
    if (typeof given !== "string" || !sameSecret(given, deps.secret)) {
      return reply
        .code(401)
        .send({ error: { code: "unauthorized", message: "bad or missing secret token" } });
    }
    const body = request.body as { update_id?: unknown } | null;
    if (typeof body !== "object" || body === null || !Number.isSafeInteger(body.update_id)) {
      return reply.code(400).send({ error: { code: "bad-request", message: "not a Telegram update" } });
    }
    deps.accept(body as Update);
    return reply.code(200).send({ ok: true });
  });
}
