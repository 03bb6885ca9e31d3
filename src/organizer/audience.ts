import { LEARNER_GROUPS, type LearnerGroup } from "../knowledge/schema.ts";
import { parseToDanPho } from "../learning/learner-store.ts";
import type { Store } from "../storage/store.ts";

/**
 * Who a class or notice is for. Every given filter must match (empty = every registered learner of
 * the ward): tổ dân phố list, learner group, not yet certified, enrolled in a module.
 */
export interface Audience {
  tos?: string[];
  group?: LearnerGroup;
  uncertified?: boolean;
  module?: string;
}

/** An organizer's reach: the whole ward, or a list of tổ dân phố. */
export type Scope = { ward: true } | { ward: false; tos: string[] };

export interface AudienceDeps {
  store: Store;
  /** True when the person holds a certificate. */
  isCertified(personId: string): Promise<boolean>;
}

/** Parses "5, 7", "to 5 va 12", "Tổ 3; Tổ 4" into normalised tổ names; null when any part is unreadable. */
export function parseToList(text: string): string[] | null {
  const parts = text
    .split(/[,;]|\s+(?:va|và)\s+/iu)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length || parts.length > 50) return null;
  const tos: string[] = [];
  for (const part of parts) {
    const to = parseToDanPho(part);
    if (!to) return null;
    if (!tos.includes(to)) tos.push(to);
  }
  return tos;
}

export function isLearnerGroup(value: string): value is LearnerGroup {
  return (LEARNER_GROUPS as readonly string[]).includes(value);
}

/** Limits an audience to an organizer's scope; null when it names a tổ outside the scope. */
export function withinScope(audience: Audience, scope: Scope): Audience | null {
  if (scope.ward) return audience;
  if (!audience.tos) return { ...audience, tos: [...scope.tos] };
  return audience.tos.every((to) => scope.tos.includes(to)) ? audience : null;
}

function enrolled(progress: Record<string, string>, module: string): boolean {
  return Object.keys(progress).some((field) =>
    /^(read|did):/.test(field) ? field.split(":")[1]?.startsWith(`${module}/`) : field.endsWith(`:${module}`),
  );
}

/** The people (person ids) an audience reaches: learners who finished onboarding and match every filter. */
export async function resolveAudience(deps: AudienceDeps, audience: Audience): Promise<string[]> {
  const people: string[] = [];
  for (const id of (await deps.store.smembers("learners:all")).sort()) {
    const profile = await deps.store.hgetall(`learner:${id}`);
    if (profile.step !== "ready") continue;
    if (audience.tos && !audience.tos.includes(profile.to ?? "")) continue;
    if (audience.group && profile.group !== audience.group) continue;
    if (audience.module && !enrolled(await deps.store.hgetall(`progress:${id}`), audience.module)) continue;
    if (audience.uncertified && (await deps.isCertified(id))) continue;
    people.push(id);
  }
  return people;
}
