import { randomInt } from "node:crypto";
import { organizerWords } from "../catalog/organizer.ts";
import type { ReplyOption } from "../messaging/message.ts";
import type { Store } from "../storage/store.ts";

/**
 * One recipient's delivery state; "ambiguous" is a send interrupted by a crash, never resent;
 * "outsideWindow" is unreachable because the only way to them is a Zalo OA whose 48-hour consultation
 * window is closed (not sent, as a message there would be refused or charged).
 */
export type DeliveryState =
  | "pending"
  | "sending"
  | "sent"
  | "failed"
  | "unreachable"
  | "outsideWindow"
  | "ambiguous";
export const DELIVERY_STATES: readonly DeliveryState[] = [
  "pending",
  "sending",
  "sent",
  "failed",
  "unreachable",
  "outsideWindow",
  "ambiguous",
];
export type Counts = Record<DeliveryState, number>;

export type BroadcastStatus = "scheduled" | "sending" | "done" | "cancelled";
export type BroadcastKind = "notice" | "class" | "reminder" | "seat" | "review";

export interface BroadcastInput {
  kind: BroadcastKind;
  text: string;
  options?: ReplyOption[];
  /** Human description of the audience (no names). */
  audienceLabel: string;
  /** Person id of the organizer (or "system" for reminders). */
  createdBy: string;
  /** Not before this time. */
  sendAt: Date;
  /** Ignores quiet hours (21:00–07:00). */
  urgent: boolean;
  /** The class a class announcement, reminder or seat notice is about. */
  ref?: string;
}

export interface BroadcastRecord extends BroadcastInput {
  id: string;
  createdAt: Date;
  status: BroadcastStatus;
  total: number;
  /** Final counts, kept when delivery ended (done or cancelled). */
  final?: Counts;
}

const ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const recordKey = (id: string) => `bc:${id}`;
const PAGES_IN_FLIGHT = 4;
export const statesKey = (id: string) => `bc:${id}:st`;
const DUE = "bc:due";
const ALL = "bc:all";
/** The ward's delivery totals across broadcasts. */
const TOTALS = "stats:broadcast";

export function emptyCounts(): Counts {
  return { pending: 0, sending: 0, sent: 0, failed: 0, unreachable: 0, outsideWindow: 0, ambiguous: 0 };
}

/**
 * Broadcasts waiting to be sent, with each recipient's state persisted. Recipients' states are written
 * before the broadcast becomes due, so a crash never loses one; the per-recipient states are removed when
 * delivery ends and only the counts stay.
 */
export class Outbox {
  constructor(private readonly store: Store) {}

