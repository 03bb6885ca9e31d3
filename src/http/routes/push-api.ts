import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { PushOptIn } from "../../learning/push-opt-in.ts";

/** Push services of the browsers residents use; the server POSTs only there (no request to an address a client chose). */
const PUSH_HOSTS = [
  /^fcm\.googleapis\.com$/,
  /^updates\.push\.services\.mozilla\.com$/,
  /^[a-z0-9-]+\.push\.services\.mozilla\.com$/,
  /^[a-z0-9-]+\.notify\.windows\.com$/,
  /^web\.push\.apple\.com$/,
  /^[a-z0-9-]+\.push\.apple\.com$/,
];

const sessionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, "sessionId must be 8–128 letters, digits, - or _");
const base64url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, "keys are base64url");

export const subscribeSchema = z.object({
  sessionId,
  subscription: z.object({
    endpoint: z
      .string()
      .max(1024)
      .refine((value) => {
        try {
          const url = new URL(value);
          return url.protocol === "https:" && !url.port && PUSH_HOSTS.some((host) => host.test(url.hostname));
        } catch {
          return false;
        }
      }, "endpoint must be a known browser push service"),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: base64url.min(80).max(100), auth: base64url.min(16).max(32) }),
  }),
});
const sessionSchema = z.object({ sessionId });

export interface PushApiDeps {
  optIn: PushOptIn;
  /** The VAPID public key browsers subscribe with. */
  publicKey: () => Promise<string>;
}

const badRequest = (message: string) => ({ error: { code: "bad-request", message } });

/**
 * Web Push opt-in for the chat: GET /api/push/key → {publicKey}; POST /api/push/subscribe {sessionId,
 * subscription} (403 until the learner agreed to have their learning stored); POST /api/push/unsubscribe
 * {sessionId}; POST /api/push/status {sessionId} → {subscribed}.
 */
export function registerPushApi(app: FastifyInstance, deps: PushApiDeps): void {
  app.get("/api/push/key", async () => ({ publicKey: await deps.publicKey() }));
  app.post("/api/push/subscribe", async (request, reply) => {
    const parsed = subscribeSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send(badRequest(parsed.error.issues[0]?.message ?? "invalid"));
    const { sessionId: id, subscription } = parsed.data;
    const result = await deps.optIn.subscribe(id, {
      endpoint: subscription.endpoint,
      keys: subscription.keys,
    });
    if (result === "no-consent")
      return reply.code(403).send({ error: { code: "no-consent", message: "agree in the chat first" } });
    return { subscribed: true };
  });
  app.post("/api/push/unsubscribe", async (request, reply) => {
    const parsed = sessionSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send(badRequest(parsed.error.issues[0]?.message ?? "invalid"));
    await deps.optIn.unsubscribe(parsed.data.sessionId);
    return { subscribed: false };
  });
  app.post("/api/push/status", async (request, reply) => {
    const parsed = sessionSchema.safeParse(request.body);
    if (!parsed.success)
      return reply.code(400).send(badRequest(parsed.error.issues[0]?.message ?? "invalid"));
    return { subscribed: await deps.optIn.subscribed(parsed.data.sessionId) };
  });
}
