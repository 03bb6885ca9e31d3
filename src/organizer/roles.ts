import { organizerWords } from "../catalog/organizer.ts";
import type { Store } from "../storage/store.ts";
import type { Scope } from "./audience.ts";
import type { AuditLog } from "./audit.ts";

/** Someone allowed to use organizer commands. */
export interface Organizer {
  personId: string;
  /** Listed in ADMIN_IDS: may grant and revoke roles; always whole-ward scope. */
  admin: boolean;
  scope: Scope;
}

interface RoleRecord {
  scope: Scope;
  grantedBy: string;
  grantedAt: string;
  /**
   * The accounts the admin granted the role to (the person's accounts then). An account linked to the person
   * later does not carry the role until an admin grants it again. Absent on records from before this rule.
   */
  accounts?: string[];
}

const roleKey = (id: string) => `role:${id}`;
const ALL = "roles:all";

export function describeScope(scope: Scope): string {
  return scope.ward ? organizerWords.wholeWard : scope.tos.join(", ");
}

/** Admins (from ADMIN_IDS) and organizers (granted by an admin, stored per person). */
/** Told after a role is granted or revoked, e.g. to show or hide a channel's organizer menu. */
export type RoleListener = (ids: readonly string[], organizer: boolean) => Promise<void>;

export class Roles {
  private readonly listeners: RoleListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly adminIds: readonly string[],
    private readonly audit: AuditLog,
  ) {}

  onChange(listener: RoleListener): void {
    this.listeners.push(listener);
  }

  private async notify(ids: readonly string[], organizer: boolean): Promise<void> {
    for (const listener of this.listeners) await listener(ids, organizer).catch(() => {});
  }

  /**
   * The role of a person, checked by the person id and by every one of their accounts. With `acting` (the
   * account writing now), an organizer role counts only from an account it was granted to: a link code
   * guessed or handed over does not pass a role to a new account without an admin granting it again.
   */
  async of(personId: string, accounts: readonly string[], acting?: string): Promise<Organizer | null> {
    const ids = [...new Set([personId, ...accounts])];
    if ((acting ? [acting] : ids).some((id) => this.adminIds.includes(id)))
      return { personId, admin: true, scope: { ward: true } };
    for (const id of ids) {
      const raw = await this.store.get(roleKey(id));
      if (!raw) continue;
      const record = JSON.parse(raw) as RoleRecord;
      if (acting && record.accounts && !record.accounts.includes(acting)) return null;
      return { personId, admin: false, scope: record.scope };
    }
    return null;
  }

  /** Grants (or changes) the organizer role; only admins may. */
  async grant(
    actor: Organizer,
    targetPersonId: string,
    scope: Scope,
    now: Date,
    accounts: readonly string[] = [],
  ): Promise<boolean> {
    if (!actor.admin) return false;
    const record: RoleRecord = {
      scope,
      grantedBy: actor.personId,
      grantedAt: now.toISOString(),
      accounts: [...new Set([targetPersonId, ...accounts])],
    };
    await this.store.set(roleKey(targetPersonId), JSON.stringify(record));
    await this.store.sadd(ALL, targetPersonId);
    await this.audit.record({
      at: now.toISOString(),
      actor: actor.personId,
      action: "role-grant",
      target: targetPersonId,
      detail: describeScope(scope),
    });
    await this.notify([targetPersonId], true);
    return true;
  }

  /** Removes the organizer role of a person (by any of their ids); false when they had none. */
  async revoke(actor: Organizer, targetIds: readonly string[], now: Date): Promise<boolean> {
    if (!actor.admin) return false;
    let removed = 0;
    for (const id of targetIds) {
      removed += await this.store.del(roleKey(id));
      await this.store.srem(ALL, id);
    }
    if (!removed) return false;
    await this.audit.record({
      at: now.toISOString(),
      actor: actor.personId,
      action: "role-revoke",
      target: targetIds[0] ?? "",
    });
    await this.notify(targetIds, false);
    return true;
  }

  async list(): Promise<{ personId: string; scope: Scope }[]> {
    const out: { personId: string; scope: Scope }[] = [];
    for (const id of (await this.store.smembers(ALL)).sort()) {
      const raw = await this.store.get(roleKey(id));
      if (raw) out.push({ personId: id, scope: (JSON.parse(raw) as RoleRecord).scope });
    }
    return out;
  }

  async export(accounts: readonly string[]): Promise<RoleRecord[]> {
    const out: RoleRecord[] = [];
    for (const id of accounts) {
      const raw = await this.store.get(roleKey(id));
      if (raw) out.push(JSON.parse(raw) as RoleRecord);
    }
    return out;
  }

  async erase(accounts: readonly string[]): Promise<void> {
    for (const id of accounts) {
      await this.store.del(roleKey(id));
      await this.store.srem(ALL, id);
    }
  }
}
