import { LEARNER_GROUPS, type LearnerGroup } from "../knowledge/schema.ts";
import { type LearnerProfile, type LearnerStore, parseToDanPho } from "../learning/learner-store.ts";
import { type Action, encodeAction } from "./actions.ts";
import { foldForMatch } from "./input.ts";
import { menuReply } from "./menus.ts";
import { GROUP_LABELS, messages } from "./messages.ts";
import type { Reply } from "./types.ts";

export interface OnboardingDeps {
  learners: LearnerStore;
  wardName: string;
  now: () => Date;
}

export function greetingReplies(wardName: string): Reply[] {
  return [{ text: messages.greeting(wardName) }, consentReply()];
}

function consentReply(prefix?: string): Reply {
  return {
    text: prefix ? `${prefix}\n${messages.consentQuestion}` : messages.consentQuestion,
    options: [
      { label: messages.consentYes, action: encodeAction({ kind: "consent", answer: "yes" }) },
      { label: messages.consentNo, action: encodeAction({ kind: "consent", answer: "no" }) },
    ],
  };
}

function groupReply(prefix?: string): Reply {
  return {
    text: prefix ? `${prefix}\n${messages.groupQuestion}` : messages.groupQuestion,
    options: LEARNER_GROUPS.map((group) => ({
      label: GROUP_LABELS[group],
      action: encodeAction({ kind: "group", group }),
    })),
  };
}

function toReply(prefix?: string): Reply {
  return {
    text: prefix ? `${prefix}\n${messages.toQuestion}` : messages.toQuestion,
    options: [{ label: messages.toSkip, action: encodeAction({ kind: "to-skip" }) }],
  };
}

/** Understands typed answers too ("dong y", "co", "hoc sinh"), for people who type instead of tapping. */
function typedConsent(text: string): "yes" | "no" | null {
  const folded = foldForMatch(text);
  if (/^(dong y|co|ok|oke|yes|u|uh|vang|da|dong y a|co a)$/.test(folded)) return "yes";
  if (/^(khong|ko|k|no|khong dong y|hong|khum)$/.test(folded)) return "no";
  return null;
}

function typedGroup(text: string): LearnerGroup | null {
  const folded = foldForMatch(text);
  if (/(can bo|cong chuc|vien chuc)/.test(folded)) return "can-bo";
  if (/hoc sinh/.test(folded)) return "hoc-sinh";
  if (/(lao dong|doanh nghiep|htx|hop tac xa|cong nhan)/.test(folded)) return "lao-dong";
  if (/(nguoi dan|nguoi cao tuoi|dan thuong)/.test(folded)) return "nguoi-dan";
  return null;
}

/**
 * Moves a learner through consent → group → tổ dân phố. Returns the replies, or null when the learner
 * is past onboarding and the turn belongs elsewhere.
 */
export async function continueOnboarding(
  deps: OnboardingDeps,
  profile: LearnerProfile,
  input: { text?: string; action?: Action | null },
): Promise<Reply[] | null> {
  const { learners } = deps;
  const action = input.action;
  switch (profile.step) {
    case "consent": {
      const answer =
        action?.kind === "consent" ? action.answer : input.text ? typedConsent(input.text) : null;
      if (answer === "yes") {
        await learners.giveConsent(profile.id, deps.now());
        return [groupReply()];
      }
      if (answer === "no") {
        await learners.declineConsent(profile.id, deps.now());
        return [menuReply(messages.consentDeclined)];
      }
      return [consentReply(messages.pleaseChoose)];
    }
    case "group": {
      const group = action?.kind === "group" ? action.group : input.text ? typedGroup(input.text) : null;
      if (!group) return [groupReply(messages.pleaseChoose)];
      await learners.setGroup(profile.id, group);
      return [toReply()];
    }
    case "to": {
      if (action?.kind === "to-skip") return finish(deps, profile, undefined);
      const to = input.text ? parseToDanPho(input.text) : null;
      if (!to) return [toReply(messages.toInvalid)];
      return finish(deps, profile, to);
    }
    default:
      return null;
  }
}

async function finish(
  deps: OnboardingDeps,
  profile: LearnerProfile,
  to: string | undefined,
): Promise<Reply[]> {
  await deps.learners.setTo(profile.id, to);
  const group = profile.group ? GROUP_LABELS[profile.group] : "";
  return [menuReply(messages.onboarded(group, to))];
}

/** Starts (or restarts) onboarding from the greeting. */
export async function restartOnboarding(deps: OnboardingDeps, id: string): Promise<Reply[]> {
  const existing = await deps.learners.get(id);
  if (!existing) await deps.learners.start(id, deps.now());
  else await deps.learners.setStep(id, "consent");
  return greetingReplies(deps.wardName);
}
