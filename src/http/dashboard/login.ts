import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { DashboardDeps } from "./deps.ts";
import { BASE, sendHtml } from "./layout.ts";
import { renderLoginPage } from "./login-page.ts";
import { clearedSessionCookie, sessionCookie, sessionOrganizer, sessionToken } from "./session.ts";

/** Login attempts allowed per client address and window. */
export const LOGIN_ATTEMPTS = 10;
const WINDOW_MS = 10 * 60_000;

/** The attempt counter of a client address (hashed: the store never holds the address itself). */
const attemptsKey = (ip: string) =>
  `dash-login:${createHash("sha256").update(ip).digest("base64url").slice(0, 22)}`;

/** Counts an attempt; false once the address has used up its window. */
async function allowAttempt(deps: DashboardDeps, ip: string): Promise<boolean> {
  const key = attemptsKey(ip);
  const count = await deps.store.incr(key);
  if (count === 1) await deps.store.expire(key, WINDOW_MS);
  return count <= LOGIN_ATTEMPTS;
}

/** GET/POST /quan-tri/dang-nhap (no session needed) and POST /quan-tri/dang-xuat. */
export function registerLogin(app: FastifyInstance, deps: DashboardDeps): void {
  app.get("/dang-nhap", async (request, reply) => {
    if (await sessionOrganizer(deps, request)) return reply.code(303).header("location", BASE).send();
    return sendHtml(reply, 200, renderLoginPage(deps.wardName));
  });

  app.post<{ Body: Record<string, string> | undefined }>("/dang-nhap", async (request, reply) => {
    if (!(await allowAttempt(deps, request.ip))) {
      request.log.warn({ event: "dashboard-login-limited" }, "dashboard login attempts limited");
      reply.header("retry-after", String(WINDOW_MS / 1000));
      return sendHtml(reply, 429, renderLoginPage(deps.wardName, "too-many"));
    }
    const typed = typeof request.body?.code === "string" ? request.body.code.slice(0, 40) : "";
    const session = await deps.access.redeem(typed);
    if (!session) return sendHtml(reply, 401, renderLoginPage(deps.wardName, "wrong-code"));
    if (!(await deps.organizerOf(session.personId))) {
      await deps.access.end(session.token);
      return sendHtml(reply, 403, renderLoginPage(deps.wardName, "not-organizer"));
    }
    return reply
      .code(303)
      .header("set-cookie", sessionCookie(session.token, deps.secureCookies))
      .header("location", BASE)
      .send();
  });

  app.post("/dang-xuat", async (request, reply) => {
    const token = sessionToken(request);
    if (token) await deps.access.end(token);
    return reply
      .code(303)
      .header("set-cookie", clearedSessionCookie(deps.secureCookies))
      .header("location", `${BASE}/dang-nhap`)
      .send();
  });
}
