import { Certificates } from "../../src/learning/certificates.ts";
import { LearnerStore } from "../../src/learning/learner-store.ts";
import { AuditLog } from "../../src/organizer/audit.ts";
import { Outbox } from "../../src/organizer/outbox.ts";
import { Roles } from "../../src/organizer/roles.ts";
import type { Store } from "../../src/storage/store.ts";

/**
 * What a hostile turn must not leave behind, read through the owners: a stored organizer role (anyone's),
 * a certificate for the person, a broadcast (anyone's). The person must be a learner the turns reached, so
 * that a mistyped id cannot make the check pass on its own.
 */
export async function grantsAfterTurns(store: Store, personId: string) {
  if (!(await new LearnerStore(store).get(personId)))
    throw new Error(`no learner ${personId}: the check would pass for a wrong id`);
  return {
    roles: await new Roles(store, [], new AuditLog(store)).list(),
    certificate: await new Certificates(store, "read-only").ofPerson(personId),
    broadcasts: await new Outbox(store).ids(),
  };
}

export const NOTHING_GRANTED = { roles: [], certificate: null, broadcasts: [] };
