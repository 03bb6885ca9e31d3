import { questionIndex } from "../knowledge/paths.ts";
import type { QuizQuestion } from "../knowledge/schema.ts";
import type { Curriculum } from "../knowledge/types.ts";
import { Certificates, certificateSecret } from "../learning/certificates.ts";
import { Identities } from "../learning/identity.ts";
import { LearnerStore } from "../learning/learner-store.ts";
import { ProgressStore } from "../learning/progress-store.ts";
import { QuizStore } from "../learning/quiz-store.ts";
import { ReviewSchedule } from "../learning/review-schedule.ts";
import type { Store } from "../storage/store.ts";

/** The learning services every learning flow uses, built once by the assistant. */
export interface LearningContext {
  store: Store;
  curriculum: Curriculum;
  /** Every quiz question by id. */
  questions: Map<string, QuizQuestion>;
  learners: LearnerStore;
  progress: ProgressStore;
  quizzes: QuizStore;
  reviews: ReviewSchedule;
  certificates: Certificates;
  identities: Identities;
  now: () => Date;
  random: () => number;
  /** Base of public links (certificate pages), without a trailing slash. */
  publicUrl: string;
  /**
   * Whether the ward can stand behind this person for a certificate: a Telegram or Zalo account, or a
   * check-in at one of the ward's classes (an organizer saw them in person). A bare web session is not.
   */
  vouched(personId: string): Promise<boolean>;
  /** A module quiz answered faster than this many seconds per question does not count (0: off). */
  minSecondsPerQuestion: number;
}

/** Builds the learning services over one store (the register of certificates may be shared). */
export function createLearningContext(deps: {
  store: Store;
  curriculum: Curriculum;
  now: () => Date;
  vouched: (personId: string) => Promise<boolean>;
  certificates?: Certificates;
  /** Signs certificates when no register is given; without it a random secret is kept in the store. */
  certSecret?: string;
  random?: () => number;
  publicUrl?: string;
  minSecondsPerQuestion?: number;
}): LearningContext {
  return {
    store: deps.store,
    curriculum: deps.curriculum,
    questions: questionIndex(deps.curriculum),
    learners: new LearnerStore(deps.store),
    progress: new ProgressStore(deps.store),
    quizzes: new QuizStore(deps.store),
    reviews: new ReviewSchedule(deps.store),
    certificates:
      deps.certificates ?? new Certificates(deps.store, certificateSecret(deps.store, deps.certSecret)),
    identities: new Identities(deps.store),
    now: deps.now,
    random: deps.random ?? Math.random,
    publicUrl: (deps.publicUrl ?? "http://localhost:3000").replace(/\/+$/, ""),
    vouched: deps.vouched,
    minSecondsPerQuestion: deps.minSecondsPerQuestion ?? 0,
  };
}
