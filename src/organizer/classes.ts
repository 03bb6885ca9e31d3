import { randomInt } from "node:crypto";
import { organizerWords } from "../catalog/organizer.ts";
import type { LearnerGroup } from "../knowledge/schema.ts";
import { ProgressStore } from "../learning/progress-store.ts";
import { AppError } from "../shared/app-error.ts";
import type { Store } from "../storage/store.ts";
import {
  BY_START,
  type ClassInput,
  type ClassRecord,
  ID,
  k,
  recordFields,
  recordFrom,
} from "./class-record.ts";

export type { ClassInput, ClassRecord } from "./class-record.ts";

export type RsvpStatus = "going" | "waitlist" | "declined";
export type RsvpResult =
  | { status: "going" | "declined" | "cancelled"; promoted?: string }
  | { status: "waitlist"; position: number }
  | { status: "closed" | "unknown" };

const HOUR = 3600_000;

/** Classes, RSVPs with a waitlist, and check-in attendance. */
export class Classes {
  constructor(
    private readonly store: Store,
    private readonly sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  ) {}

  async create(input: ClassInput, now: Date): Promise<ClassRecord> {
    const id = Array.from({ length: 6 }, () => "abcdefghjkmnpqrstuvwxyz23456789"[randomInt(31)]).join("");
    const until = (input.endsAt ?? new Date(input.startsAt.getTime() + 3 * HOUR)).getTime() + 3 * HOUR;
    let code = "";
    for (let tries = 0; !code; tries++) {
      const candidate = String(randomInt(100_000, 1_000_000));
      const ttlMs = Math.max(until - now.getTime(), HOUR);
      if (await this.store.set(k.code(candidate), id, { ifAbsent: true, ttlMs })) code = candidate;
      if (tries > 50) throw new AppError("checkin-codes-exhausted", "no free check-in code");
    }
    const record: ClassRecord = { ...input, id, code, createdAt: now, present: 0 };
    await this.store.hset(k.record(id), recordFields(record));
    await this.store.zadd(BY_START, input.startsAt.getTime(), id);
    await this.store.hincrby(k.stats, "created", 1);
    return record;
  }

  async get(id: string): Promise<ClassRecord | null> {
    if (!ID.test(id)) return null;
    return recordFrom(id, await this.store.hgetall(k.record(id)));
  }

  /** Classes starting between `from` and `to`, earliest first. */
  async between(from: Date, to: Date): Promise<ClassRecord[]> {
    const ids = await this.store.zrangeByScore(BY_START, from.getTime(), to.getTime());
    const out: ClassRecord[] = [];
    for (const { member } of ids) {
      const record = await this.get(member);
      if (record) out.push(record);
    }
    return out;
  }

  /** Upcoming classes meant for a learner of this tổ and group, or that the learner answered. */
  async upcomingFor(personId: string, to: string | undefined, group: LearnerGroup | undefined, now: Date) {
    const answered = new Set(await this.store.smembers(k.of(personId)));
    const all = await this.between(now, new Date(now.getTime() + 400 * 24 * HOUR));
    return all.filter((c) => {
      if (answered.has(c.id)) return true;
      const { tos, group: g } = c.audience;
      return (!tos || (to !== undefined && tos.includes(to))) && (!g || g === group);
    });
  }

  async statusOf(classId: string, personId: string): Promise<RsvpStatus | null> {
    if ((await this.store.zscore(k.going(classId), personId)) !== null) return "going";
    if ((await this.store.zscore(k.wait(classId), personId)) !== null) return "waitlist";
    if (await this.store.sismember(k.no(classId), personId)) return "declined";
    return null;
  }

  async going(classId: string): Promise<string[]> {
    return (await this.store.zrangeByScore(k.going(classId), 0, Number.MAX_SAFE_INTEGER)).map(
      (m) => m.member,
    );
  }

  async counts(classId: string): Promise<{ going: number; waitlist: number; declined: number }> {
    return {
      going: await this.store.zcard(k.going(classId)),
      waitlist: await this.store.zcard(k.wait(classId)),
      declined: await this.store.scard(k.no(classId)),
    };
  }

  /** Join, decline or cancel; a full class waitlists, and a freed seat goes to the first waitlisted. */
  async rsvp(classId: string, personId: string, choice: "join" | "decline" | "cancel", now: Date) {
    const record = await this.get(classId);
    if (!record) return { status: "unknown" } as RsvpResult;
    if (record.startsAt.getTime() <= now.getTime()) return { status: "closed" } as RsvpResult;
    return this.locked(classId, async (): Promise<RsvpResult> => {
      const t = now.getTime();
      await this.store.sadd(k.of(personId), classId);
      if (choice === "join") {
        const current = await this.statusOf(classId, personId);
        if (current === "going") return { status: "going" };
        if (current === "waitlist")
          return { status: "waitlist", position: await this.position(classId, personId) };
        await this.store.srem(k.no(classId), personId);
        if ((await this.store.zcard(k.going(classId))) < record.capacity) {
          await this.store.zadd(k.going(classId), t, personId);
          return { status: "going" };
        }
        await this.store.zadd(k.wait(classId), t, personId);
        return { status: "waitlist", position: await this.position(classId, personId) };
      }
      const wasGoing = (await this.store.zrem(k.going(classId), personId)) > 0;
      await this.store.zrem(k.wait(classId), personId);
      if (choice === "decline") await this.store.sadd(k.no(classId), personId);
      const promoted = wasGoing ? await this.promote(classId, t) : undefined;
      const status = choice === "decline" ? "declined" : "cancelled";
      return promoted ? { status, promoted } : { status };
    });
  }

