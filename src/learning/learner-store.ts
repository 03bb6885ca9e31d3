import { toDanPhoWords } from "../catalog/learning.ts";
import { type LearnerGroup, learnerGroupSchema } from "../knowledge/schema.ts";
import type { Store, WriteOp } from "../storage/store.ts";
import { LearnerAggregates, membershipsOf } from "./learner-aggregates.ts";
import { ALL_LEARNERS, learnerKey } from "./record-keys.ts";

export type OnboardingStep = "consent" | "group" | "to" | "mode" | "ready" | "guest";
const STEPS = new Set<OnboardingStep>(["consent", "group", "to", "mode", "ready", "guest"]);

/** What the next typed text answers, when the assistant asked something open. */
export type Awaiting = "cert-name";

export interface LearnerProfile {
  /** The person's id (see Identities): `<channel>:<channel user id>` of the account they started on. */
  id: string;
  step: OnboardingStep;
  /** ISO time the learner agreed to have progress stored; absent until they agree. */
  consentAt?: string;
  group?: LearnerGroup;
  /** Tổ dân phố as the learner gave it, normalised ("Tổ 5"). */
  to?: string;
  /** Elderly mode: shorter answers, one step at a time. */
  elderly: boolean;
  /** Opted in to a daily review reminder. */
  remind: boolean;
  /** The name the learner chose for the certificate. */
  certName?: string;
  awaiting?: Awaiting;
  createdAt: string;
  /** The last Vietnam calendar day (`YYYY-MM-DD`) the learner used the assistant; for "active" in reports. */
  seenOn?: string;
}

const key = learnerKey;
/** A first contact that never consented (or declined) is forgotten after this long. */
export const UNCONSENTED_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Learner profiles in the store, plus the index sets that broadcasts and reports read. A change that
 * counts (consent, group, tổ, ready, day of use) goes through the learner aggregates in one atomic step.
 */
export class LearnerStore {
  private readonly aggregates: LearnerAggregates;

  constructor(private readonly store: Store) {
    this.aggregates = new LearnerAggregates(store);
  }

  private async counted(id: string, ...ops: WriteOp[]): Promise<void> {
    await this.aggregates.write(id, ops);
  }

  async get(id: string): Promise<LearnerProfile | null> {
    const raw = await this.store.hgetall(key(id));
    if (!raw.step) return null;
    const group = learnerGroupSchema.safeParse(raw.group);
    return {
      id,
      step: STEPS.has(raw.step as OnboardingStep) ? (raw.step as OnboardingStep) : "consent",
      createdAt: raw.createdAt ?? new Date(0).toISOString(),
      elderly: raw.mode === "elderly",
      remind: raw.remind === "on",
      ...(raw.certName ? { certName: raw.certName } : {}),
      ...(raw.awaiting === "cert-name" ? { awaiting: raw.awaiting } : {}),
      ...(raw.consentAt ? { consentAt: raw.consentAt } : {}),
      ...(group.success ? { group: group.data } : {}),
      ...(raw.to ? { to: raw.to } : {}),
      ...(raw.seenOn ? { seenOn: raw.seenOn } : {}),
    };
  }

  /** Creates the minimal record of a first contact: only the onboarding step, no personal data. */
  async start(id: string, now: Date): Promise<LearnerProfile> {
    const profile: LearnerProfile = {
      id,
      step: "consent",
      createdAt: now.toISOString(),
      elderly: false,
      remind: false,
    };
    await this.store.hset(key(id), { step: profile.step, createdAt: profile.createdAt });
    await this.store.expire(key(id), UNCONSENTED_TTL_MS);
    return profile;
  }

  /** Records the day of use (written at most once a day per learner). */
  async markSeen(id: string, day: string): Promise<void> {
    await this.counted(id, { op: "hset", key: key(id), fields: { seenOn: day } });
  }

  async setStep(id: string, step: OnboardingStep): Promise<void> {
    await this.counted(id, { op: "hset", key: key(id), fields: { step } });
  }

  /** Consent makes the record last: it is written afresh, without the first contact's expiry. */
  async giveConsent(id: string, now: Date): Promise<void> {
    const first = await this.store.hgetall(key(id));
    await this.counted(
      id,
      { op: "del", key: key(id) },
      { op: "hset", key: key(id), fields: { ...first, consentAt: now.toISOString(), step: "group" } },
      { op: "sadd", key: ALL_LEARNERS, members: [id] },
    );
  }

