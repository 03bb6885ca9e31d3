import type { DashboardAccess } from "../../organizer/dashboard-access.ts";
import type { LocalContacts } from "../../organizer/local-contacts.ts";
import type { Reports } from "../../organizer/reports/reports.ts";
import type { Organizer } from "../../organizer/roles.ts";
import type { Store } from "../../storage/store.ts";

/** What the organizers' web dashboard needs from the rest of the assistant. */
export interface DashboardDeps {
  /** Reports for a period and scope, and the population import. */
  reports: Pick<Reports, "produce" | "importPopulation">;
  /** One-time codes and sessions. */
  access: Pick<DashboardAccess, "redeem" | "personOf" | "end">;
  /** The person's organizer role now, or null: checked on every request. */
  organizerOf(personId: string): Promise<Organizer | null>;
  /** Login attempt counters (incr + expire), shared by every instance. */
  store: Pick<Store, "incr" | "expire">;
  /** The ward's local offices, filled in by ward-scope organizers. */
  contacts: Pick<LocalContacts, "list" | "set">;
  /** Shown in the page header. */
  wardName: string;
  /** Adds `Secure` to the session cookie (when the public address is https). */
  secureCookies: boolean;
  now?: () => Date;
}
