import { AppError } from "../shared/app-error.ts";
import { checkCurriculum, checkOutline } from "./check.ts";
import { loadKnowledge } from "./load.ts";
import type { Curriculum } from "./types.ts";

/** Loads knowledge/ for the running assistant; refuses to start on any problem, naming the first one. */
export async function loadCurriculum(dir: string): Promise<Curriculum> {
  const { curriculum, issues } = await loadKnowledge(dir);
  const all = [...issues, ...checkOutline(curriculum), ...checkCurriculum(curriculum)];
  const first = all[0];
  if (first) {
    throw new AppError(
      "knowledge",
      `Curriculum problem in ${dir}/${first.file} (${first.field}): ${first.message}` +
        (all.length > 1 ? ` (and ${all.length - 1} more; run npm run knowledge:check)` : ""),
    );
  }
  return curriculum;
}
