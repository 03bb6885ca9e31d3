import type { QuizQuestion } from "../knowledge/schema.ts";
import type { Curriculum } from "../knowledge/types.ts";
import type { Certificates } from "../learning/certificates.ts";
import type { Identities } from "../learning/identity.ts";
import type { LearnerStore } from "../learning/learner-store.ts";
import type { ProgressStore } from "../learning/progress-store.ts";
import type { QuizStore } from "../learning/quiz-store.ts";
import type { ReviewSchedule } from "../learning/review-schedule.ts";
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
