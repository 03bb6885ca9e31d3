import { learningMessages as lm, STATUS_LABELS } from "../catalog/assistant-learning.ts";
import { GROUP_LABELS } from "../knowledge/group-labels.ts";
import { moduleTitle } from "../knowledge/paths.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import type { ModuleProgress } from "../learning/progress-store.ts";
import type { Reply, ReplyOption } from "../messaging/message.ts";
import { act } from "./actions.ts";
import type { LearningContext } from "./learning-context.ts";

const BAR_CELLS = 5;
const ICONS = { dat: "✅", "dang-hoc": "📖", "chua-hoc": "⬜" } as const;

/** /tiendo: a bar per required module of the learner's group, the next step, and review. */
export async function progressReply(ctx: LearningContext, profile: LearnerProfile): Promise<Reply[]> {
  if (profile.step !== "ready" || !profile.group) return [{ text: lm.needOnboarding }];
  const path = ctx.curriculum.paths.groups[profile.group];
  const progress = await ctx.progress.modules(profile.id, path.required);
  const passed = path.required.filter((m) => progress.get(m)?.status === "dat").length;
  const lines = path.required.map((m) => progressLine(ctx, m, progress.get(m) as ModuleProgress));
  const next = nextStep(
    ctx,
    path.order.filter((m) => path.required.includes(m)),
    progress,
  );
  const due = await ctx.reviews.countDue(profile.id, ctx.now());
  const options: ReplyOption[] = [
    ...(next ? [next.option] : []),
    ...(due ? [{ label: lm.reviewDue(due), action: act("review") }] : []),
    profile.remind
      ? { label: lm.remindOff, action: act("remind", "off") }
      : { label: lm.remindOn, action: act("remind", "on") },
  ];
  const text = [
    lm.progressTitle(GROUP_LABELS[profile.group], passed, path.required.length),
    ...lines,
    next ? next.text : lm.allDone,
  ].join("\n");
  return [{ text, options }];
}

function progressLine(ctx: LearningContext, module: string, p: ModuleProgress): string {
  const total = lessonsOf(ctx, module).length;
  const filled =
    p.status === "dat"
      ? BAR_CELLS
      : Math.min(BAR_CELLS - 1, Math.round((p.lessonsRead.length / (total || 1)) * 4));
  const bar = "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled);
  const details = [
    ...(p.status !== "dat" && p.lessonsRead.length ? [lm.lessonsRead(p.lessonsRead.length, total)] : []),
    ...(p.best !== undefined ? [lm.bestScore(p.best)] : []),
    ...(p.known && p.status !== "dat" ? [lm.knownMark] : []),
  ];
  return lm.progressLine(
    ICONS[p.status],
    moduleTitle(ctx.curriculum, module),
    bar,
    STATUS_LABELS[p.status],
    details.join(", "),
  );
}

function lessonsOf(ctx: LearningContext, module: string): string[] {
  return [...ctx.curriculum.lessons.values()].filter((l) => l.module === module).map((l) => l.id);
}

/**
 * The next step on the path: the first module not passed and not already known (else the first known
 * one); in it, the first unread lesson, or its quiz when every lesson is read or the module is known.
 */
function nextStep(
  ctx: LearningContext,
  order: string[],
  progress: Map<string, ModuleProgress>,
): { text: string; option: ReplyOption } | null {
  const open = order.filter((m) => progress.get(m)?.status !== "dat");
  const module = open.find((m) => !progress.get(m)?.known) ?? open[0];
  if (!module) return null;
  const p = progress.get(module) as ModuleProgress;
  const unread = p.known ? undefined : lessonsOf(ctx, module).find((id) => !p.lessonsRead.includes(id));
  if (unread) {
    const title = ctx.curriculum.lessons.get(unread)?.title ?? unread;
    return {
      text: lm.nextRead(title),
      option: { label: `${lm.readLesson}: ${title}`, action: act("lesson", unread) },
    };
  }
  const title = moduleTitle(ctx.curriculum, module);
  return {
    text: lm.nextQuiz(title),
    option: { label: `${lm.takeQuiz}: ${title}`, action: act("quiz", module) },
  };
}

export async function setRemind(
  ctx: LearningContext,
  profile: LearnerProfile,
  on: boolean,
): Promise<Reply[]> {
  if (profile.step !== "ready") return [{ text: lm.needOnboarding }];
  await ctx.learners.setRemind(profile.id, on);
  return [{ text: on ? lm.remindEnabled : lm.remindDisabled }];
}
