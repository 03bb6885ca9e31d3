import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Assistant } from "../../assistant/types.ts";

const chatRequestSchema = z
  .object({
    sessionId: z
      .string({ error: "sessionId is required" })
      .regex(/^[A-Za-z0-9_-]{8,128}$/, "sessionId must be 8–128 letters, digits, - or _"),
    text: z.string().max(100_000).optional(),
    action: z.string().max(256).optional(),
  })
  .refine((body) => body.text !== undefined || body.action !== undefined, "give text or action");

/** POST /api/chat {sessionId, text?, action?} → {replies: [{text, options?}]}; bad input is a 400 JSON error. */
export function registerChatApi(app: FastifyInstance, assistant: Assistant): void {
  app.post("/api/chat", async (request, reply) => {
    const parsed = chatRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply
        .code(400)
        .send({ error: { code: "bad-request", message: parsed.error.issues[0]?.message ?? "invalid" } });
    }
    const { sessionId, text, action } = parsed.data;
    const replies = await assistant.handle({
      channel: "web",
      userId: sessionId,
      ...(text !== undefined ? { text } : {}),
      ...(action !== undefined ? { action } : {}),
    });
    return {
      replies: replies.map((r) => ({
        text: r.text,
        ...(r.options?.length ? { options: r.options } : {}),
        ...(r.link ? { link: r.link } : {}),
      })),
    };
  });
}
