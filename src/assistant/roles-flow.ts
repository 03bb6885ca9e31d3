import { organizerMessages as om } from "../catalog/assistant-organizer.ts";
import { accountOf } from "../messaging/account.ts";
import type { Channel, Reply } from "../messaging/message.ts";
import { CHANNELS } from "../messaging/message.ts";
import { parseToList, type Scope } from "../organizer/audience.ts";
import { describeScope, type Organizer } from "../organizer/roles.ts";
import { foldForMatch } from "./input.ts";
import type { OrgScope } from "./organizer-context.ts";

function parseAccount(text: string): { channel: Channel; userId: string } | null {
  const match = /^([a-z]+(?:-[a-z]+)?):([\w-]{1,64})$/.exec(text.trim());
  if (!match || !(CHANNELS as readonly string[]).includes(match[1] ?? "")) return null;
  return { channel: match[1] as Channel, userId: match[2] as string };
}

function parseScope(text: string): Scope | null {
  const folded = foldForMatch(text);
  if (/^(ca )?phuong$|^ward$/.test(folded)) return { ward: true };
  const tos = parseToList(text.replace(/^\s*(to|tổ)\s*:\s*/iu, ""));
  return tos ? { ward: false, tos } : null;
}

/**
 * /phanquyen (admins only): `cap <kênh:mã> <phuong | to:5,7>` grants, `thuhoi <kênh:mã>` revokes,
 * no argument lists organizers.
 */
export async function rolesCommand(scope: OrgScope, admin: Organizer, args: string): Promise<Reply[]> {
  const [verb = "", accountText = "", ...rest] = args.split(/\s+/).filter(Boolean);
  const now = scope.ctx.now();
  const action = foldForMatch(verb);
  if (!action) {
    const lines = (await scope.org.roles.list()).map((r) => `• ${r.personId}: ${describeScope(r.scope)}`);
    return [{ text: `${om.rolesList(lines)}\n\n${om.rolesHelp}` }];
  }
  const account = parseAccount(accountText);
  if (!account || !["cap", "thuhoi", "thu hoi"].includes(action))
    return [{ text: `${om.badRoleSyntax}\n${om.rolesHelp}` }];
  const label = accountOf(account.channel, account.userId);
  const personId = await scope.ctx.identities.personOf(account.channel, account.userId);
  if (action === "cap") {
    const targetScope = parseScope(rest.join(" "));
    if (!targetScope) return [{ text: `${om.badRoleSyntax}\n${om.rolesHelp}` }];
    const accounts = await scope.ctx.identities.accountsOf(personId);
    await scope.org.roles.grant(admin, personId, targetScope, now, [label, ...accounts]);
    return [{ text: om.roleGranted(label, describeScope(targetScope)) }];
  }
  const ids = [...new Set([personId, label, ...(await scope.ctx.identities.accountsOf(personId))])];
  const revoked = await scope.org.roles.revoke(admin, ids, now);
  return [{ text: revoked ? om.roleRevoked(label) : om.roleNotFound(label) }];
}

/** /thuhoicn <mã> <lý do>: an organizer revokes a certificate of their scope. */
export async function revokeCertificateCommand(
  scope: OrgScope,
  organizer: Organizer,
  args: string,
): Promise<Reply[]> {
  const [id = "", ...reasonWords] = args.split(/\s+/).filter(Boolean);
  const reason = reasonWords.join(" ").slice(0, 200);
  if (!id || !reason) return [{ text: om.revokeCertHelp }];
  const certificate = await scope.ctx.certificates.get(id.toUpperCase());
  if (!certificate) return [{ text: om.certNotFound }];
  if (!organizer.scope.ward && !organizer.scope.tos.includes(certificate.to ?? ""))
    return [{ text: om.outOfScope(describeScope(organizer.scope)) }];
  const now = scope.ctx.now();
  await scope.ctx.certificates.revoke(certificate.id, reason, now);
  await scope.org.audit.record({
    at: now.toISOString(),
    actor: organizer.personId,
    action: "certificate-revoke",
    target: certificate.id,
  });
  return [{ text: om.certRevoked(certificate.id) }];
}
