import { groupLabels } from "../catalog/learning.ts";
import type { LearnerGroup } from "./schema.ts";

/** How each learner group is named to people (the words live in the catalog; typed here by the schema). */
export const GROUP_LABELS: Record<LearnerGroup, string> = groupLabels;
