import { GROUP_LABELS } from "../knowledge/group-labels.ts";
import { type Certificate, shortKey } from "../learning/certificates.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import type { Reply } from "../messaging/message.ts";
import { type LearningContext, moduleTitle } from "./learning-context.ts";
import { learningMessages as lm } from "./messages-learning.ts";

/** Required modules of the learner's group not passed yet (all of them when there is no group). */
export async function modulesLeft(ctx: LearningContext, profile: LearnerProfile): Promise<string[]> {
  if (!profile.group) return [];
  const required = ctx.curriculum.paths.groups[profile.group].required;
  const progress = await ctx.progress.modules(profile.id, required);
  return required.filter((m) => progress.get(m)?.status !== "dat");
}

/** After a module pass: issue the certificate when nothing is left, asking for the printed name first. */
export async function checkCertification(ctx: LearningContext, profile: LearnerProfile): Promise<Reply[]> {
  if (!profile.group || (await modulesLeft(ctx, profile)).length) return [];
  if (await ctx.certificates.barred(profile.id)) return [{ text: lm.certificateBarred }];
  if (!(await ctx.vouched(profile.id))) return [{ text: lm.certificateNeedsPerson }];
  if (!profile.certName) {
    await ctx.learners.setAwaiting(profile.id, "cert-name");
    return [{ text: lm.askCertName }];
  }
  return issueFor(ctx, { ...profile, certName: profile.certName });
}

/** The typed answer to "which name to print": validated and saved; the certificate follows when it can be issued. */
export async function captureCertName(
  ctx: LearningContext,
  profile: LearnerProfile,
  text: string,
): Promise<Reply[]> {
  const name = text.normalize("NFC").trim().replace(/\s+/g, " ");
  if (!/^[\p{L}][\p{L} .'-]{1,59}$/u.test(name) || !/\p{L}.*\p{L}/u.test(name)) {
    return [{ text: lm.certNameInvalid }];
  }
  await ctx.learners.setCertName(profile.id, name);
  const next = await checkCertification(ctx, { ...profile, certName: name });
  return next.some((r) => r.link) ? next : [{ text: lm.certNameSaved(name) }, ...next];
}

async function issueFor(ctx: LearningContext, profile: LearnerProfile & { certName: string }) {
  if (!profile.group) return [];
  const { certificate } = await ctx.certificates.issue(
    profile.id,
    {
      name: profile.certName,
      group: profile.group,
      modules: ctx.curriculum.paths.groups[profile.group].required,
      ...(profile.to ? { to: profile.to } : {}),
    },
    ctx.now(),
  );
  return [certificateReply(ctx, certificate)];
}

/** /chungnhan: the certificate, or what is left to earn it. */
export async function certificateCommand(ctx: LearningContext, profile: LearnerProfile): Promise<Reply[]> {
  if (profile.step !== "ready" || !profile.group) return [{ text: lm.needOnboarding }];
  const certificate = await ctx.certificates.ofPerson(profile.id);
  if (certificate) return [certificateReply(ctx, certificate)];
  const left = await modulesLeft(ctx, profile);
  if (!left.length) return checkCertification(ctx, profile);
  return [{ text: lm.certificateMissing(left.map((m) => moduleTitle(ctx.curriculum, m))) }];
}

export function certificateReply(ctx: LearningContext, certificate: Certificate): Reply {
  const [y, m, d] = certificate.issuedOn.split("-");
  const text = lm.certificate({
    id: certificate.id,
    name: certificate.name,
    group: GROUP_LABELS[certificate.group],
    date: `${d}/${m}/${y}`,
    modules: certificate.modules.map((slug) => moduleTitle(ctx.curriculum, slug)),
    ...(certificate.to ? { to: certificate.to } : {}),
  });
  const revoked = certificate.revokedAt ? `\n${lm.certificateRevoked(certificate.revokeReason ?? "")}` : "";
  return {
    text: `${text}${revoked}\n\n${lm.certificateNote}`,
    link: { label: lm.certificateLink, url: certificateUrl(ctx.publicUrl, certificate) },
  };
}

export function certificateUrl(base: string, certificate: Certificate): string {
  return `${base}/chung-nhan/${certificate.id}?k=${shortKey(certificate)}`;
}
