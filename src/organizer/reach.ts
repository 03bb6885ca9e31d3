import { ConsultationWindow } from "../learning/consultation-window.ts";
import { Identities } from "../learning/identity.ts";
import { PushSubscriptions } from "../learning/push-subscriptions.ts";
import { Reachability } from "../learning/reachability.ts";
import { parseAccount } from "../messaging/account.ts";
import type { Channel } from "../messaging/message.ts";
import type { Store } from "../storage/store.ts";

/** Why a recipient will not get a notice. */
export type UnreachableReason =
  /** Only on the web chat, and never turned notices on (or the browser's subscription expired). */
  | "noPush"
  /** Only on the ward's Zalo OA, and their last message there is more than 48 hours old. */
  | "outsideWindow"
  /** Blocked the bot or left on every app they use. */
  | "blocked"
  /** Only on a channel this server does not send on (the terminal chat, an app without its token). */
  | "noChannel";

export interface ReachReport {
  reachable: number;
  unreachable: Record<UnreachableReason, number>;
}

export const emptyReach = (): ReachReport => ({
  reachable: 0,
  unreachable: { noPush: 0, outsideWindow: 0, blocked: 0, noChannel: 0 },
});

export const unreachableTotal = (report: ReachReport) =>
  report.unreachable.noPush +
  report.unreachable.outsideWindow +
  report.unreachable.blocked +
  report.unreachable.noChannel;

/**
 * Counts, before sending, who of a list of people a notice can reach, by the same rule the broadcast worker
 * follows: an account on a channel that can push, not marked unreachable, on the web with a push
 * subscription, and on the Zalo OA within the 48-hour consultation window.
 */
export class Reach {
  private readonly identities: Identities;
  private readonly reachability: Reachability;
  private readonly subscriptions: PushSubscriptions;
  private readonly oaWindow: ConsultationWindow;

  constructor(
    store: Store,
    /** Channels with a sender (set by the composition root). */
    private readonly channels: () => readonly Channel[],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.identities = new Identities(store);
    this.reachability = new Reachability(store);
    this.subscriptions = new PushSubscriptions(store);
    this.oaWindow = new ConsultationWindow(store);
  }

  private async account(account: string): Promise<UnreachableReason | "ok"> {
    const { channel, userId } = parseAccount(account);
    if (!this.channels().includes(channel)) return "noChannel";
    if (channel === "web" && !(await this.subscriptions.has(userId))) return "noPush";
    if (!(await this.reachability.isReachable(channel, userId))) return "blocked";
    if (channel === "zalo-oa" && !(await this.oaWindow.isOpen(userId, this.now()))) return "outsideWindow";
    return "ok";
  }

  /** The reach of these people (checked together, so a page of an audience costs a few round trips). */
  async of(personIds: readonly string[], into: ReachReport = emptyReach()): Promise<ReachReport> {
    const outcomes = await Promise.all([...new Set(personIds)].map((personId) => this.person(personId)));
    for (const outcome of outcomes) {
      if (outcome === "ok") into.reachable++;
      else into.unreachable[outcome]++;
    }
    return into;
  }

  private async person(personId: string): Promise<UnreachableReason | "ok"> {
    const found = new Set<UnreachableReason | "ok">();
    for (const account of await this.identities.accountsOf(personId)) {
      found.add(await this.account(account));
      if (found.has("ok")) return "ok";
    }
    if (found.has("noPush")) return "noPush";
    if (found.has("outsideWindow")) return "outsideWindow";
    return found.has("blocked") ? "blocked" : "noChannel";
  }
}
