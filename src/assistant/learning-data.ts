import { ConsultationWindow } from "../learning/consultation-window.ts";
import type { PersonalDataPart } from "../learning/personal-data.ts";
import { PushSubscriptions } from "../learning/push-subscriptions.ts";
import { Reachability } from "../learning/reachability.ts";
import { parseAccount } from "../messaging/account.ts";
import { FollowUps } from "./follow-ups.ts";
import type { LearningContext } from "./learning-context.ts";

/** The personal data the learning features keep, as export/erase parts. */
export function learningDataParts(ctx: LearningContext): PersonalDataPart[] {
  const reachability = new Reachability(ctx.store);
  const subscriptions = new PushSubscriptions(ctx.store);
  const oaWindow = new ConsultationWindow(ctx.store);
  return [
    {
      name: "hoSo",
      export: (id) => ctx.learners.raw(id),
      erase: (id) => ctx.learners.erase(id),
    },
    {
      name: "taiKhoan",
      export: async (_id, accounts) => accounts,
      erase: async (id, accounts) => {
        for (const account of accounts) {
          const { channel, userId } = parseAccount(account);
          await reachability.markReachable(channel, userId);
          if (channel === "web") await subscriptions.remove(userId);
          if (channel === "zalo-oa") await oaWindow.close(userId);
        }
        await ctx.identities.forget(id);
      },
    },
    {
      name: "tienDo",
      export: (id) => ctx.progress.raw(id),
      erase: (id) => ctx.progress.erase(id),
    },
    {
      name: "baiKiemTraDangLam",
      export: async (id) => (await ctx.quizzes.open(id)) ?? {},
      erase: (id) => ctx.quizzes.close(id),
    },
    {
      name: "onTap",
      export: (id) => ctx.reviews.scheduled(id),
      erase: (id) => ctx.reviews.erase(id),
    },
    {
      name: "chungNhan",
      export: async (id) => (await ctx.certificates.ofPerson(id)) ?? {},
      erase: (id) => ctx.certificates.erase(id),
    },
    {
      name: "buocDangXem",
      export: async () => ({}),
      erase: async (id) => {
        await ctx.store.del(`more:${id}`);
        await new FollowUps(ctx.store).forget(id);
      },
    },
  ];
}
