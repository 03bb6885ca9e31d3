import { type LearnerGroup, learnerGroupSchema } from "../../knowledge/schema.ts";
import { vietnamDayStart } from "../../shared/vietnam-time.ts";
import type { Store } from "../../storage/store.ts";

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
}

/** One learner's facts; null before they consented and chose a group. */
export async function learnerFacts(store: Store, id: string): Promise<LearnerFacts | null> {
  const [profile, progress, certId] = await Promise.all([
    store.hgetall(`learner:${id}`),
    store.hgetall(`progress:${id}`),
    store.get(`cert-of:${id}`),
  ]);
  const group = learnerGroupSchema.safeParse(profile.group);
  const registeredAt = Date.parse(profile.consentAt ?? "");
  if (!group.success || Number.isNaN(registeredAt)) return null;
  const reads: number[] = [];
  const passes: Record<string, number> = {};
  for (const [field, value] of Object.entries(progress)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) continue;
    if (field.startsWith("read:")) reads.push(at);
    else if (field.startsWith("passed:")) passes[field.slice(7)] = at;
  }
  const cert = certId ? await store.hgetall(`cert:${certId}`) : {};
  const certifiedAt = cert.issuedOn && !cert.revokedAt ? vietnamDayStart(cert.issuedOn) : NaN;
  const lastSeenAt = profile.seenOn ? vietnamDayStart(profile.seenOn) : NaN;
  return {
    group: group.data,
    registeredAt,
    reads,
    passes,
    ...(profile.to ? { to: profile.to } : {}),
    ...(Number.isNaN(lastSeenAt) ? {} : { lastSeenAt }),
    ...(Number.isNaN(certifiedAt) ? {} : { certifiedAt }),
  };
}
