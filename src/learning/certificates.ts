import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { LearnerGroup } from "../knowledge/schema.ts";
import { vietnamDate } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import { LearnerAggregates } from "./learner-aggregates.ts";
import { certKey, certOfKey } from "./record-keys.ts";

export interface Certificate {
  /** `HVS-<yy>-<6 letters/digits>`, e.g. `HVS-26-7K3Q9X`. */
  id: string;
  personId: string;
  /** The name the learner chose to print. */
  name: string;
  group: LearnerGroup;
  to?: string;
  /** Day of issue, `YYYY-MM-DD` (Vietnam time). */
  issuedOn: string;
  modules: string[];
  /** HMAC-SHA256 (hex) of every printed field with CERT_SECRET. */
  signature: string;
  revokedAt?: string;
  revokeReason?: string;
}

export type Verification =
  | { status: "valid"; certificate: Certificate }
  | { status: "revoked"; certificate: Certificate }
  /** Revoked, and the holder's data erased since: only the fact and the day remain. */
  | { status: "withdrawn"; revokedAt: string }
  | { status: "invalid" };

const ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"; // no 0/O, 1/I/L, U: easy to read aloud and type
const CERT_ID = /^HVS-\d{2}-[2-9A-HJKMNP-TV-Z]{6}$/;
const recordKey = certKey;
const ofPersonKey = certOfKey;
/** What outlives an erasure of a revoked certificate: its number, revocation day and a hash of its key. */
const withdrawnKey = (id: string) => `cert-withdrawn:${id}`;
/** A keyed hash of a person whose certificate was revoked: they are not issued another one. */
const barredKey = (tag: string) => `cert-barred:${tag}`;
/** The numbers of every certificate issued and not erased. */
const ALL_CERTS = "certs:all";

/** Issues, verifies and revokes the ward's learning certificates; one per person, ever. */
export class Certificates {
  constructor(
    private readonly store: Store,
    /** CERT_SECRET, or a function that resolves it on first use (see certificateSecret). */
    private readonly secret: string | (() => Promise<string>),
  ) {}

  /** Issues the person's certificate, or returns the one already issued (`fresh` false). */
  async issue(
    personId: string,
    details: { name: string; group: LearnerGroup; to?: string; modules: string[] },
    now: Date,
  ): Promise<{ certificate: Certificate; fresh: boolean }> {
    const existing = await this.ofPerson(personId);
    if (existing) return { certificate: existing, fresh: false };
    if (await this.barred(personId)) throw new Error("certificate revoked before: not issued again");
    const id = `HVS-${vietnamDate(now).slice(2, 4)}-${Array.from({ length: 6 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join("")}`;
    const unsigned = { id, personId, ...details, issuedOn: vietnamDate(now) };
    const certificate: Certificate = { ...unsigned, signature: await this.sign(unsigned) };
    // The record is written before the claim, so whoever loses a race finds the winner's record complete.
    await this.store.hset(recordKey(id), toFields(certificate));
    const claim = { op: "set" as const, key: ofPersonKey(personId), value: id };
    if (!(await this.aggregates().write(personId, [claim], [{ key: ofPersonKey(personId), equals: null }]))) {
      await this.store.del(recordKey(id));
      const winner = await this.ofPerson(personId);
      if (winner) return { certificate: winner, fresh: false };
      throw new Error("certificate claim lost without a winner");
    }
    await this.store.sadd(ALL_CERTS, id);
    return { certificate, fresh: true };
  }

  /** The numbers of every certificate issued and not erased. */
  ids(): Promise<string[]> {
    return this.store.smembers(ALL_CERTS);
  }

  async get(id: string): Promise<Certificate | null> {
    if (!CERT_ID.test(id)) return null;
    return fromFields(await this.store.hgetall(recordKey(id)));
  }

  private aggregates(): LearnerAggregates {
    return new LearnerAggregates(this.store);
  }

  /** True when this person's certificate was revoked (kept through erasure as a keyed hash). */
  async barred(personId: string): Promise<boolean> {
    return (await this.store.get(barredKey(await this.tag(personId)))) !== null;
  }

  async ofPerson(personId: string): Promise<Certificate | null> {
    const id = await this.store.get(ofPersonKey(personId));
    return id ? this.get(id) : null;
  }

  /** Valid only when the record exists, its signature matches and (when given) the printed key matches. */
  async verify(id: string, printedKey?: string): Promise<Verification> {
    const certificate = await this.get(id);
    if (!certificate) return this.verifyWithdrawn(id, printedKey);
    if (!safeEqual(certificate.signature, await this.sign(certificate))) return { status: "invalid" };
    if (printedKey !== undefined && !safeEqual(printedKey, shortKey(certificate)))
      return { status: "invalid" };
    return certificate.revokedAt ? { status: "revoked", certificate } : { status: "valid", certificate };
  }

