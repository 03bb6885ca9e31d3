import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { FastifyInstance } from "fastify";
import { escapeHtml } from "../html.ts";

const PUBLIC_DIR = join(import.meta.dirname, "..", "..", "channels", "web", "public");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

/** The files of public/ by the path they are served at: index.html at "/", the others by their own name. */
function publicFiles(): Map<string, string> {
  const routes = new Map<string, string>();
  for (const file of readdirSync(PUBLIC_DIR).sort()) {
    if (!TYPES[extname(file)]) continue;
    routes.set(file === "index.html" ? "/" : `/${file}`, file);
  }
  return routes;
}

/**
 * Serves the web chat from memory: the page, its ES modules and stylesheet, the service worker, the web app
 * manifest and icons (no CDN, no build step, no external request). Everything is revalidated on each load
 * (no-cache); the service worker keeps a copy for when the network is gone.
 */
export function registerWebChat(app: FastifyInstance, wardName: string): void {
  for (const [route, file] of publicFiles()) {
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const raw = readFileSync(join(PUBLIC_DIR, file));
    const body =
      file === "index.html" ? raw.toString("utf8").replaceAll("{{WARD_NAME}}", escapeHtml(wardName)) : raw;
    app.get(route, async (_request, reply) =>
      reply
        .header("content-type", type)
        .header("cache-control", "no-cache")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", CSP)
        .send(body),
    );
  }
}
