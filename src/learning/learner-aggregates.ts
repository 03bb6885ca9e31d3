import { AppError } from "../shared/app-error.ts";
import type { Store, WriteGuard, WriteOp } from "../storage/store.ts";
import { CELLS_KEY, contributionOf, deltaWrites, MONTHS_KEY } from "./aggregate-counts.ts";
import { factsOf, type LearnerRecords, readRecords } from "./learner-facts.ts";
import { certKey, certOfKey, learnerKey, progressKey } from "./record-keys.ts";

/** Ready learners of a tổ dân phố (audiences read these; this module owns the `members:` keys). */
export const toMembersKey = (to: string) => `members:to:${to}`;
/** Ready learners of a learner group. */
export const groupMembersKey = (group: string) => `members:group:${group}`;
/** Every key of the membership sets starts with this. */
const MEMBERS_PREFIX = "members:";
/** Every membership set as it stands: ready learners by tổ and by group. */
export async function readMemberships(
  store: Store,
): Promise<{ byTo: Record<string, string[]>; byGroup: Record<string, string[]> }> {
  const byTo: Record<string, string[]> = {};
  const byGroup: Record<string, string[]> = {};
  for (const key of await store.keys(MEMBERS_PREFIX)) {
    const members = await store.smembers(key);
    if (key.startsWith(toMembersKey(""))) byTo[key.slice(toMembersKey("").length)] = members;
    else if (key.startsWith(groupMembersKey(""))) byGroup[key.slice(groupMembersKey("").length)] = members;
  }
  return { byTo, byGroup };
}

/** Deletes every membership set (before a rebuild). */
export async function clearMemberships(store: Store): Promise<void> {
  const keys = await store.keys(MEMBERS_PREFIX);
  for (let i = 0; i < keys.length; i += 1000) await store.del(...keys.slice(i, i + 1000));
}

/** Bumped with every counted change of a learner, so two changes racing are applied one after the other. */
const VERSION_FIELD = "aggv";
const ATTEMPTS = 8;

/** The membership sets a learner's profile puts them in: ready learners, by tổ and by group. */
export function membershipsOf(profile: Record<string, string>): string[] {
  if (profile.step !== "ready" || !profile.consentAt) return [];
  return [
    ...(profile.group ? [groupMembersKey(profile.group)] : []),
    ...(profile.to ? [toMembersKey(profile.to)] : []),
  ];
}

/**
 * Writes a change of a learner's records together with the change it makes to the ward's counts and the
 * membership sets, as one atomic store call. Erasure does not come here: the counts stay, anonymous.
 */
export class LearnerAggregates {
  constructor(private readonly store: Store) {}

  /**
   * Applies `ops` (writes to this person's records, plus any others that belong with them) when every guard
   * holds; resolves false, writing nothing, when one does not.
   */
  async write(
    personId: string,
    ops: readonly WriteOp[],
    guards: readonly WriteGuard[] = [],
  ): Promise<boolean> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const before = await readRecords(this.store, personId);
      const after = await this.simulate(before, personId, ops);
      const writes = this.countWrites(personId, before, after);
      if (!writes.length) return this.store.atomic(ops, guards);
      const version = before.profile[VERSION_FIELD] ?? null;
      const bump: WriteOp[] = after.profile.step
        ? [
            {
              op: "hset",
              key: learnerKey(personId),
              fields: { [VERSION_FIELD]: String(Number(version ?? 0) + 1) },
            },
          ]
        : [];
      const versionGuard = { key: learnerKey(personId), field: VERSION_FIELD, equals: version };
      if (await this.store.atomic([...ops, ...bump, ...writes], [...guards, versionGuard])) return true;
      if (!(await this.store.atomic([], guards))) return false; // a guard of the caller failed, not the version
    }
    throw new AppError("store-contention", "a learner's records kept changing while being counted");
  }

  /** The writes that move the counts and memberships from `before` to `after`. */
  private countWrites(id: string, before: LearnerRecords, after: LearnerRecords): WriteOp[] {
    const delta = deltaWrites(contributionOf(factsOf(before)), contributionOf(factsOf(after)));
    const writes: WriteOp[] = delta.increments.map((i) => ({ op: "hincrby", ...i }));
    if (delta.increments.length) {
      if (delta.cells.length) writes.push({ op: "sadd", key: CELLS_KEY, members: delta.cells });
      if (delta.months.length) writes.push({ op: "sadd", key: MONTHS_KEY, members: delta.months });
    }
    const was = new Set(membershipsOf(before.profile));
    const now = new Set(membershipsOf(after.profile));
    for (const key of was) if (!now.has(key)) writes.push({ op: "srem", key, members: [id] });
    for (const key of now) if (!was.has(key)) writes.push({ op: "sadd", key, members: [id] });
    return writes;
  }

  /** The person's records as they will be once `ops` are applied. */
  private async simulate(
    before: LearnerRecords,
    personId: string,
    ops: readonly WriteOp[],
  ): Promise<LearnerRecords> {
    const profile = { ...before.profile };
    const progress = { ...before.progress };
    let certId = before.certId;
    let cert = { ...before.cert };
    for (const write of ops) {
      if (write.key === certOfKey(personId)) {
        certId = write.op === "set" ? write.value : write.op === "del" ? null : certId;
        cert = certId ? await this.store.hgetall(certKey(certId)) : {};
        continue;
      }
      const target =
        write.key === learnerKey(personId)
          ? profile
          : write.key === progressKey(personId)
            ? progress
            : certId && write.key === certKey(certId)
              ? cert
              : null;
      if (target) applyToHash(target, write);
    }
    return { profile, progress, certId, cert };
  }
}

function applyToHash(hash: Record<string, string>, write: WriteOp): void {
  if (write.op === "hset") Object.assign(hash, write.fields);
  else if (write.op === "hdel") for (const f of write.fields) delete hash[f];
  else if (write.op === "hincrby") hash[write.field] = String(Number(hash[write.field] ?? 0) + write.by);
  else if (write.op === "del") for (const f of Object.keys(hash)) delete hash[f];
}