  /** Marks the person present by the check-in code; null when the code is unknown or outside the class time. */
  async checkIn(code: string, personId: string, who: { to?: string; name?: string }, now: Date) {
    const classId = /^\d{6}$/.test(code) ? await this.store.get(k.code(code)) : null;
    const record = classId ? await this.get(classId) : null;
    if (!record) return null;
    const end = (record.endsAt ?? new Date(record.startsAt.getTime() + 3 * HOUR)).getTime();
    if (now.getTime() < record.startsAt.getTime() - HOUR || now.getTime() > end + 3 * HOUR) return null;
    await this.store.sadd(k.of(personId), record.id);
    if ((await this.store.sadd(k.present(record.id), personId)) > 0) {
      if (who.name) await this.store.hset(k.names(record.id), { [personId]: who.name.slice(0, 80) });
      await this.store.hincrby(k.record(record.id), "n_present", 1);
      await new ProgressStore(this.store).markCheckedIn(personId, record.id, record.startsAt);
      await this.store.hincrby(k.stats, "attendance", 1);
      await this.store.hincrby(k.attendanceByTo, who.to ?? organizerWords.unknownTo, 1);
      return { record, fresh: true };
    }
    return { record, fresh: false };
  }

  /** True once the person has been checked in at any class. */
  async attended(personId: string): Promise<boolean> {
    return (await this.attendedClasses(personId)).length > 0;
  }

  /** Every class with its start, earliest first (for the rebuild of the report counts). */
  async held(): Promise<{ id: string; startsAt: Date }[]> {
    const all = await this.store.zrangeByScore(BY_START, 0, Number.MAX_SAFE_INTEGER);
    return all.map(({ member, score }) => ({ id: member, startsAt: new Date(score) }));
  }

  /** The classes the person was checked in at. */
  async attendedClasses(personId: string): Promise<string[]> {
    const out: string[] = [];
    for (const classId of await this.store.smembers(k.of(personId)))
      if (await this.store.sismember(k.present(classId), personId)) out.push(classId);
    return out;
  }

  /** Keeps an erased attendee as tổ and group only, so the class still counts them by tổ. */
  async keepAnonymousAttendee(classId: string, who: { group?: string; to?: string }): Promise<void> {
    await this.store.rpush(k.anon(classId), JSON.stringify(who));
  }

  /** The anonymous attendees kept for a class. */
  async anonymousAttendees(classId: string): Promise<{ group?: string; to?: string }[]> {
    return (await this.store.lrange(k.anon(classId), 0, -1)).map(
      (raw) => JSON.parse(raw) as { group?: string; to?: string },
    );
  }

  /** The person ids checked in at a class. */
  presentIds(classId: string): Promise<string[]> {
    return this.store.smembers(k.present(classId));
  }

  /** Every name the class keeps, by person id, present or not (what erasure must have removed). */
  namesKept(classId: string): Promise<Record<string, string>> {
    return this.store.hgetall(k.names(classId));
  }

  /** The ward's class totals kept for reports: classes created and check-ins, erasure or not. */
  totals(): Promise<Record<string, string>> {
    return this.store.hgetall(k.stats);
  }

  /** Names (or a placeholder) of those present; only for the class's organizer. */
  async attendees(classId: string): Promise<string[]> {
    const names = await this.store.hgetall(k.names(classId));
    return (await this.store.smembers(k.present(classId))).map((p) => names[p] ?? "");
  }

  async export(personId: string) {
    const out: Record<string, unknown>[] = [];
    for (const classId of await this.store.smembers(k.of(personId))) {
      const record = await this.get(classId);
      if (!record) continue;
      out.push({
        lop: record.topic,
        batDau: record.startsAt.toISOString(),
        dangKy: await this.statusOf(classId, personId),
        coMat: await this.store.sismember(k.present(classId), personId),
      });
    }
    return out;
  }

  /** Removes the person's RSVPs, attendance marks and authorship; class counts stay. */
  async erase(personIds: readonly string[]): Promise<void> {
    for (const personId of personIds) {
      for (const classId of await this.store.smembers(k.of(personId))) {
        await this.store.zrem(k.going(classId), personId);
        await this.store.zrem(k.wait(classId), personId);
        await this.store.srem(k.no(classId), personId);
        await this.store.srem(k.present(classId), personId);
        await this.store.hdel(k.names(classId), personId);
      }
      await this.store.del(k.of(personId));
    }
    for (const { member } of await this.store.zrangeByScore(BY_START, 0, Number.MAX_SAFE_INTEGER)) {
      const createdBy = await this.store.hget(k.record(member), "createdBy");
      if (createdBy && personIds.includes(createdBy))
        await this.store.hset(k.record(member), { createdBy: organizerWords.erasedPerson });
    }
  }

  private async position(classId: string, personId: string): Promise<number> {
    const list = await this.store.zrangeByScore(k.wait(classId), 0, Number.MAX_SAFE_INTEGER);
    return list.findIndex((m) => m.member === personId) + 1;
  }

  private async promote(classId: string, t: number): Promise<string | undefined> {
    const [first] = await this.store.zrangeByScore(k.wait(classId), 0, Number.MAX_SAFE_INTEGER, 1);
    if (!first) return undefined;
    await this.store.zrem(k.wait(classId), first.member);
    await this.store.zadd(k.going(classId), t, first.member);
    return first.member;
  }

  private async locked<T>(classId: string, fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const token = await this.store.acquireLease(`class-lock:${classId}`, 5000);
      if (token) {
        try {
          return await fn();
        } finally {
          await this.store.releaseLease(`class-lock:${classId}`, token);
        }
      }
      await this.sleep(20);
    }
    throw new AppError("class-busy", "class is locked");
  }
}
