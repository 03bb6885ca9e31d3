/**
 * The keys of a learner's own records. Their owners (learner-store, progress-store, certificates) build them
 * here so the learner aggregates can read and write a fact together with its counts in one atomic step.
 */
export const learnerKey = (personId: string) => `learner:${personId}`;
export const progressKey = (personId: string) => `progress:${personId}`;
export const certOfKey = (personId: string) => `cert-of:${personId}`;
export const certKey = (certId: string) => `cert:${certId}`;
/** Every person who gave consent (and has not declined or been erased since). */
export const ALL_LEARNERS = "learners:all";
