import type { Store, WriteOp } from "../storage/store.ts";
import { LearnerAggregates } from "./learner-aggregates.ts";
import { checkinField } from "./learner-facts.ts";
import { progressKey } from "./record-keys.ts";

export type ModuleStatus = "chua-hoc" | "dang-hoc" | "dat";

export interface ModuleProgress {
  lessonsRead: string[];
  practiceDone: string[];
  /** Share of correct answers, 0–1; absent before the first module quiz. */
  best?: number;
  last?: number;
  attempts: number;
  /** ISO time the module quiz was first passed. */
  passedAt?: string;
  /** The placement quiz showed the learner already knows this module (the quiz is still needed to pass). */
  known: boolean;
  status: ModuleStatus;
}

const key = progressKey;

/** Per-person learning record: lessons read, practice confirmed, quiz scores and passes, in one hash. */
export class ProgressStore {
  private readonly aggregates: LearnerAggregates;

  constructor(private readonly store: Store) {
    this.aggregates = new LearnerAggregates(store);
  }

  /** Records the first read of a lesson (counted for reports); false when it was read before. */
  async markRead(personId: string, lessonId: string, now: Date): Promise<boolean> {
    const field = `read:${lessonId}`;
    const write: WriteOp = { op: "hset", key: key(personId), fields: { [field]: now.toISOString() } };
    return this.aggregates.write(personId, [write], [{ key: key(personId), field, equals: null }]);
  }

  /** Records a check-in at a class that started at `startsAt` (counted for reports); false when already in. */
  async markCheckedIn(personId: string, classId: string, startsAt: Date): Promise<boolean> {
    const field = checkinField(classId);
    const write: WriteOp = { op: "hset", key: key(personId), fields: { [field]: startsAt.toISOString() } };
    return this.aggregates.write(personId, [write], [{ key: key(personId), field, equals: null }]);
  }

  async markPractice(personId: string, lessonId: string, now: Date): Promise<boolean> {
    return this.markOnce(personId, `did:${lessonId}`, now);
  }

  async markKnown(personId: string, module: string, now: Date): Promise<void> {
    await this.store.hset(key(personId), { [`known:${module}`]: now.toISOString() });
  }

  /** Records a finished module quiz; resolves true when this attempt passed the module for the first time. */
  async recordQuiz(
    personId: string,
    module: string,
    score: number,
    passed: boolean,
    now: Date,
  ): Promise<boolean> {
    const all = await this.store.hgetall(key(personId));
    const best = Math.max(score, Number(all[`best:${module}`] ?? 0));
    const fields: Record<string, string> = {
      [`best:${module}`]: String(best),
      [`last:${module}`]: String(score),
    };
    const attempt: WriteOp = { op: "hincrby", key: key(personId), field: `attempts:${module}`, by: 1 };
    if (passed && !all[`passed:${module}`]) {
      const pass = { ...fields, [`passed:${module}`]: now.toISOString() };
      const guard = { key: key(personId), field: `passed:${module}`, equals: null };
      const ops: WriteOp[] = [{ op: "hset", key: key(personId), fields: pass }, attempt];
      if (await this.aggregates.write(personId, ops, [guard])) return true;
    }
    await this.store.atomic([{ op: "hset", key: key(personId), fields }, attempt]);
    return false;
  }

  async module(personId: string, module: string): Promise<ModuleProgress> {
    return moduleFrom(await this.store.hgetall(key(personId)), module);
  }

  /** Progress of several modules from one read. */
  async modules(personId: string, modules: readonly string[]): Promise<Map<string, ModuleProgress>> {
    const all = await this.store.hgetall(key(personId));
    return new Map(modules.map((m) => [m, moduleFrom(all, m)]));
  }

  /** The raw record, for the learner's own data export. */
  raw(personId: string): Promise<Record<string, string>> {
    return this.store.hgetall(key(personId));
  }

  async erase(personId: string): Promise<void> {
    await this.store.del(key(personId));
  }

  /**
   * Adds one person's record to another's (account linking): reads, practice, passes and known modules keep
   * the earlier date, best scores the higher one, attempts add up. The source record is left as it is.
   */
  async mergeInto(from: string, into: string): Promise<void> {
    const source = await this.raw(from);
    const target = await this.raw(into);
    const merged: Record<string, string> = {};
    for (const [field, value] of Object.entries(source)) {
      const existing = target[field];
      if (existing === undefined) merged[field] = value;
      else if (field.startsWith("best:")) merged[field] = String(Math.max(Number(value), Number(existing)));
      else if (field.startsWith("attempts:")) merged[field] = String(Number(value) + Number(existing));
      else if (/^(read|did|passed|known):/.test(field) && value < existing) merged[field] = value;
    }
    if (Object.keys(merged).length) await this.store.hset(key(into), merged);
  }

  private async markOnce(personId: string, field: string, now: Date): Promise<boolean> {
    if (await this.store.hget(key(personId), field)) return false;
    await this.store.hset(key(personId), { [field]: now.toISOString() });
    return true;
  }
}

function moduleFrom(all: Record<string, string>, module: string): ModuleProgress {
  const inModule = (prefix: string) =>
    Object.keys(all)
      .filter((f) => f.startsWith(`${prefix}:${module}/`))
      .map((f) => f.slice(prefix.length + 1));
  const lessonsRead = inModule("read");
  const practiceDone = inModule("did");
  const attempts = Number(all[`attempts:${module}`] ?? 0);
  const passedAt = all[`passed:${module}`];
  const known = Boolean(all[`known:${module}`]);
  const status: ModuleStatus = passedAt
    ? "dat"
    : lessonsRead.length || practiceDone.length || attempts || known
      ? "dang-hoc"
      : "chua-hoc";
  return {
    lessonsRead,
    practiceDone,
    attempts,
    known,
    status,
    ...(all[`best:${module}`] !== undefined ? { best: Number(all[`best:${module}`]) } : {}),
    ...(all[`last:${module}`] !== undefined ? { last: Number(all[`last:${module}`]) } : {}),
    ...(passedAt ? { passedAt } : {}),
  };
}
