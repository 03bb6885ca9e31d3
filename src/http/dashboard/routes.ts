import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { dashboardErrors, dashboardFrame, type MessageText } from "../../catalog/dashboard.ts";
import { registerContactsPage } from "./contacts-page.ts";
import type { DashboardDeps } from "./deps.ts";
import { BASE, DASHBOARD_CSP, messagePage, sendHtml } from "./layout.ts";
import { registerLogin } from "./login.ts";
import { registerPopulationUpload } from "./population-upload.ts";
import { registerReportRoutes } from "./report-routes.ts";
import { requireOrganizer } from "./session.ts";

export type { DashboardDeps } from "./deps.ts";

/** Small forms only (the login code); the population upload raises its own route limit. */
const FORM_LIMIT = 16 * 1024;

/**
 * The organizers' web dashboard under /quan-tri: login with a one-time code from the bot, then the report
 * of the organizer's scope as a page, CSV and Excel, and the population import. Every response is
 * uncacheable and carries a strict CSP; every route but the login needs a live session of a current organizer.
 */
export function registerDashboard(app: FastifyInstance, deps: DashboardDeps): void {
  app.register(
    async (dash) => {
      dash.addContentTypeParser(
        "application/x-www-form-urlencoded",
        { parseAs: "string", bodyLimit: FORM_LIMIT },
        (_request, body, done) => {
          done(null, Object.fromEntries(new URLSearchParams(String(body))));
        },
      );
      dash.addHook("onRequest", refuseForeignPosts(deps.wardName));
      dash.addHook("onSend", async (_request, reply, payload) => {
        reply
          .header("cache-control", "no-store")
          .header("content-security-policy", DASHBOARD_CSP)
          .header("x-content-type-options", "nosniff")
          .header("referrer-policy", "no-referrer")
          .header("x-frame-options", "DENY")
          .header("x-robots-tag", "noindex, nofollow");
        return payload;
      });
      dash.setErrorHandler(errorHandler(deps.wardName));
      dash.setNotFoundHandler((_request, reply) =>
        sendHtml(reply, 404, errorPage(deps.wardName, dashboardErrors.notFound)),
      );
      registerLogin(dash, deps);
      await dash.register(async (guarded) => {
        guarded.addHook("onRequest", requireOrganizer(deps));
        registerReportRoutes(guarded, deps);
        registerPopulationUpload(guarded, deps);
        registerContactsPage(guarded, deps);
      });
    },
    { prefix: BASE },
  );
}

/** A framework error as a page: 413 too large, other 4xx a bad request, anything else "try later" (logged). */
function errorHandler(wardName: string) {
  return (error: { statusCode?: number; code?: string }, request: FastifyRequest, reply: FastifyReply) => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ code: error.code ?? "internal" }, "dashboard request failed");
    const text =
      status === 413
        ? dashboardErrors.tooLarge
        : status < 500
          ? dashboardErrors.badRequest
          : dashboardErrors.unavailable;
    return sendHtml(reply, status, errorPage(wardName, text));
  };
}

/**
 * Dashboard POSTs come from the dashboard's own forms only: a browser request from another site (its Origin
 * or Sec-Fetch-Site says so) is refused with 403 before the session is even read, and a body must be the
 * form encoding (JSON or anything else: 415). SameSite=Strict cookies stay the first line of defence.
 */
function refuseForeignPosts(wardName: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== "POST") return;
    const origin = request.headers.origin;
    const site = request.headers["sec-fetch-site"];
    // Sec-Fetch-Site is the browser's own verdict; without it, Origin must name this host ("null" does not).
    const foreign =
      site !== undefined
        ? site !== "same-origin" && site !== "none"
        : origin !== undefined && hostOf(origin) !== request.headers.host;
    if (foreign) return sendHtml(reply, 403, errorPage(wardName, dashboardErrors.foreignPost));
    const type = String(request.headers["content-type"] ?? "")
      .split(";")[0]
      ?.trim()
      .toLowerCase();
    const hasBody =
      Number(request.headers["content-length"] ?? 0) > 0 || request.headers["transfer-encoding"];
    if (hasBody && type !== "application/x-www-form-urlencoded")
      return sendHtml(reply, 415, errorPage(wardName, dashboardErrors.notAForm));
  };
}

/** An error page with the way back to the report. */
function errorPage(wardName: string, text: MessageText): string {
  return messagePage(wardName, text.title, text.message, {
    href: BASE,
    label: dashboardFrame.backToDashboard,
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
