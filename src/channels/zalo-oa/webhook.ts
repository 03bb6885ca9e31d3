import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { ZaloOaHandler } from "./handler.ts";
import { signatureMatches, ZALO_OA_SIGNATURE_HEADER } from "./signature.ts";
import { parseZaloOaEvent } from "./types.ts";

export const ZALO_OA_WEBHOOK_PATH = "/webhook/zalo-oa";

/**
 * POST /webhook/zalo-oa. The body is kept as the raw text Zalo signed; the signature is checked against
 * it before the event is read or anything stored (a bad or missing one: 401, nothing processed). A verified event
 * is acknowledged at once and handled after, as Zalo expects a quick 200.
 */
export function registerZaloOaWebhook(
  app: FastifyInstance,
  deps: { appId: string; oaSecretKey: string; handler: ZaloOaHandler; logger: Logger; now?: () => Date },
): void {
  const now = deps.now ?? (() => new Date());
  app.register(async (scope) => {
    // In this scope only: every body is read as text, so the exact signed bytes are what we verify.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
    scope.post(ZALO_OA_WEBHOOK_PATH, async (request, reply) => {
      const raw = typeof request.body === "string" ? request.body : "";
      const secrets = { appId: deps.appId, oaSecretKey: deps.oaSecretKey };
      if (!signatureMatches(request.headers[ZALO_OA_SIGNATURE_HEADER], raw, secrets)) {
        deps.logger.warn("zalo-oa webhook refused: bad or missing signature");
        return reply.code(401).send({ error: { code: "unauthorized", message: "bad signature" } });
      }
      const event = parseZaloOaEvent(JSON.parse(raw), now());
      if (!event) return reply.code(400).send({ error: { code: "bad-request", message: "not an OA event" } });
      deps.handler.dispatch(event);
      return reply.code(200).send({ ok: true });
    });
  });
}
