import type { FastifyInstance } from "fastify";
import { dashboardFrame, contactsText as T } from "../../catalog/dashboard.ts";
import type { Contact } from "../../knowledge/schema.ts";
import { CONTACT_MAX_CHARS } from "../../organizer/local-contacts.ts";
import { describeScope } from "../../organizer/roles.ts";
import { escapeHtml } from "../html.ts";
import type { DashboardDeps } from "./deps.ts";
import { BASE, renderPage, sendHtml } from "./layout.ts";
import { organizerOfRequest } from "./session.ts";

const HINT: Record<Contact["kind"], string> = T.placeholders;

/**
 * GET/POST /quan-tri/lien-he: ward-scope organizers fill in the local offices residents are sent to (address
 * and hours, a number the office published). Answers that name an office show what is filled in; every
 * change is audited. Other organizers see the values but cannot change them.
 */
export function registerContactsPage(app: FastifyInstance, deps: DashboardDeps): void {
  const now = deps.now ?? (() => new Date());
  app.get("/lien-he", async (request, reply) => {
    const organizer = organizerOfRequest(request);
    return sendHtml(
      reply,
      200,
      page(deps, describeScope(organizer.scope), await deps.contacts.list(), organizer.scope.ward),
    );
  });
  app.post<{ Body: Record<string, string> | undefined }>("/lien-he", async (request, reply) => {
    const organizer = organizerOfRequest(request);
    const scope = describeScope(organizer.scope);
    if (!organizer.scope.ward) {
      const error = T.notWardScope;
      return sendHtml(reply, 403, page(deps, scope, await deps.contacts.list(), false, { error }));
    }
    const body = request.body ?? {};
    const problems: string[] = [];
    for (const contact of await deps.contacts.list()) {
      const value = body[contact.id];
      if (typeof value !== "string") continue;
      const changed = await deps.contacts.set(organizer, contact.id, value, now());
      if (!changed.ok) problems.push(contact.name);
    }
    const list = await deps.contacts.list();
    if (problems.length)
      return sendHtml(
        reply,
        400,
        page(deps, scope, list, true, {
          error: T.notSaved(problems),
        }),
      );
    request.log.info({ event: "contacts-saved" }, "local contacts saved");
    return sendHtml(reply, 200, page(deps, scope, list, true, { saved: true }));
  });
}

function page(
  deps: DashboardDeps,
  scope: string,
  contacts: Contact[],
  editable: boolean,
  result: { saved?: boolean; error?: string } = {},
): string {
  const status = result.saved
    ? `<p class="ok" role="status">${T.saved}</p>`
    : result.error
      ? `<div class="error" role="alert">${escapeHtml(result.error)}</div>`
      : "";
  const rows = contacts
    .map(
      (c) =>
        `<label for="c-${c.id}">${escapeHtml(c.name)}</label>` +
        `<input type="text" id="c-${c.id}" name="${c.id}" value="${escapeHtml(c.value)}" maxlength="${CONTACT_MAX_CHARS}" placeholder="${escapeHtml(HINT[c.kind])}"${editable ? "" : " readonly"}>`,
    )
    .join("\n");
  const body = `<section aria-labelledby="contacts-h">
<h1 id="contacts-h">${T.heading}</h1>
${status}
<p class="hint">${T.hint}</p>
<form method="post" action="${BASE}/lien-he">
${rows}
${editable ? `<p><button type="submit">${T.save}</button></p>` : ""}
</form>
<p><a class="btn light" href="${BASE}">${dashboardFrame.backToDashboard}</a></p>
</section>`;
  return renderPage({
    title: T.pageTitle,
    wardName: deps.wardName,
    signedIn: { scope },
    body,
  });
}
