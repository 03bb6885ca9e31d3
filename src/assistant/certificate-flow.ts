import { learningMessages as lm } from "../catalog/assistant-learning.ts";
import { GROUP_LABELS } from "../knowledge/group-labels.ts";
import { moduleTitle } from "../knowledge/paths.ts";
import { type Certificate, shortKey } from "../learning/certificates.ts";
import { type Certification, certify } from "../learning/certification.ts";
import type { LearnerProfile } from "../learning/learner-store.ts";
import type { Reply } from "../messaging/message.ts";
import { isJustALink } from "./input.ts";
import type { LearningContext } from "./learning-context.ts";

/** After a module pass: issue the certificate when nothing is left, asking for the printed name first. */
export async function checkCertification(ctx: LearningContext, profile: LearnerProfile): Promise<Reply[]> {
  return certificationReplies(ctx, profile, await certify(ctx, profile));
}

async function certificationReplies(
  ctx: LearningContext,
  profile: LearnerProfile,
  outcome: Certification,
): Promise<Reply[]> {
  switch (outcome.status) {
    case "no-group":
    case "incomplete":
      return [];
    case "barred":
      return [{ text: lm.certificateBarred }];
    case "needs-person":
      return [{ text: lm.certificateNeedsPerson }];
    case "needs-name":
      await ctx.learners.setAwaiting(profile.id, "cert-name");
      return [{ text: lm.askCertName }];
    case "issued":
      return [certificateReply(ctx, outcome.certificate)];
  }
}

/** The typed answer to "which name to print": validated and saved; the certificate follows when it can be issued. */
export async function captureCertName(
  ctx: LearningContext,
  profile: LearnerProfile,
  text: string,
): Promise<Reply[]> {
  const name = text.normalize("NFC").trim().replace(/\s+/g, " ");
  // A pasted link is not a name ("abc.com" would pass the letters-and-dots rule).
  if (!/^[\p{L}][\p{L} .'-]{1,59}$/u.test(name) || !/\p{L}.*\p{L}/u.test(name) || isJustALink(name)) {
    return [{ text: lm.certNameInvalid }];
  }
  await ctx.learners.setCertName(profile.id, name);
  const next = await checkCertification(ctx, { ...profile, certName: name });
  return next.some((r) => r.link) ? next : [{ text: lm.certNameSaved(name) }, ...next];
}

/** /chungnhan: the certificate, or what is left to earn it. */
export async function certificateCommand(ctx: LearningContext, profile: LearnerProfile): Promise<Reply[]> {
  if (profile.step !== "ready" || !profile.group) return [{ text: lm.needOnboarding }];
  const certificate = await ctx.certificates.ofPerson(profile.id);
  if (certificate) return [certificateReply(ctx, certificate)];
  const outcome = await certify(ctx, profile);
  if (outcome.status === "incomplete")
    return [{ text: lm.certificateMissing(outcome.left.map((m) => moduleTitle(ctx.curriculum, m))) }];
  return certificationReplies(ctx, profile, outcome);
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
