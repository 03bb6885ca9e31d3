import type { Curriculum } from "../knowledge/types.ts";
import type { Certificate, Certificates } from "./certificates.ts";
import type { LearnerProfile } from "./learner-store.ts";
import type { ProgressStore } from "./progress-store.ts";

export interface CertificationDeps {
  curriculum: Curriculum;
  progress: ProgressStore;
  certificates: Certificates;
  /** Whether the ward can stand behind this person (a platform account or a class check-in). */
  vouched(personId: string): Promise<boolean>;
  now: () => Date;
}

/** Where a learner stands on the way to a certificate. */
export type Certification =
  | { status: "no-group" }
  | { status: "incomplete"; left: string[] }
  | { status: "barred" }
  | { status: "needs-person" }
  | { status: "needs-name" }
  | { status: "issued"; certificate: Certificate };

/** Required modules of the learner's group not passed yet (none when there is no group). */
async function modulesLeft(deps: CertificationDeps, profile: LearnerProfile): Promise<string[]> {
  if (!profile.group) return [];
  const required = deps.curriculum.paths.groups[profile.group].required;
  const progress = await deps.progress.modules(profile.id, required);
  return required.filter((m) => progress.get(m)?.status !== "dat");
}

/**
 * Issues the certificate when every required module is passed, the learner is not barred, the ward can
 * stand behind them and the name to print is known; otherwise says what stands in the way.
 */
export async function certify(deps: CertificationDeps, profile: LearnerProfile): Promise<Certification> {
  if (!profile.group) return { status: "no-group" };
  const left = await modulesLeft(deps, profile);
  if (left.length) return { status: "incomplete", left };
  if (await deps.certificates.barred(profile.id)) return { status: "barred" };
  if (!(await deps.vouched(profile.id))) return { status: "needs-person" };
  if (!profile.certName) return { status: "needs-name" };
  const { certificate } = await deps.certificates.issue(
    profile.id,
    {
      name: profile.certName,
      group: profile.group,
      modules: deps.curriculum.paths.groups[profile.group].required,
      ...(profile.to ? { to: profile.to } : {}),
    },
    deps.now(),
  );
  return { status: "issued", certificate };
}
