import type { Audience } from "./audience.ts";

/** A class as stored: its fields, the keys of its RSVP lists and check-ins (this module and classes.ts own them). */

export interface ClassInput {
  topic: string;
  /** Curriculum module slug when the topic is a module. */
  module?: string;
  startsAt: Date;
  endsAt?: Date;
  place: string;
  audience: Audience;
  capacity: number;
  createdBy: string;
}

export interface ClassRecord extends ClassInput {
  id: string;
  /** 6-digit check-in code shown in the room. */
  code: string;
  createdAt: Date;
  /** How many checked in (kept after erasure, for reports). */
  present: number;
}

export const ID = /^[a-z0-9]{6}$/;
export const k = {
  record: (id: string) => `class:${id}`,
  going: (id: string) => `class:${id}:going`,
  wait: (id: string) => `class:${id}:wait`,
  no: (id: string) => `class:${id}:no`,
  present: (id: string) => `class:${id}:present`,
  /** Tổ and group of erased people who checked in (their place in the class's counts). */
  anon: (id: string) => `class:${id}:anon`,
  names: (id: string) => `class:${id}:names`,
  of: (personId: string) => `rsvp-of:${personId}`,
  code: (code: string) => `checkin:${code}`,
  /** Ward totals: classes created, check-ins. */
  stats: "stats:classes",
  /** Check-ins per tổ. */
  attendanceByTo: "stats:attendance:to",
};
export const BY_START = "classes:by-start";

/** A class record as its stored hash (the check-in count is kept in the same hash, as `n_present`). */
export function recordFields(record: ClassRecord): Record<string, string> {
  return {
    topic: record.topic,
    module: record.module ?? "",
    startsAt: record.startsAt.toISOString(),
    endsAt: record.endsAt?.toISOString() ?? "",
    place: record.place,
    audience: JSON.stringify(record.audience),
    capacity: String(record.capacity),
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    code: record.code,
  };
}

/** The class record read back from its hash; null when there is none. */
export function recordFrom(id: string, raw: Record<string, string>): ClassRecord | null {
  if (!raw.startsAt) return null;
  return {
    id,
    topic: raw.topic ?? "",
    ...(raw.module ? { module: raw.module } : {}),
    startsAt: new Date(raw.startsAt),
    ...(raw.endsAt ? { endsAt: new Date(raw.endsAt) } : {}),
    place: raw.place ?? "",
    audience: JSON.parse(raw.audience ?? "{}") as Audience,
    capacity: Number(raw.capacity ?? 0),
    createdBy: raw.createdBy ?? "",
    createdAt: new Date(raw.createdAt ?? 0),
    code: raw.code ?? "",
    present: Number(raw.n_present ?? 0),
  };
}
