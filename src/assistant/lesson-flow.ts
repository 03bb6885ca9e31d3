import type { LearnerProfile } from "../learning/learner-store.ts";
import type { Reply } from "../messaging/message.ts";
import type { LearningContext } from "./learning-context.ts";
import { lessonReply } from "./menus.ts";

/** A lesson, marked read for a registered learner; a guest (or a group chat) reads it with nothing recorded. */
export async function openLesson(
  scope: { ctx: LearningContext; profile: LearnerProfile },
  id: string,
): Promise<Reply[]> {
  const { ctx, profile } = scope;
  if (profile.step === "ready" && ctx.curriculum.lessons.has(id))
    await ctx.progress.markRead(profile.id, id, ctx.now());
  return [lessonReply(ctx.curriculum, id)];
}
