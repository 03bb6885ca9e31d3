import type { Logger } from "pino";
import type { Identities } from "../learning/identity.ts";
import type { Reachability } from "../learning/reachability.ts";
import { accountOf, parseAccount } from "../messaging/account.ts";
import type { Channel, Reply } from "../messaging/message.ts";
import type { ChannelSender } from "../messaging/sender.ts";
import { metrics } from "../shared/metrics.ts";
import { inQuietHours } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import { nextMorning } from "./datetime.ts";
import type { BroadcastRecord, DeliveryState, Outbox } from "./outbox.ts";
import type { Pacer } from "./paced-sender.ts";

/**
 * Sends in flight at once. Each send writes the recipient's state before and after it (fsynced on the
 * embedded store), so fewer workers leave the pacer idle on a slow disk; a crash leaves at most this many
 * sends "ambiguous".
 */
export const DEFAULT_CONCURRENCY = 8;

export interface BroadcastWorkerDeps {
  store: Store;
  outbox: Outbox;
  identities: Identities;
  reachability: Reachability;
  /** Channels that can push messages (web sessions cannot). */
  senders: Partial<Record<Channel, ChannelSender>>;
  pacer: Pacer;
  logger: Logger;
  now?: () => Date;
  /** Sends in flight at once (the pacer still sets the rate). Default 4. */
  concurrency?: number;
  /** Lease of one broadcast, renewed while sending. Default 30 s. */
  leaseMs?: number;
  /** 429 answers tolerated for one recipient before the send counts as failed. Default 8. */
  maxRateLimited?: number;
}

type Ending = "complete" | "cancelled" | "quiet" | "stopped" | "lease-lost";

/** What every step of the worker reads: its dependencies, clock, lease length and whether it is stopping. */
interface Worker {
  deps: BroadcastWorkerDeps;
  now: () => Date;
  leaseMs: number;
  stopping: () => boolean;
}

/**
 * Delivers due broadcasts from the outbox. One instance holds a broadcast's lease while sending; each
 * recipient is marked "sending" before and its outcome after the send, so a crash leaves at most the
 * in-flight sends ambiguous (reported, never resent) and every pending recipient is resumed.
 */
export function createBroadcastWorker(deps: BroadcastWorkerDeps) {
  let stopping = false;
  const worker: Worker = {
    deps,
    now: deps.now ?? (() => new Date()),
    leaseMs: deps.leaseMs ?? 30_000,
    stopping: () => stopping,
  };
  return {
    /** Sends every due broadcast this instance can lease; resolves when they ended or paused. */
    async runOnce(): Promise<void> {
      for (const id of await deps.outbox.due(worker.now())) {
        if (stopping) return;
        await processBroadcast(worker, id);
      }
    },
    /** Stops before the next message; recipients not yet sent stay pending for the next run. */
    stop(): void {
      stopping = true;
    },
  };
}

/** One broadcast under its lease: resume its recipients, send, then finish it or postpone it to the morning. */
async function processBroadcast(w: Worker, id: string): Promise<void> {
  const { outbox, store } = w.deps;
  const lease = await store.acquireLease(`bc-send:${id}`, w.leaseMs);
  if (!lease) return; // another instance is sending it
  let ending: Ending = "stopped";
  try {
    const record = await outbox.get(id);
    if (!record || record.status === "done") return void (await outbox.forgetDue(id));
    if (record.status === "cancelled") return void (await outbox.finish(id, "cancelled"));
    if (!record.urgent && inQuietHours(w.now())) return await outbox.postpone(id, nextMorning(w.now()));
    const states = Object.entries(await outbox.states(id));
    for (const [personId, state] of states)
      if (state === "sending") await outbox.setState(id, personId, "ambiguous");
    if (record.status === "scheduled") await outbox.setStatus(id, "sending");
    const pending = states.filter(([, s]) => s === "pending").map(([p]) => p);
    ending = await sendAll(w, record, pending, lease);
    if (ending === "complete" || ending === "cancelled") {
      const counts = await outbox.finish(id, ending === "complete" ? "done" : "cancelled");
      w.deps.logger.info({ broadcast: id, ending, ...counts }, "broadcast ended");
    } else if (ending === "quiet") await outbox.postpone(id, nextMorning(w.now()));
  } finally {
    if (ending !== "lease-lost") await store.releaseLease(`bc-send:${id}`, lease);
  }
}

