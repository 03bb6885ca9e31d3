import type { LearnerGroup } from "../../src/knowledge/schema.ts";
import { writeLearnersInBulk } from "../../src/learning/bulk-learners.ts";
import { Certificates } from "../../src/learning/certificates.ts";
import type { Reply } from "../../src/messaging/message.ts";
import type { ChannelSender, SendOutcome } from "../../src/messaging/sender.ts";
import { createOrganizerServices, type OrganizerServices } from "../../src/organizer/organizer.ts";
import { createOrganizerRuntime, type OrganizerRuntimeDeps } from "../../src/organizer/runtime.ts";
import type { Store } from "../../src/storage/store.ts";
import { silentLogger } from "../helpers/core.ts";
import { testWard } from "../helpers/ward.ts";

/** A virtual clock: sleeping advances it at once, so paced sends take no real time. */
export function fakeClock(iso: string) {
  let t = new Date(iso).getTime();
  const sleepers: { target: number; resolve: () => void }[] = [];
  let pumping = false;
  // Wakes sleepers one at a time, earliest first, moving the clock to each one's target.
  const pump = () => {
    pumping = false;
    sleepers.sort((a, b) => a.target - b.target);
    const next = sleepers.shift();
    if (!next) return;
    t = Math.max(t, next.target);
    next.resolve();
    if (sleepers.length) {
      pumping = true;
      setImmediate(pump);
    }
  };
  return {
    now: () => new Date(t),
    clock: () => t,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleepers.push({ target: t + ms, resolve });
        if (!pumping) {
          pumping = true;
          setImmediate(pump);
        }
      }),
    set: (at: string | Date) => {
      t = new Date(at).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}
export type FakeClock = ReturnType<typeof fakeClock>;

/** Records every send; `outcome` decides what each attempt answers (default: sent). */
export function recordingSender(
  outcome?: (userId: string, attempt: number) => SendOutcome,
  onSend?: () => void,
) {
  const sent: { userId: string; replies: Reply[] }[] = [];
  const attempts = new Map<string, number>();
  const sender: ChannelSender = {
    async send(userId, replies) {
      const n = (attempts.get(userId) ?? 0) + 1;
      attempts.set(userId, n);
      onSend?.();
      const result = outcome?.(userId, n) ?? { status: "sent" };
      if (result.status === "sent") sent.push({ userId, replies });
      return result;
    },
  };
  const counts = () => {
    const byUser = new Map<string, number>();
    for (const s of sent) byUser.set(s.userId, (byUser.get(s.userId) ?? 0) + 1);
    return byUser;
  };
  return { sender, sent, attempts, counts };
}

/** Registered learners (consent given, ready), written the way the learner stores write them: `telegram:<prefix><i>`. */
export async function seedLearners(
  store: Store,
  count: number,
  options: { prefix?: string; to?: string; group?: LearnerGroup; channel?: string } = {},
): Promise<string[]> {
  const ids = Array.from(
    { length: count },
    (_, i) => `${options.channel ?? "telegram"}:${options.prefix ?? "u"}${i}`,
  );
  for (let i = 0; i < ids.length; i += 500)
    await writeLearnersInBulk(
      store,
      ids.slice(i, i + 500).map((id) => ({
        id,
        group: options.group ?? "nguoi-dan",
        consentAt: "2026-01-01T00:00:00Z",
        ...(options.to ? { to: options.to } : {}),
      })),
    );
  return ids;
}

export function testOrganizer(store: Store, adminIds: string[] = []): OrganizerServices {
  return createOrganizerServices({
    ward: testWard,
    store,
    adminIds,
    certificates: new Certificates(store, "test-secret"),
  });
}

export function testRuntime(
  org: OrganizerServices,
  senders: OrganizerRuntimeDeps["senders"],
  clock: FakeClock,
  extra: Partial<OrganizerRuntimeDeps> = {},
) {
  return createOrganizerRuntime({
    org,
    senders,
    logger: silentLogger,
    ratePerSecond: 25,
    chatSpacingMs: 1000,
    reminder: (record, hours) => ({ text: `nhắc ${hours}h ${record.topic}` }),
    concurrency: 8,
    now: clock.now,
    clock: clock.clock,
    sleep: clock.sleep,
    ...extra,
  });
}

/** The real assistant over `store` with these admins and the organizer services shared with a runtime. */
export async function organizerAssistant(store: Store, org: OrganizerServices, now: () => Date) {
  const { createAssistant } = await import("../../src/assistant/assistant.ts");
  const { createExtractiveTutor } = await import("../../src/tutor/extractive-tutor.ts");
  const { testCurriculum, testIndex } = await import("../helpers/core.ts");
  return createAssistant({
    store,
    curriculum: await testCurriculum(),
    tutor: createExtractiveTutor({ index: await testIndex() }),
    wardName: "phường Thử Nghiệm",
    logger: silentLogger,
    certSecret: "test-secret",
    organizer: org,
    now,
  });
}
