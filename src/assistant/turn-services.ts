import type { Logger } from "pino";
import type { Curriculum } from "../knowledge/types.ts";
import type { Certificates } from "../learning/certificates.ts";
import type { PersonalDataPart } from "../learning/personal-data.ts";
import { parseAccount } from "../messaging/account.ts";
import {
  createOrganizerServices,
  type OrganizerServices,
  organizerDataParts,
} from "../organizer/organizer.ts";
import { aggregatesKeeper } from "../organizer/reports/erased-facts.ts";
import type { Store } from "../storage/store.ts";
import type { Tutor } from "../tutor/tutor.ts";
import type { TurnServices } from "./feature.ts";
import { FollowUps } from "./follow-ups.ts";
import { createLearningContext } from "./learning-context.ts";
import { learningDataParts } from "./learning-data.ts";
import { dialogueDataPart } from "./organizer-context.ts";
import { createQuestionAnswering } from "./question-answering.ts";

export interface AssistantDeps {
  store: Store;
  curriculum: Curriculum;
  tutor: Tutor;
  wardName: string;
  logger: Logger;
  /** Base of public links such as certificate pages, e.g. https://hocvuso.example.vn. */
  publicUrl?: string;
  /** The certificate register (shared with the verification page); built from `certSecret` when absent. */
  certificates?: Certificates;
  /** Signs certificates when no register is given; without it a random secret is kept in the store. */
  certSecret?: string;
  /** Personal data kept by other features (organizers, channels), for export and erasure. */
  personalData?: PersonalDataPart[];
  /** Admin accounts (`channel:id`, from ADMIN_IDS). */
  adminIds?: readonly string[];
  /** Organizer services shared with the background jobs; built over `store` when absent. */
  organizer?: OrganizerServices;
  now?: () => Date;
  random?: () => number;
  /** Typed messages a person may send per minute before being asked to slow down (0 or absent: no limit). */
  floodPerMinute?: number;
  /** A module quiz answered faster than this many seconds per question does not count (0 or absent: off). */
  minSecondsPerQuestion?: number;
}

/** What the features share: the learning and organizer services, every feature's personal data, the tutor. */
export function createTurnServices(deps: AssistantDeps, now: () => Date): TurnServices {
  const ctx = createLearningContext({ ...deps, now, vouched: (personId) => vouched(personId) });
  const org =
    deps.organizer ??
    createOrganizerServices({
      store: deps.store,
      adminIds: deps.adminIds ?? [],
      certificates: ctx.certificates,
      ward: deps.curriculum.ward,
    });
  /** A Telegram or Zalo account, or a check-in at one of the ward's classes. */
  async function vouched(personId: string): Promise<boolean> {
    const accounts = await ctx.identities.accountsOf(personId);
    if (accounts.some((a) => VOUCHED_CHANNELS.has(parseAccount(a).channel))) return true;
    return org.classes.attended(personId);
  }
  const parts = [
    aggregatesKeeper(deps.store),
    ...learningDataParts(ctx),
    ...organizerDataParts(org),
    dialogueDataPart(deps.store),
    ...(deps.personalData ?? []),
  ];
  const questions = createQuestionAnswering({
    tutor: deps.tutor,
    curriculum: deps.curriculum,
    store: deps.store,
    followUps: new FollowUps(deps.store),
    questionLog: org.questionLog,
    now,
  });
  const onboarding = {
    learners: ctx.learners,
    wardName: deps.wardName,
    now,
    tos: deps.curriculum.ward.to_dan_pho,
  };
  return { ctx, org, parts, logger: deps.logger, tutor: deps.tutor, questions, onboarding };
}

/** Accounts the ward can stand behind: a phone-verified Telegram, Zalo or Zalo OA follower (not a web session). */
const VOUCHED_CHANNELS = new Set(["telegram", "zalo", "zalo-oa"]);
