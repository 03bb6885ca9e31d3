import type { Logger } from "pino";
import type { LearnerProfile } from "../learning/learner-store.ts";
import type { PersonalDataPart } from "../learning/personal-data.ts";
import type { Inbound, Reply } from "../messaging/message.ts";
import type { OrganizerServices } from "../organizer/organizer.ts";
import type { Organizer } from "../organizer/roles.ts";
import type { Tutor } from "../tutor/tutor.ts";
import type { Action, ActionKind } from "./actions.ts";
import type { CommandSpelling, ParsedCommand } from "./command-names.ts";
import type { LearningContext } from "./learning-context.ts";
import type { OnboardingDeps } from "./onboarding.ts";
import type { QuestionAnswering } from "./question-answering.ts";

/** What every feature may use, built once per assistant. */
export interface TurnServices {
  ctx: LearningContext;
  org: OrganizerServices;
  /** Personal data kept by every feature, for export and erasure. */
  parts: readonly PersonalDataPart[];
  logger: Logger;
  tutor: Tutor;
  questions: QuestionAnswering;
  onboarding: OnboardingDeps;
}

/** One turn, as the features see it: who wrote, and what (at most one of action, command, text). */
export interface FeatureTurn extends TurnServices {
  inbound: Inbound;
  personId: string;
  /** The learner record; null for someone never greeted. In a group chat, always a guest's. */
  profile: LearnerProfile | null;
  action: Action | null;
  command: ParsedCommand | null;
  /** The typed text, cut to MAX_TEXT_CHARS (`truncated` says so). */
  text: string;
  truncated: boolean;
  /** The text before the 2,000-character cut (notices may be longer). */
  longText: string;
  /** The whole message is a pasted link (see pasted-link.ts). */
  pasted: boolean;
}

/** A turn past the onboarding feature: the person has a profile (a guest's in group chats). */
export interface ResidentTurn extends FeatureTurn {
  profile: LearnerProfile;
}

/** A turn admitted to an organizer feature: the role, as the account writing may use it. */
export interface OrganizerTurn extends FeatureTurn {
  organizer: Organizer;
}

/** Resolves the replies, or null to pass the turn on to the next feature in the list. */
type Handler<T> = (turn: T) => Promise<Reply[] | null>;

interface FeatureDeclaration {
  /** A short name for logs and tests. */
  name: string;
  /** The commands it handles (spelled here or by the feature that owns the word). */
  commands?: readonly CommandSpelling[];
  /** The action kinds it handles. */
  actions?: readonly ActionKind[];
  /** It also takes typed text that is neither a command nor a button (pasted links included). */
  text?: boolean;
  /** Usable in a group chat (public lessons and answers only; nothing personal is posted there). */
  inGroups?: boolean;
  /** It sees every private turn that reaches it (the onboarding feature: the gate to the features after it). */
  everyTurn?: boolean;
}

/**
 * One feature: what it answers and who may use it. The dispatcher (dispatch.ts) checks the audience before
 * the handler runs:
 * - `everyone`: anyone, even someone the assistant has not greeted yet;
 * - `organizer`: a ward organizer or admin; anyone else gets the polite refusal (organizer-context.ts refuse);
 * - `resident`: someone past the onboarding feature (registered, or who declined to have progress stored);
 * - `learner`: a resident who registered; skipped for anyone else, who is asked to register if no other
 *   feature takes the turn.
 */
export type Feature = FeatureDeclaration &
  (
    | { audience: "everyone"; handle: Handler<FeatureTurn> }
    | { audience: "organizer"; handle: Handler<OrganizerTurn> }
    | { audience: "resident" | "learner"; handle: Handler<ResidentTurn> }
  );

/** Someone not (or not yet) a learner: public lessons and answers only, nothing recorded. */
export const guest = (id: string) =>
  ({ id, step: "guest", elderly: false, remind: false, createdAt: "" }) as LearnerProfile;
