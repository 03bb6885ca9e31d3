import { organizerWords } from "../catalog/organizer.ts";
import type { Store } from "../storage/store.ts";

const KEY = "audit:log";
const ERASED = organizerWords.erasedPerson;

/** One recorded organizer act: role changes, class announcements, broadcasts, revocations. */
export interface AuditEntry {
  /** ISO time. */
  at: string;
  /** Person id of who did it. */
  actor: string;
  action:
    | "role-grant"
    | "role-revoke"
    | "class-create"
    | "broadcast"
    | "broadcast-cancel"
    | "certificate-revoke"
    | "question-log-on"
    | "question-log-off"
    | "contact-set";
  /** Person id, broadcast id, class id, certificate id or contact id the act was about. */
  target?: string;
  /** Scope of a role, or description of an audience. */
  detail?: string;
  /** How many people a broadcast or class announcement reaches. */
  audience?: number;
}

/** An append-only audit log in one storage list; erasure replaces a person's ids, the entries stay. */
export class AuditLog {
  constructor(private readonly store: Store) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.store.rpush(KEY, JSON.stringify(entry));
  }

  /** The most recent entries, newest last. */
  async recent(limit = 50): Promise<AuditEntry[]> {
    return (await this.store.lrange(KEY, -limit, -1)).map((raw) => JSON.parse(raw) as AuditEntry);
  }

  async involving(accounts: string[]): Promise<AuditEntry[]> {
    const all = (await this.store.lrange(KEY, 0, -1)).map((raw) => JSON.parse(raw) as AuditEntry);
    return all.filter((e) => accounts.includes(e.actor) || (e.target && accounts.includes(e.target)));
  }

  /** Replaces the person's ids in every entry (the list is rewritten in place, order kept). */
  async erase(accounts: string[]): Promise<void> {
    const raw = await this.store.lrange(KEY, 0, -1);
    let changed = false;
    const rewritten = raw.map((line) => {
      const entry = JSON.parse(line) as AuditEntry;
      if (accounts.includes(entry.actor)) {
        entry.actor = ERASED;
        changed = true;
      }
      if (entry.target && accounts.includes(entry.target)) {
        entry.target = ERASED;
        changed = true;
      }
      return JSON.stringify(entry);
    });
    if (!changed) return;
    await this.store.del(KEY);
    if (rewritten.length) await this.store.rpush(KEY, ...rewritten);
  }
}
