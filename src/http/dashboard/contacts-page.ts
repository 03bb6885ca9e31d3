import type { FastifyInstance } from "fastify";
import type { Contact } from "../../knowledge/schema.ts";
import { CONTACT_MAX_CHARS } from "../../organizer/local-contacts.ts";
import { describeScope } from "../../organizer/roles.ts";
import { escapeHtml } from "../html.ts";
import type { DashboardDeps } from "./deps.ts";
import { BASE, renderPage, sendHtml } from "./layout.ts";
import { organizerOfRequest } from "./session.ts";

const HINT: Record<Contact["kind"], string> = {
  place: "Địa chỉ và giờ làm việc, ví dụ: Số 1 đường …, sáng 7h30–11h30",
  phone: "Số điện thoại do chính cơ quan công bố",
  url: "Địa chỉ trang, ví dụ: phuong….gov.vn",
};

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
      const message = "Chỉ người tổ chức phụ trách cả phường mới sửa được thông tin liên hệ.";
      return sendHtml(reply, 403, page(deps, scope, await deps.contacts.list(), false, { error: message }));
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
          error: `Chưa lưu được: ${problems.join(", ")}. Hãy kiểm tra lại cách ghi.`,
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
    ? `<p class="ok" role="status">Đã lưu. Từ giờ, câu trả lời nào chỉ người dân đến các nơi này sẽ kèm thông tin trên.</p>`
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
<h1 id="contacts-h">Thông tin liên hệ tại phường</h1>
${status}
<p class="hint">Khi trợ lý khuyên người dân đến một nơi dưới đây, nó kèm thông tin bạn ghi. Để trống thì trợ lý chỉ khuyên hỏi Tổ công nghệ số cộng đồng. Chỉ ghi thông tin chính cơ quan đã công bố.</p>
<form method="post" action="${BASE}/lien-he">
${rows}
${editable ? `<p><button type="submit">Lưu</button></p>` : ""}
</form>
<p><a class="btn light" href="${BASE}">Về bảng số liệu</a></p>
</section>`;
  return renderPage({
    title: "Thông tin liên hệ — Bình dân học vụ số",
    wardName: deps.wardName,
    signedIn: { scope },
    body,
  });
}
