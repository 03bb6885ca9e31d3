import { type LearnerGroup, learnerGroupSchema } from "../knowledge/schema.ts";
import { vietnamDayStart } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import { certKey, certOfKey, learnerKey, progressKey } from "./record-keys.ts";

/** What a report needs to know of one learner: places and times, never names or ids. */
export interface LearnerFacts {
  to?: string;
  group: LearnerGroup;
  /** When the learner agreed to take part (ms). */
  registeredAt: number;
  /** The latest day the learner used the assistant (ms, start of that day), when known. */
  lastSeenAt?: number;
  /** When each lesson was first read (ms). */
  reads: number[];
  /** When each module quiz was first passed (ms), by module. */
  passes: Record<string, number>;
  /** When the certificate was issued (ms); absent when none or revoked. */
  certifiedAt?: number;
  /** When each class the learner checked in to started (ms); erased records leave these to the class. */
  checkins?: number[];
}

/** The raw records a learner's facts come from. */
export interface LearnerRecords {
  profile: Record<string, string>;
  progress: Record<string, string>;
  /** The certificate the person holds (`cert-of`), or null. */
  certId: string | null;
  cert: Record<string, string>;
}

/** The progress field of a check-in (its value is the class's start, ISO). */
export const checkinField = (classId: string) => `att:${classId}`;

export async function readRecords(store: Store, id: string): Promise<LearnerRecords> {
  const [profile, progress, certId] = await Promise.all([
    store.hgetall(learnerKey(id)),
    store.hgetall(progressKey(id)),
    store.get(certOfKey(id)),
  ]);
  return { profile, progress, certId, cert: certId ? await store.hgetall(certKey(certId)) : {} };
}

/** One learner's facts; null before they consented and chose a group. */
export function factsOf(records: LearnerRecords): LearnerFacts | null {
  const { profile, progress, cert } = records;
  const group = learnerGroupSchema.safeParse(profile.group);
  const registeredAt = Date.parse(profile.consentAt ?? "");
  if (!group.success || Number.isNaN(registeredAt)) return null;
  const reads: number[] = [];
  const checkins: number[] = [];
  const passes: Record<string, number> = {};
  for (const [field, value] of Object.entries(progress)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) continue;
    if (field.startsWith("read:")) reads.push(at);
    else if (field.startsWith("passed:")) passes[field.slice(7)] = at;
    else if (field.startsWith("att:")) checkins.push(at);
  }
  const certifiedAt = cert.issuedOn && !cert.revokedAt ? vietnamDayStart(cert.issuedOn) : NaN;
  const lastSeenAt = profile.seenOn ? vietnamDayStart(profile.seenOn) : NaN;
  return {
    group: group.data,
    registeredAt,
    reads,
    passes,
    ...(checkins.length ? { checkins } : {}),
    ...(profile.to ? { to: profile.to } : {}),
    ...(Number.isNaN(lastSeenAt) ? {} : { lastSeenAt }),
    ...(Number.isNaN(certifiedAt) ? {} : { certifiedAt }),
  };
}

/** One learner's facts as stored now; null before they consented and chose a group. */
export async function learnerFacts(store: Store, id: string): Promise<LearnerFacts | null> {
  return factsOf(await readRecords(store, id));
}