  /**
   * Declining consent removes everything but the step marker that stops us asking again each message; the
   * marker itself is forgotten after UNCONSENTED_TTL_MS.
   */
  async declineConsent(id: string, now: Date): Promise<void> {
    await this.counted(
      id,
      { op: "del", key: key(id) },
      { op: "srem", key: ALL_LEARNERS, members: [id] },
      { op: "hset", key: key(id), fields: { step: "guest", createdAt: now.toISOString() } },
    );
    await this.store.expire(key(id), UNCONSENTED_TTL_MS);
  }

  async setGroup(id: string, group: LearnerGroup): Promise<void> {
    await this.counted(id, { op: "hset", key: key(id), fields: { group, step: "to" } });
  }

  async setTo(id: string, to: string | undefined): Promise<void> {
    if (to) await this.counted(id, { op: "hset", key: key(id), fields: { to, step: "mode" } });
    else
      await this.counted(
        id,
        { op: "hdel", key: key(id), fields: ["to"] },
        { op: "hset", key: key(id), fields: { step: "mode" } },
      );
  }

  async setMode(id: string, elderly: boolean): Promise<void> {
    await this.counted(id, {
      op: "hset",
      key: key(id),
      fields: { mode: elderly ? "elderly" : "normal", step: "ready" },
    });
  }

  async setRemind(id: string, on: boolean): Promise<void> {
    await this.store.hset(key(id), { remind: on ? "on" : "off" });
    if (on) await this.store.sadd("learners:remind", id);
    else await this.store.srem("learners:remind", id);
  }

  async setAwaiting(id: string, awaiting: Awaiting | undefined): Promise<void> {
    if (awaiting) await this.store.hset(key(id), { awaiting });
    else await this.store.hdel(key(id), "awaiting");
  }

  async setCertName(id: string, name: string): Promise<void> {
    await this.store.hset(key(id), { certName: name });
    await this.store.hdel(key(id), "awaiting");
  }

  /** Every consenting learner's id, a page at a time (the background jobs walk them without holding all). */
  async *consenting(pageSize = 500): AsyncGenerator<string> {
    let cursor = "0";
    do {
      const page = await this.store.sscan(ALL_LEARNERS, cursor, pageSize);
      yield* page.members;
      cursor = page.cursor;
    } while (cursor !== "0");
  }

  /** True while the person has given consent (and not declined or been erased since). */
  hasConsented(id: string): Promise<boolean> {
    return this.store.sismember(ALL_LEARNERS, id);
  }

  /** Learners who asked for a daily review reminder. */
  remindable(): Promise<string[]> {
    return this.store.smembers("learners:remind");
  }

  /** The raw record, for the learner's own data export. */
  raw(id: string): Promise<Record<string, string>> {
    return this.store.hgetall(key(id));
  }

  /** Removes the profile and the learner from every index and membership set; the counts stay, anonymous. */
  async erase(id: string): Promise<void> {
    const sets = [ALL_LEARNERS, "learners:remind", ...membershipsOf(await this.store.hgetall(key(id)))];
    await this.store.atomic([
      { op: "del", key: key(id) },
      ...sets.map((set): WriteOp => ({ op: "srem", key: set, members: [id] })),
    ]);
  }
}

/** Reads a tổ dân phố from what a learner typed: "5", "to 5", "Tổ 12", "tổ dân phố số 3" → "Tổ N". */
export function parseToDanPho(text: string): string | null {
  const cleaned = text.normalize("NFC").trim().replace(/\s+/g, " ");
  if (!cleaned || cleaned.length > 60) return null;
  const number = /^(?:(?:tổ|to)(?: dân phố| dan pho)?(?: số| so)?\s*)?(\d{1,3})\.?$/iu.exec(cleaned);
  if (number) {
    const n = Number(number[1]);
    return n >= 1 && n <= 999 ? toDanPhoWords.numbered(n) : null;
  }
  if (/^[\p{L}\p{N}][\p{L}\p{N} .'-]{1,59}$/u.test(cleaned) && /\p{L}/u.test(cleaned)) {
    return cleaned.replace(/^(tổ|to)\b/iu, toDanPhoWords.prefix);
  }
  return null;
}
