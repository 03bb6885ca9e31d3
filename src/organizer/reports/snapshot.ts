import type { LearnerGroup } from "../../knowledge/schema.ts";
import type { Store } from "../../storage/store.ts";
import type { Audience } from "../audience.ts";
import { anonymousAttendeesKey, erasedFacts } from "./erased-facts.ts";
import { type LearnerFacts, learnerFacts } from "./learner-facts.ts";
import { type Population, PopulationStore } from "./population.ts";

export interface ClassFacts {
  startsAt: number;
  /** The tổ the class was for; absent when for the whole ward. */
  tos?: string[];
  /** The learner group the class was for; absent when for every group. */
  group?: LearnerGroup;
  /** Everyone who checked in (kept after a learner's erasure). */
  present: number;
  /** Tổ and group of each person present who is still registered. */
  attendees: Pick<LearnerFacts, "to" | "group">[];
}

export interface BroadcastFacts {
  createdAt: number;
  recipients: number;
  sent: number;
}

/** Everything a report is computed from, read once from the store. */
export interface WardSnapshot {
  population: Population | null;
  learners: LearnerFacts[];
  classes: ClassFacts[];
  broadcasts: BroadcastFacts[];
}

const BATCH = 200;

/** Reads the snapshot: every registered learner, class and notice (batched, for Redis round trips). */
export async function collectSnapshot(
  store: Store,
  onProgress?: (done: number, total: number) => void,
): Promise<WardSnapshot> {
  const ids = await store.smembers("learners:all");
  const learners: LearnerFacts[] = [];
  const whoIs = new Map<string, Pick<LearnerFacts, "to" | "group">>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = await Promise.all(ids.slice(i, i + BATCH).map((id) => learnerFacts(store, id)));
    batch.forEach((facts, j) => {
      if (!facts) return;
      learners.push(facts);
      whoIs.set(ids[i + j] as string, { group: facts.group, ...(facts.to ? { to: facts.to } : {}) });
    });
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  return {
    population: await new PopulationStore(store).load(),
    learners: [...learners, ...(await erasedFacts(store))],
    classes: await classFacts(store, whoIs),
    broadcasts: await broadcastFacts(store),
  };
}

async function classFacts(
  store: Store,
  whoIs: Map<string, Pick<LearnerFacts, "to" | "group">>,
): Promise<ClassFacts[]> {
  const out: ClassFacts[] = [];
  for (const { member: id, score } of await store.zrangeByScore(
    "classes:by-start",
    0,
    Number.MAX_SAFE_INTEGER,
  )) {
    const record = await store.hgetall(`class:${id}`);
    if (!record.startsAt) continue;
    const audience = JSON.parse(record.audience ?? "{}") as Audience;
    const attendees = [
      ...(await store.smembers(`class:${id}:present`))
        .map((person) => whoIs.get(person))
        .filter((who) => who !== undefined),
      ...(await store.lrange(anonymousAttendeesKey(id), 0, -1)).map(
        (raw) => JSON.parse(raw) as Pick<LearnerFacts, "to" | "group">,
      ),
    ];
    out.push({
      startsAt: score,
      present: Number(record.n_present ?? 0),
      attendees,
      ...(audience.tos?.length ? { tos: audience.tos } : {}),
      ...(audience.group ? { group: audience.group } : {}),
    });
  }
  return out;
}

async function broadcastFacts(store: Store): Promise<BroadcastFacts[]> {
  const out: BroadcastFacts[] = [];
  for (const { member: id, score } of await store.zrangeByScore("bc:all", 0, Number.MAX_SAFE_INTEGER)) {
    const record = await store.hgetall(`bc:${id}`);
    if (record.kind !== "notice") continue;
    const final = record.final ? (JSON.parse(record.final) as { sent?: number }) : null;
    const sent = final
      ? (final.sent ?? 0)
      : Object.values(await store.hgetall(`bc:${id}:st`)).filter((s) => s === "sent").length;
    out.push({ createdAt: score, recipients: Number(record.total ?? 0), sent });
  }
  return out;
}
