import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { configSchema } from "../../../src/config/schema.ts";
import { listenOnLoopback } from "../../helpers/loopback.ts";

export const TOKEN = "1234567890:zalo-test-token-abcdef";
export const SECRET = "webhook-secret-for-tests";

/** One recorded call to the stand-in Bot API. */
export interface RecordedCall {
  method: string;
  token: string;
  body: Record<string, unknown>;
}

/** A scripted answer: a JSON body (HTTP 200 unless `status`), or raw text, optionally after a delay. */
export type Scripted = { status?: number; json?: unknown; raw?: string; delayMs?: number };

/**
 * A local node:http server standing in for the Zalo Bot API: records every call and answers from a
 * per-method script, then `{ok: true, result: true}` (getUpdates: 408 "Request timeout" after a short wait).
 */
export async function startFakeBotApi() {
  const calls: RecordedCall[] = [];
  const scripts = new Map<string, Scripted[]>();
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", async () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
      const method = match?.[2] ?? "?";
      calls.push({ method, token: match?.[1] ?? "", body: data ? JSON.parse(data) : {} });
      const fallback: Scripted =
        method === "getUpdates"
          ? { delayMs: 50, json: { ok: false, error_code: 408, description: "Request timeout" } }
          : method === "getWebhookInfo"
            ? { json: { ok: true, result: { url: "", updated_at: 0 } } }
            : { json: { ok: true, result: method === "sendMessage" ? { message_id: "m1" } : true } };
      const next = scripts.get(method)?.shift() ?? fallback;
      if (next.delayMs) await new Promise((r) => setTimeout(r, next.delayMs));
      if (res.destroyed) return;
      res.writeHead(next.status ?? 200, { "content-type": next.raw ? "text/html" : "application/json" });
      res.end(next.raw ?? JSON.stringify(next.json));
    });
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    calls,
    /** Queues answers for a method, used in order before the default. */
    script(method: string, ...answers: Scripted[]) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...answers]);
    },
    sent: () =>
      calls.filter((c) => c.method === "sendMessage").map((c) => c.body as { chat_id: string; text: string }),
  };
}

export function zaloConfig(apiRoot: string, overrides: Record<string, string | undefined> = {}) {
  return configSchema.parse({
    NODE_ENV: "test",
    ZALO_BOT_TOKEN: TOKEN,
    ZALO_API_ROOT: apiRoot,
    ZALO_WEBHOOK_URL: "https://hocvuso.example.vn/webhook/zalo",
    ZALO_WEBHOOK_SECRET: SECRET,
    ZALO_SEND_INTERVAL_MS: "0",
    ZALO_SEND_RETRIES: "3",
    ...overrides,
  });
}

export function fixture(name: string): Record<string, unknown> {
  const path = join(import.meta.dirname, "..", "..", "fixtures", "zalo", `${name}.json`);
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/** A text message update in the documented envelope, for turns typed by a test. */
export function textUpdate(text: string, messageId: string, userId = "user-zalo-1") {
  return {
    ok: true,
    result: {
      event_name: "message.text.received",
      message: {
        from: { id: userId, display_name: "Người học" },
        chat: { id: userId, chat_type: "PRIVATE" },
        text,
        message_id: messageId,
        date: 1750316131602,
      },
    },
  };
}
