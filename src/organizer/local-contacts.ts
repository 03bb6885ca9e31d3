import type { Contact } from "../knowledge/schema.ts";
import type { Store } from "../storage/store.ts";
import type { AuditLog } from "./audit.ts";
import type { Organizer } from "./roles.ts";

const KEY = "ward-contacts";
export const CONTACT_MAX_CHARS = 200;

export type ContactChange = { ok: true } | { ok: false; reason: "not-ward" | "unknown" | "invalid" };

/**
 * The ward's local offices (ward.yaml) with the values organizers have filled in since, kept in the store so
 * every instance answers with them. Only a ward-scope organizer changes them, and each change is audited.
 */
export class LocalContacts {
  constructor(
    private readonly store: Store,
    private readonly defaults: readonly Contact[],
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<Contact[]> {
    const filled = await this.store.hgetall(KEY);
    return this.defaults.map((c) => (Object.hasOwn(filled, c.id) ? { ...c, value: filled[c.id] ?? "" } : c));
  }

  async set(actor: Organizer, id: string, value: string, now: Date): Promise<ContactChange> {
    if (!actor.scope.ward) return { ok: false, reason: "not-ward" };
    const contact = this.defaults.find((c) => c.id === id);
    if (!contact) return { ok: false, reason: "unknown" };
    const clean = value.normalize("NFC").replace(/\s+/g, " ").trim();
    if (!validValue(contact.kind, clean)) return { ok: false, reason: "invalid" };
    if ((await this.store.hget(KEY, id)) === clean) return { ok: true };
    await this.store.hset(KEY, { [id]: clean });
    await this.audit.record({
      at: now.toISOString(),
      actor: actor.personId,
      action: "contact-set",
      target: id,
      detail: clean,
    });
    return { ok: true };
  }
}

/** Empty clears; a place is plain text; a phone is digits (spaces, dots, + allowed); a web address has a dot and no spaces. */
function validValue(kind: Contact["kind"], value: string): boolean {
  if (!value) return true;
  if (value.length > CONTACT_MAX_CHARS || /[\p{Cc}<>]/u.test(value)) return false;
  if (kind === "phone") return /^\+?[\d .]{3,20}$/.test(value);
  if (kind === "url") return /^(https:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value);
  return true;
}
