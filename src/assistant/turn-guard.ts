import type { Logger } from "pino";
import { messages } from "../catalog/assistant-common.ts";
import { accountOf } from "../messaging/account.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import { errorCode } from "../shared/app-error.ts";
import { FloodGuard } from "../shared/flood-guard.ts";
import { metrics } from "../shared/metrics.ts";
import { StoreUnavailableError } from "../storage/store.ts";

export interface TurnGuardDeps {
  logger: Logger;
  /** Typed messages a person may send per minute before being asked to slow down (0 or absent: no limit). */
  floodPerMinute?: number;
  now: () => Date;
}

/**
 * Wraps the turn logic: one turn at a time per account (in arrival order), a flood of typed messages asked
 * to slow down, every turn counted and timed, and any failure turned into a polite reply (never a throw).
 */
export function guardTurns(
  turn: (inbound: Inbound) => Promise<Reply[]>,
  deps: TurnGuardDeps,
): (inbound: Inbound) => Promise<Reply[]> {
  const flood = deps.floodPerMinute
    ? new FloodGuard(deps.floodPerMinute, 60_000, () => deps.now().getTime())
    : null;
  const queues = new Map<string, Promise<unknown>>();

  async function safeTurn(inbound: Inbound): Promise<Reply[]> {
    // Typed text only: button taps are bounded by the buttons shown (a quiz can be tapped through quickly).
    const typed = inbound.action === undefined;
    const verdict = flood && typed ? flood.check(accountOf(inbound.channel, inbound.userId)) : "ok";
    if (verdict !== "ok") {
      metrics.floodLimited.inc({ kind: "person" });
      deps.logger.warn({ channel: inbound.channel, verdict }, "flood limit");
      return verdict === "slow-down" ? [{ text: messages.slowDown }] : [];
    }
    const started = performance.now();
    try {
      const replies = await turn(inbound);
      const ms = performance.now() - started;
      metrics.turns.inc({ channel: inbound.channel });
      metrics.turnSeconds.observe({ channel: inbound.channel }, ms / 1000);
      deps.logger.debug({ channel: inbound.channel, ms: Math.round(ms) }, "turn");
      return replies;
    } catch (error) {
      const code = errorCode(error);
      deps.logger.error({ channel: inbound.channel, code, err: errorSummary(error) }, "turn failed");
      const storeDown = error instanceof StoreUnavailableError;
      (storeDown ? metrics.storeErrors : metrics.turnErrors).inc();
      return [{ text: storeDown ? messages.storeBusy : messages.internalError }];
    }
  }

  return async (inbound) => {
    const key = accountOf(inbound.channel, inbound.userId);
    const previous = queues.get(key) ?? Promise.resolve();
    const current = previous.then(() => safeTurn(inbound));
    queues.set(key, current);
    try {
      return await current;
    } finally {
      if (queues.get(key) === current) queues.delete(key);
    }
  };
}

/** Error details safe to log: type and stack frames, never the message text of a user. */
function errorSummary(error: unknown): { type: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  return {
    type: error.name,
    ...(error.stack ? { stack: error.stack.split("\n").slice(1, 6).join("\n") } : {}),
  };
}
