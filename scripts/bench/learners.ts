/** Synthetic learners written the way LearnerStore and ProgressStore store them (same keys and fields). */
import { LEARNER_GROUPS } from "../../src/knowledge/schema.ts";
import type { Store } from "../../src/storage/store.ts";

const GROUPS = LEARNER_GROUPS;

/** A ready (fully onboarded) learner's profile hash, set membership and a small progress hash. */
export async function writeLearner(store: Store, id: string, i: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await Promise.all([
    store.hset(`learner:${id}`, {
      step: "ready",
      createdAt: at,
      consentAt: at,
      group: GROUPS[i % GROUPS.length] as string,
      to: `Tổ ${(i % 40) + 1}`,
      mode: i % 4 === 0 ? "elderly" : "normal",
    }),
    store.sadd("learners:all", id),
    store.hset(`progress:${id}`, {
      "read:vneid/kich-hoat": at,
      "best:vneid": "0.8",
      "last:vneid": "0.8",
      "attempts:vneid": "1",
    }),
  ]);
}

/** Writes learners `from`..`to-1` with ids `<channel>:<base + i>`, `batch` at a time (one group commit each). */
export async function writeLearners(
  store: Store,
  options: {
    count: number;
    batch: number;
    base?: number;
    channel?: string;
    onBatch?: (done: number) => void;
  },
): Promise<string[]> {
  const now = new Date();
  const ids: string[] = [];
  const base = options.base ?? 7_000_000_000;
  for (let start = 0; start < options.count; start += options.batch) {
    const end = Math.min(options.count, start + options.batch);
    const writes: Promise<void>[] = [];
    for (let i = start; i < end; i++) {
      const id = `${options.channel ?? "telegram"}:${base + i}`;
      ids.push(id);
      writes.push(writeLearner(store, id, i, now));
    }
    await Promise.all(writes);
    options.onBatch?.(end);
  }
  return ids;
}