/** Sends to the pending recipients with `concurrency` workers, each checking the gate before every send. */
async function sendAll(
  w: Worker,
  record: BroadcastRecord,
  pending: string[],
  lease: string,
): Promise<Ending> {
  const { outbox, store } = w.deps;
  let next = 0;
  let ending: Ending | null = null;
  let renewedAt = Date.now();
  const gate = async (): Promise<boolean> => {
    if (ending) return false;
    if (w.stopping()) ending = "stopped";
    else if (Date.now() - renewedAt > w.leaseMs / 3) {
      renewedAt = Date.now();
      if (!(await store.renewLease(`bc-send:${record.id}`, lease, w.leaseMs))) ending = "lease-lost";
    }
    if (!ending && (await outbox.isCancelled(record.id))) ending = "cancelled";
    if (!ending && !record.urgent && inQuietHours(w.now())) ending = "quiet";
    return !ending;
  };
  const work = async () => {
    // Check for work again after the gate: another worker may have taken the last recipient meanwhile.
    while (next < pending.length && (await gate()) && next < pending.length) {
      const personId = pending[next++] as string;
      const state = await deliver(w, record, personId);
      if (state) await outbox.setState(record.id, personId, state);
      if (state) metrics.broadcastMessages.inc({ result: state });
    }
  };
  await Promise.all(Array.from({ length: w.deps.concurrency ?? DEFAULT_CONCURRENCY }, work));
  return ending ?? "complete";
}

/** Sends to the first reachable account; null when stopped while waiting out a 429 (still pending). */
async function deliver(w: Worker, record: BroadcastRecord, personId: string): Promise<DeliveryState | null> {
  const { deps } = w;
  const accounts = await reachableAccounts(deps, personId);
  if (!accounts.length) return "unreachable";
  const replies: Reply[] = [
    { text: record.text, ...(record.options?.length ? { options: record.options } : {}) },
  ];
  await deps.outbox.setState(record.id, personId, "sending");
  let unreachable: DeliveryState = "unreachable";
  for (const { channel, userId } of accounts) {
    for (let limited = 0; ; limited++) {
      await deps.pacer.acquire(accountOf(channel, userId));
      const outcome = await (deps.senders[channel] as ChannelSender).send(userId, replies);
      if (outcome.status === "sent") return "sent";
      if (outcome.status === "failed") return "failed";
      if (outcome.status === "unreachable") {
        if (outcome.reason === "outsideWindow") unreachable = "outsideWindow";
        break;
      }
      deps.pacer.pause(outcome.retryAfterMs);
      if (limited >= (deps.maxRateLimited ?? 8)) return "failed";
      // Not delivered: back to pending while waiting, so a crash now is not counted as ambiguous.
      await deps.outbox.setState(record.id, personId, "pending");
      if (w.stopping()) return null;
      await deps.outbox.setState(record.id, personId, "sending");
    }
  }
  return unreachable;
}

/** The person's accounts on channels that can push, that have not blocked us. */
async function reachableAccounts(
  deps: BroadcastWorkerDeps,
  personId: string,
): Promise<{ channel: Channel; userId: string }[]> {
  const out: { channel: Channel; userId: string }[] = [];
  for (const account of await deps.identities.accountsOf(personId)) {
    const { channel, userId } = parseAccount(account);
    if (deps.senders[channel] && (await deps.reachability.isReachable(channel, userId)))
      out.push({ channel, userId });
  }
  return out;
}
