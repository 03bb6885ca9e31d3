import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/** One call an instance made to a stand-in Bot API. */
export interface BotApiCall {
  api: "telegram" | "zalo";
  /** Which instance called: each instance is given its own API root (`…/telegram/i<n>`). */
  instance: number;
  method: string;
  body: Record<string, unknown>;
  at: number;
}

const GET_ME = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "fixtures", "telegram", "get-me.json"), "utf8"),
) as Record<string, unknown>;

/**
 * A loopback server standing in for both the Telegram Bot API and the Zalo Bot API, for several
 * instances at once: `rootFor(api, n)` is instance n's TELEGRAM_API_ROOT / ZALO_API_ROOT, so every
 * recorded call says which instance made it. Every method answers success (getMe: the fixture bot).
 */
export async function startBotApis() {
  const calls: BotApiCall[] = [];
  let messageId = 1000;
  const server = createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", () => {
      const match = /^\/(telegram|zalo)\/i(\d+)\/bot[^/]+\/(\w+)$/.exec(req.url ?? "");
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const api = match[1] as BotApiCall["api"];
      const method = match[3] as string;
      let body: Record<string, unknown> = {};
      try {
        body = data ? (JSON.parse(data) as Record<string, unknown>) : {};
      } catch {
        // grammY may send multipart for files; none here
      }
      calls.push({ api, instance: Number(match[2]), method, body, at: Date.now() });
      const result =
        api === "telegram" && method === "getMe"
          ? GET_ME
          : method === "sendMessage"
            ? api === "telegram"
              ? {
                  message_id: ++messageId,
                  date: Math.floor(Date.now() / 1000),
                  chat: { id: body.chat_id, type: "private" },
                  text: body.text,
                }
              : { message_id: `m${++messageId}` }
            : true;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    calls,
    rootFor: (api: BotApiCall["api"], instance: number) => `${base}/${api}/i${instance}`,
    /** sendMessage calls, with the chat they went to as a string. */
    sent: () =>
      calls
        .filter((c) => c.method === "sendMessage")
        .map((c) => ({ ...c, chat: String(c.body.chat_id), text: String(c.body.text ?? "") })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
