import type { FastifyReply, FastifyRequest } from "fastify";
import { SESSION_TTL_MS } from "../../organizer/dashboard-access.ts";
import type { Organizer } from "../../organizer/roles.ts";
import type { DashboardDeps } from "./deps.ts";
import { BASE, LOGIN_PATH } from "./layout.ts";

export const SESSION_COOKIE = "hvs_quantri";

/** The session token the browser sent, or null. */
export function sessionToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

const attributes = (secure: boolean) => `HttpOnly; SameSite=Strict; Path=${BASE}${secure ? "; Secure" : ""}`;

/** The Set-Cookie value that opens a session in the browser for as long as the store keeps it. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; ${attributes(secure)}; Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}`;
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; ${attributes(secure)}; Max-Age=0`;
}

/** The organizer of a live session, checked against the roles now (a revoked role ends access at once). */
export async function sessionOrganizer(
  deps: Pick<DashboardDeps, "access" | "organizerOf">,
  request: FastifyRequest,
): Promise<Organizer | null> {
  const token = sessionToken(request);
  if (!token) return null;
  const personId = await deps.access.personOf(token);
  if (!personId) return null;
  const organizer = await deps.organizerOf(personId);
  if (!organizer) await deps.access.end(token);
  return organizer;
}

const organizers = new WeakMap<FastifyRequest, Organizer>();

/**
 * An onRequest hook for every page and download behind the login: without a live session of a current
 * organizer, a 303 to the login page with an empty body (the request body is not even read).
 */
export function requireOrganizer(deps: DashboardDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const organizer = await sessionOrganizer(deps, request);
    if (organizer) {
      organizers.set(request, organizer);
      return;
    }
    if (sessionToken(request)) reply.header("set-cookie", clearedSessionCookie(deps.secureCookies));
    return reply.code(303).header("location", LOGIN_PATH).send();
  };
}

/** The organizer that `requireOrganizer` let through. */
export function organizerOfRequest(request: FastifyRequest): Organizer {
  const organizer = organizers.get(request);
  if (!organizer) throw new Error("dashboard route registered without requireOrganizer");
  return organizer;
}
