import { messages } from "../catalog/assistant-common.ts";
import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import { GROUP_LABELS } from "../knowledge/group-labels.ts";
import { LEARNER_GROUPS, type LearnerGroup } from "../knowledge/schema.ts";
import { type LearnerProfile, type LearnerStore, parseToDanPho } from "../learning/learner-store.ts";
import type { Reply } from "../messaging/message.ts";
import { type Action, act } from "./actions.ts";
import { foldForMatch, isJustALink } from "./input.ts";
import { menuReply } from "./menus.ts";

export interface OnboardingDeps {
  learners: LearnerStore;
  wardName: string;
  now: () => Date;
  /** The ward's tổ dân phố (ward.yaml), offered as choices; empty → the learner types it. */
  tos?: readonly string[];
}

export function greetingReplies(wardName: string): Reply[] {
  return [{ text: messages.greeting(wardName) }, consentReply()];
}

function consentReply(prefix?: string): Reply {
  return {
    text: prefix ? `${prefix}\n${messages.consentQuestion}` : messages.consentQuestion,
    options: [
      { label: messages.consentYes, action: act("consent", "yes") },
      { label: messages.consentNo, action: act("consent", "no") },
    ],
  };
}

function groupReply(prefix?: string): Reply {
  return {
    text: prefix ? `${prefix}\n${messages.groupQuestion}` : messages.groupQuestion,
    options: LEARNER_GROUPS.map((group) => ({
      label: GROUP_LABELS[group],
      action: act("group", group),
    })),
  };
}

function toReply(tos: readonly string[], prefix?: string): Reply {
  return {
    text: prefix ? `${prefix}\n${messages.toQuestion}` : messages.toQuestion,
    // "5" typed here is Tổ 5 on every channel, never the fifth option.
    typedAnswer: true,
    options: [
      ...tos.map((to, i) => ({ label: to, action: act("to", String(i)) })),
      { label: messages.toSkip, action: act("to-skip") },
    ],
  };
}

/** A typed way of declining the tổ question ("bỏ qua", "không muốn trả lời"), on folded text. */
const SKIP_WORDS = /^(bo qua|bo|skip|khong|ko|k|khong muon|khong muon tra loi|khong tra loi|thoi)$/;

/** The tổ a learner chose or typed; with a ward list, only one of its tổ (matched without accents or case). */
function chosenTo(tos: readonly string[], input: { text?: string; action?: Action | null }): string | null {
  if (input.action?.kind === "to") return tos[Number(input.action.arg)] ?? null;
  // A pasted link is never taken for a tổ ("abc.com.vn" would pass as a name).
  const typed = input.text && !isJustALink(input.text) ? parseToDanPho(input.text) : null;
  if (!typed || !tos.length) return typed;
  return tos.find((to) => foldForMatch(to) === foldForMatch(typed)) ?? null;
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
  const tos = deps.tos ?? [];
  const action = input.action;
  switch (profile.step) {
    case "consent": {
      const answer = action?.kind === "consent" ? action.arg : input.text ? typedConsent(input.text) : null;
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
      const group = action?.kind === "group" ? action.arg : input.text ? typedGroup(input.text) : null;
      if (!group) return [groupReply(messages.pleaseChoose)];
      await learners.setGroup(profile.id, group);
      return [toReply(tos)];
    }
    case "to": {
      if (action?.kind === "to-skip" || (input.text && SKIP_WORDS.test(foldForMatch(input.text))))
        await learners.setTo(profile.id, undefined);
      else {
        const to = chosenTo(tos, input);
        if (!to) return [toReply(tos, messages.toInvalid)];
        await learners.setTo(profile.id, to);
      }
      return [modeReply()];
    }
    case "mode": {
      const answer = action?.kind === "mode" ? action.arg : input.text ? typedConsent(input.text) : null;
      if (!answer) return [modeReply(messages.pleaseChoose)];
      const elderly = answer === "elderly" || answer === "yes";
      await learners.setMode(profile.id, elderly);
      return finish(profile);
    }
    default:
      return null;
  }
}

function modeReply(prefix?: string): Reply {
  return {
    text: prefix ? `${prefix}\n${lm.modeQuestion}` : lm.modeQuestion,
    options: [
      { label: lm.modeElderly, action: act("mode", "elderly") },
      { label: lm.modeNormal, action: act("mode", "normal") },
    ],
  };
}

/** The end of onboarding: what was recorded, the menu, and an optional placement quiz. */
function finish(profile: LearnerProfile): Reply[] {
  const group = profile.group ? GROUP_LABELS[profile.group] : "";
  const menu = menuReply(messages.onboarded(group, profile.to));
  return [
    { ...menu, options: [...(menu.options ?? []), { label: lm.placementOffer, action: act("place") }] },
  ];
}

/** Starts (or restarts) onboarding from the greeting. */
export async function restartOnboarding(deps: OnboardingDeps, id: string): Promise<Reply[]> {
  const existing = await deps.learners.get(id);
  if (!existing) await deps.learners.start(id, deps.now());
  else await deps.learners.setStep(id, "consent");
  return greetingReplies(deps.wardName);
}
