import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { escapeHtml } from "../html.ts";

const PUBLIC_DIR = join(import.meta.dirname, "..", "..", "channels", "web", "public");
const FILES: Record<string, string> = {
  "/": "index.html",
  "/chat.js": "chat.js",
  "/chat.css": "chat.css",
};
const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};

/** Serves the web chat page and its two assets from memory (no CDN, no build step). */
export function registerWebChat(app: FastifyInstance, wardName: string): void {
  for (const [route, file] of Object.entries(FILES)) {
    const raw = readFileSync(join(PUBLIC_DIR, file), "utf8");
    const body = file.endsWith(".html") ? raw.replaceAll("{{WARD_NAME}}", escapeHtml(wardName)) : raw;
    const type = TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream";
    app.get(route, async (_request, reply) =>
      reply
        .header("content-type", type)
        .header("cache-control", "no-cache")
        .header("x-content-type-options", "nosniff")
        .header(
          "content-security-policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
        )
        .send(body),
    );
  }
}