  newId(): string {
    return Array.from({ length: 8 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join("");
  }

  /** Creates a broadcast (idempotent for a given id): `created` false when it already existed. */
  async create(
    input: BroadcastInput,
    recipients: readonly string[],
    now: Date,
    id = this.newId(),
  ): Promise<{ id: string; created: boolean }> {
    const { total: _total, ...created } = await this.createFrom(input, [recipients], now, { id });
    return created;
  }

  /**
   * Creates a broadcast from pages of recipients, written page by page (no list of every id is held): the
   * record, and with it the worker's due entry, is written last, so a half-written broadcast is never sent.
   * With `skipEmpty`, an audience of nobody creates nothing (`created` false, `total` 0).
   */
  async createFrom(
    input: BroadcastInput,
    pages: Iterable<readonly string[]> | AsyncIterable<readonly string[]>,
    now: Date,
    options: { id?: string; onPage?: (page: readonly string[]) => Promise<void>; skipEmpty?: boolean } = {},
  ): Promise<{ id: string; created: boolean; total: number }> {
    const { id = this.newId(), onPage } = options;
    if (await this.store.hget(recordKey(id), "status")) return { id, created: false, total: 0 };
    // A few pages are written at once, so the store's round trips overlap while the next page is read.
    const inFlight: Promise<void>[] = [];
    for await (const page of pages) {
      const unique = [...new Set(page)];
      inFlight.push(
        (async () => {
          if (unique.length)
            await this.store.hset(statesKey(id), Object.fromEntries(unique.map((p) => [p, "pending"])));
          await onPage?.(unique);
        })(),
      );
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const total = await this.store.hlen(statesKey(id));
    if (!total && options.skipEmpty) return { id, created: false, total };
    await this.store.hset(recordKey(id), {
      kind: input.kind,
      text: input.text,
      options: JSON.stringify(input.options ?? []),
      audienceLabel: input.audienceLabel,
      createdBy: input.createdBy,
      createdAt: now.toISOString(),
      sendAt: input.sendAt.toISOString(),
      urgent: input.urgent ? "1" : "0",
      ref: input.ref ?? "",
      status: "scheduled",
      total: String(total),
    });
    await this.store.zadd(ALL, now.getTime(), id);
    await this.store.zadd(DUE, input.sendAt.getTime(), id);
    return { id, created: true, total };
  }

  async get(id: string): Promise<BroadcastRecord | null> {
    if (!/^[a-z0-9-]{1,40}$/.test(id)) return null;
    const raw = await this.store.hgetall(recordKey(id));
    if (!raw.status) return null;
    return {
      id,
      kind: raw.kind as BroadcastKind,
      text: raw.text ?? "",
      options: JSON.parse(raw.options ?? "[]") as ReplyOption[],
      audienceLabel: raw.audienceLabel ?? "",
      createdBy: raw.createdBy ?? "",
      createdAt: new Date(raw.createdAt ?? 0),
      sendAt: new Date(raw.sendAt ?? 0),
      urgent: raw.urgent === "1",
      ...(raw.ref ? { ref: raw.ref } : {}),
      status: raw.status as BroadcastStatus,
      total: Number(raw.total ?? 0),
      ...(raw.final ? { final: JSON.parse(raw.final) as Counts } : {}),
    };
  }

  /** Ids of broadcasts that are due (send time passed and not ended), earliest first. */
  async due(now: Date, limit = 20): Promise<string[]> {
    return (await this.store.zrangeByScore(DUE, 0, now.getTime(), limit)).map((m) => m.member);
  }

  /** Most recent broadcasts first. */
  async recent(limit = 10): Promise<BroadcastRecord[]> {
    const all = await this.store.zrangeByScore(ALL, 0, Number.MAX_SAFE_INTEGER);
    const out: BroadcastRecord[] = [];
    for (const { member } of all.reverse().slice(0, limit)) {
      const record = await this.get(member);
      if (record) out.push(record);
    }
    return out;
  }

  async states(id: string): Promise<Record<string, string>> {
    return this.store.hgetall(statesKey(id));
  }

  async setState(id: string, personId: string, state: DeliveryState): Promise<void> {
    await this.store.hset(statesKey(id), { [personId]: state });
  }

  async setStatus(id: string, status: BroadcastStatus): Promise<void> {
    await this.store.hset(recordKey(id), { status });
  }

  /** Current counts: the final ones when delivery ended, else counted from the recipients' states. */
  async counts(id: string): Promise<Counts> {
    const record = await this.get(id);
    if (record?.final) return { ...emptyCounts(), ...record.final };
    const counts = emptyCounts();
    for (const state of Object.values(await this.states(id))) {
      if (state in counts) counts[state as DeliveryState]++;
    }
    return counts;
  }

  /** Marks a broadcast cancelled; the sender stops before its next message. False when already ended. */
  async cancel(id: string): Promise<boolean> {
    const record = await this.get(id);
    if (!record || record.status === "done" || record.status === "cancelled") return false;
    await this.setStatus(id, "cancelled");
    return true;
  }

  /** Ends delivery: keeps the counts (and the ward totals), removes per-person states. */
  async finish(id: string, status: "done" | "cancelled"): Promise<Counts> {
    const counts = await this.counts(id);
    await this.store.hset(recordKey(id), { final: JSON.stringify(counts) });
    if (await this.store.set(`bc:${id}:counted`, "1", { ifAbsent: true })) {
      for (const state of ["sent", "failed", "unreachable", "outsideWindow", "ambiguous"] as const) {
        if (counts[state]) await this.store.hincrby(TOTALS, state, counts[state]);
      }
      await this.store.hincrby(TOTALS, "broadcasts", 1);
    }
    await this.store.hset(recordKey(id), { status });
    await this.store.zrem(DUE, id);
    await this.store.del(statesKey(id));
    return counts;
  }

  /** The ward's totals over every finished broadcast: each delivery state's count, and `broadcasts`. */
  totals(): Promise<Record<string, string>> {
    return this.store.hgetall(TOTALS);
  }

  /** Moves a due broadcast's send time (quiet hours). */
  async postpone(id: string, until: Date): Promise<void> {
    await this.store.zadd(DUE, until.getTime(), id);
  }

  /** True once an organizer cancelled the broadcast (the worker checks between sends). */
  async isCancelled(id: string): Promise<boolean> {
    return (await this.store.hget(recordKey(id), "status")) === "cancelled";
  }

  /** Takes a broadcast off the due list (it is done, or gone). */
  async forgetDue(id: string): Promise<void> {
    await this.store.zrem(DUE, id);
  }

  /** For reports: each notice (not class messages) with when it was made, its recipients and how many got it. */
  async noticeTotals(): Promise<{ createdAt: number; recipients: number; sent: number }[]> {
    const out: { createdAt: number; recipients: number; sent: number }[] = [];
    for (const { member: id, score } of await this.store.zrangeByScore(ALL, 0, Number.MAX_SAFE_INTEGER)) {
      const record = await this.store.hgetall(recordKey(id));
      if (record.kind !== "notice") continue;
      const final = record.final ? (JSON.parse(record.final) as { sent?: number }) : null;
      const sent = final
        ? (final.sent ?? 0)
        : Object.values(await this.store.hgetall(statesKey(id))).filter((s) => s === "sent").length;
      out.push({ createdAt: score, recipients: Number(record.total ?? 0), sent });
    }
    return out;
  }

  /** Every broadcast id (for export and erasure). */
  async ids(): Promise<string[]> {
    return (await this.store.zrangeByScore(ALL, 0, Number.MAX_SAFE_INTEGER)).map((m) => m.member);
  }

  /** Erasure: forgets the person as recipient of pending broadcasts and as author. */
  async erase(personIds: readonly string[]): Promise<void> {
    for (const id of await this.ids()) {
      const createdBy = await this.store.hget(recordKey(id), "createdBy");
      if (createdBy && personIds.includes(createdBy))
        await this.store.hset(recordKey(id), { createdBy: organizerWords.erasedPerson });
      if (await this.store.hget(recordKey(id), "final")) continue;
      await this.store.hdel(statesKey(id), ...personIds);
    }
  }
}
