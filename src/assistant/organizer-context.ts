import type { Logger } from "pino";
import { organizerMessages as om } from "../catalog/assistant-organizer.ts";
import { GROUP_LABELS } from "../knowledge/group-labels.ts";
import { LEARNER_GROUPS, type LearnerGroup } from "../knowledge/schema.ts";
import type { PersonalDataPart } from "../learning/personal-data.ts";
import { accountOf } from "../messaging/account.ts";
import { typedChoice as pickTyped } from "../messaging/choice.ts";
import type { Inbound, Reply, ReplyOption } from "../messaging/message.ts";
import type { Audience } from "../organizer/audience.ts";
import type { OrganizerServices } from "../organizer/organizer.ts";
import type { Organizer } from "../organizer/roles.ts";
import type { Store } from "../storage/store.ts";
import { act } from "./actions.ts";
import type { LearningContext } from "./learning-context.ts";

/** One organizer-side turn's facts. */
export interface OrgScope {
  ctx: LearningContext;
  org: OrganizerServices;
  inbound: Inbound;
  personId: string;
  logger: Logger;
}

/** What the person sent into an open dialogue: typed text and/or an option chosen. */
export interface DialogueInput {
  text: string;
  /** The text before the 2,000-character cut (notices may be longer). */
  longText: string;
  choice?: string;
}

export interface ClassDraft {
  topic?: string;
  module?: string;
  startsAt?: string;
  endsAt?: string;
  place?: string;
  tos?: string[];
  group?: LearnerGroup;
  capacity?: number;
}
export interface NoticeDraft {
  text?: string;
  audience?: Audience;
  sendAt?: string;
}

export type Dialogue =
  | {
      kind: "class";
      step: "topic" | "when" | "place" | "to" | "group" | "capacity" | "confirm";
      data: ClassDraft;
    }
  | {
      kind: "notice";
      step: "text" | "audience" | "to" | "group" | "module" | "when" | "confirm";
      data: NoticeDraft;
    }
  | { kind: "checkin"; step: "code"; data: Record<string, never> };

const dialogueKey = (personId: string) => `dlg:${personId}`;
const DIALOGUE_TTL_MS = 2 * 86_400_000;

/** Erasure: an organizer's open dialogue (a notice or class being written) goes with their data. */
export function dialogueDataPart(store: Store): PersonalDataPart {
  return {
    name: "hoiThoaiDangMo",
    export: async () => ({}),
    erase: async (personId) => {
      await store.del(dialogueKey(personId));
    },
  };
}

/** The open dialogue kept in storage (so it survives restarts); expires after two days. */
export async function loadDialogue(scope: OrgScope): Promise<Dialogue | null> {
  const raw = await scope.org.store.get(dialogueKey(scope.personId));
  return raw ? (JSON.parse(raw) as Dialogue) : null;
}

export async function saveDialogue(scope: OrgScope, dialogue: Dialogue): Promise<void> {
  await scope.org.store.set(dialogueKey(scope.personId), JSON.stringify(dialogue), {
    ttlMs: DIALOGUE_TTL_MS,
  });
}

export async function endDialogue(scope: OrgScope): Promise<void> {
  await scope.org.store.del(dialogueKey(scope.personId));
}

/**
 * The person's role as the account writing now may use it: admins by their own account (ADMIN_IDS), organizers
 * from an account the role was granted to (not one linked to the person afterwards).
 */
export async function organizerOf(scope: OrgScope): Promise<Organizer | null> {
  const acting = accountOf(scope.inbound.channel, scope.inbound.userId);
  const accounts = await scope.ctx.identities.accountsOf(scope.personId);
  return scope.org.roles.of(scope.personId, [...accounts, acting], acting);
}

/** The polite refusal, with a log line that names the command but no person. */
export function refuse(scope: OrgScope, command: string): Reply[] {
  scope.logger.warn({ channel: scope.inbound.channel, command }, "organizer command refused");
  return [{ text: om.notOrganizer(accountOf(scope.inbound.channel, scope.inbound.userId)) }];
}

export const dlg = (arg: string, label: string): ReplyOption => ({ label, action: act("dlg", arg) });

/** A typed "2" picks the second option of a step, like tapping it. */
export function typedChoice(input: DialogueInput, options: ReplyOption[]): string | undefined {
  if (input.choice) return input.choice;
  const action = pickTyped(input.text, options);
  return action?.startsWith("v1:dlg:") ? action.slice(7) : undefined;
}

export function moduleOptions(ctx: LearningContext): ReplyOption[] {
  return ctx.curriculum.modules.map((m, i) => dlg(`m-${m.slug}`, `${i + 1}. ${m.title}`));
}

export function groupOptions(withAll: boolean): ReplyOption[] {
  const groups = LEARNER_GROUPS.map((g) => dlg(`g-${g}`, GROUP_LABELS[g]));
  return withAll ? [...groups, dlg("all", om.allGroups)] : groups;
}

/** "Tổ 5, Tổ 7 · Người dân · chưa có chứng nhận", or "cả phường". */
export function describeAudience(ctx: LearningContext, audience: Audience): string {
  const parts = [
    audience.tos ? audience.tos.join(", ") : om.audienceWholeWard,
    ...(audience.group ? [GROUP_LABELS[audience.group]] : []),
    ...(audience.uncertified ? [om.audienceUncertified] : []),
    ...(audience.module
      ? [
          om.audienceLearning(
            ctx.curriculum.modules.find((m) => m.slug === audience.module)?.title ?? audience.module,
          ),
        ]
      : []),
  ];
  return parts.join(" · ");
}
