import type { LearnerGroup } from "./schema.ts";

/** How each learner group is named to people (onboarding, certificates, the organizers' menus). */
export const GROUP_LABELS: Record<LearnerGroup, string> = {
  "can-bo": "Cán bộ, công chức, viên chức",
  "hoc-sinh": "Học sinh",
  "lao-dong": "Người lao động (doanh nghiệp, HTX)",
  "nguoi-dan": "Người dân",
};