  async revoke(id: string, reason: string, now: Date): Promise<Certificate | null> {
    const certificate = await this.get(id);
    if (!certificate) return null;
    const fields = { revokedAt: now.toISOString(), revokeReason: reason };
    await this.aggregates().write(certificate.personId, [{ op: "hset", key: recordKey(id), fields }]);
    return { ...certificate, revokedAt: now.toISOString(), revokeReason: reason };
  }

  /**
   * Removes the person's certificate record (data erasure); aggregate counts are kept elsewhere. A revoked
   * certificate leaves its number, revocation day and a hash of its key (the page still says "Đã thu hồi"),
   * and a keyed hash of the person, so erasing and starting again does not undo a revocation.
   */
  async erase(personId: string): Promise<void> {
    const id = await this.store.get(ofPersonKey(personId));
    const certificate = id ? await this.get(id) : null;
    if (certificate?.revokedAt) {
      await this.store.hset(withdrawnKey(certificate.id), {
        revokedAt: certificate.revokedAt,
        keyHash: sha256(shortKey(certificate)),
      });
      await this.store.set(barredKey(await this.tag(personId)), "1");
    }
    if (id) {
      await this.store.del(recordKey(id));
      await this.store.srem(ALL_CERTS, id);
    }
    await this.store.del(ofPersonKey(personId));
  }

  /**
   * Account linking: the person joined keeps their own certificate if they have one (the other's is erased);
   * otherwise the other's certificate becomes theirs.
   */
  async transfer(from: string, into: string): Promise<void> {
    if (await this.ofPerson(into)) return this.erase(from);
    const own = await this.store.get(ofPersonKey(from));
    if (own) {
      await this.store.set(ofPersonKey(into), own);
      await this.store.hset(recordKey(own), { personId: into });
    }
    await this.store.del(ofPersonKey(from));
  }

  private async verifyWithdrawn(id: string, printedKey: string | undefined): Promise<Verification> {
    if (!CERT_ID.test(id) || printedKey === undefined) return { status: "invalid" };
    const kept = await this.store.hgetall(withdrawnKey(id));
    if (!kept.revokedAt || !kept.keyHash || !safeEqual(kept.keyHash, sha256(printedKey)))
      return { status: "invalid" };
    return { status: "withdrawn", revokedAt: kept.revokedAt };
  }

  /** HMAC of a person id with the certificate secret: recognisable again, not readable. */
  private async tag(personId: string): Promise<string> {
    const secret = typeof this.secret === "string" ? this.secret : await this.secret();
    return createHmac("sha256", secret).update(`person:${personId}`).digest("hex").slice(0, 32);
  }

  private async sign(c: Omit<Certificate, "signature" | "revokedAt" | "revokeReason">): Promise<string> {
    const printed = [c.id, c.name, c.group, c.to ?? "", c.issuedOn, c.modules.join(",")].join("\n");
    return createHmac("sha256", typeof this.secret === "string" ? this.secret : await this.secret())
      .update(printed)
      .digest("hex");
  }
}

/** The part of the signature printed in the QR code link, so a forged page with a real id is caught. */
export function shortKey(certificate: Certificate): string {
  return certificate.signature.slice(0, 16);
}

/**
 * CERT_SECRET, or else a random secret kept in the store so certificates stay valid across restarts
 * and instances. Resolved on first use and remembered; a failed read is retried next time.
 */
export function certificateSecret(
  store: Store,
  configured: string | undefined,
): string | (() => Promise<string>) {
  if (configured) return configured;
  let secret: Promise<string> | undefined;
  return () => {
    secret ??= (async () => {
      await store.set("secret:cert", randomBytes(32).toString("hex"), { ifAbsent: true });
      return (await store.get("secret:cert")) as string;
    })().catch((error) => {
      secret = undefined;
      throw error;
    });
    return secret;
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function toFields(c: Certificate): Record<string, string> {
  return {
    id: c.id,
    personId: c.personId,
    name: c.name,
    group: c.group,
    issuedOn: c.issuedOn,
    modules: c.modules.join(","),
    signature: c.signature,
    ...(c.to ? { to: c.to } : {}),
  };
}

function fromFields(f: Record<string, string>): Certificate | null {
  if (!f.id || !f.signature || !f.name || !f.group || !f.issuedOn || !f.personId) return null;
  return {
    id: f.id,
    personId: f.personId,
    name: f.name,
    group: f.group as LearnerGroup,
    issuedOn: f.issuedOn,
    modules: f.modules ? f.modules.split(",") : [],
    signature: f.signature,
    ...(f.to ? { to: f.to } : {}),
    ...(f.revokedAt ? { revokedAt: f.revokedAt } : {}),
    ...(f.revokeReason ? { revokeReason: f.revokeReason } : {}),
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
