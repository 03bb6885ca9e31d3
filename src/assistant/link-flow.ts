import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import { FailedAttempts } from "../learning/failed-attempts.ts";
import { accountOf } from "../messaging/account.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import type { LearningContext } from "./learning-context.ts";

/** Wrong link codes an account may type in 15 minutes, and all accounts together. */
const LINK_TRIES_PER_ACCOUNT = 5;
const LINK_TRIES_OVERALL = 100;

/**
 * /lienket without a code gives a one-time code; /lienket <code> on another phone's web chat, Telegram or
 * Zalo joins that account to the person who asked for the code. What that account had learned on its own
 * is merged in, not lost. A web session costs nothing to make, so the overall counter is what bounds
 * guessing there.
 */
export async function linkReply(
  ctx: LearningContext,
  inbound: Inbound,
  personId: string,
  args: string,
): Promise<Reply[]> {
  if (inbound.channel === "cli") return [{ text: lm.linkNotHere }];
  const code = args.replace(/\s/g, "");
  if (!code) return [{ text: lm.linkCode(await ctx.identities.createLinkCode(personId)) }];
  const account = accountOf(inbound.channel, inbound.userId);
  const perAccount = new FailedAttempts(ctx.store, "link", LINK_TRIES_PER_ACCOUNT);
  const everyone = new FailedAttempts(ctx.store, "link", LINK_TRIES_OVERALL);
  if ((await perAccount.locked(account)) || (await everyone.locked("*"))) return [{ text: lm.linkLocked }];
  const target = /^\d{8}$/.test(code)
    ? await ctx.identities.redeemLinkCode(inbound.channel, inbound.userId, code)
    : null;
  if (!target) {
    await perAccount.fail(account);
    await everyone.fail("*");
    return [{ text: lm.linkInvalid }];
  }
  await perAccount.clear(account);
  if (target !== personId) await mergeInto(ctx, personId, target);
  return [{ text: lm.linked }];
}

/** Moves one person's learning record into another's: reads, passes and best scores are kept. */
async function mergeInto(ctx: LearningContext, from: string, into: string): Promise<void> {
  await ctx.progress.mergeInto(from, into);
  for (const [qid] of Object.entries(await ctx.reviews.scheduled(from))) {
    await ctx.reviews.answeredWrong(into, qid, ctx.now());
  }
  await ctx.certificates.transfer(from, into);
  await ctx.progress.erase(from);
  await ctx.reviews.erase(from);
  await ctx.quizzes.close(from);
  await ctx.learners.erase(from);
}
