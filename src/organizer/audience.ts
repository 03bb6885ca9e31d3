import { LEARNER_GROUPS, type LearnerGroup } from "../knowledge/schema.ts";
import { groupMembersKey, toMembersKey } from "../learning/learner-aggregates.ts";
import { parseToDanPho } from "../learning/learner-store.ts";
import { ProgressStore } from "../learning/progress-store.ts";
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

/** How many ids an audience page holds (one SSCAN page, its checks run together). */
export const AUDIENCE_BATCH = 1000;

/**
 * The people (person ids) an audience reaches, page by page: ready learners read from the membership sets
 * of its tổ (or its group, or every group), so the cost follows the audience, not the store, and no list of
 * every id is held. Pages are sorted; an id may come twice only when Redis rehashes mid-scan.
 */
export async function* audiencePages(
  deps: AudienceDeps,
  audience: Audience,
  batch = AUDIENCE_BATCH,
): AsyncGenerator<string[]> {
  const sources = audience.tos?.length
    ? audience.tos.map(toMembersKey)
    : audience.group
      ? [groupMembersKey(audience.group)]
      : LEARNER_GROUPS.map(groupMembersKey);
  const progress = new ProgressStore(deps.store);
  const keeps = async (id: string) => {
    if (audience.tos?.length && audience.group)
      if (!(await deps.store.sismember(groupMembersKey(audience.group), id))) return false;
    if (audience.module && !enrolled(await progress.raw(id), audience.module)) return false;
    return !(audience.uncertified && (await deps.isCertified(id)));
  };
  for (const source of sources) {
    let cursor = "0";
    do {
      const page = await deps.store.sscan(source, cursor, batch);
      cursor = page.cursor;
      const ids = [...new Set(page.members)].sort();
      const kept = await Promise.all(ids.map(keeps));
      const people = ids.filter((_, i) => kept[i]);
      if (people.length) yield people;
    } while (cursor !== "0");
  }
}

/** Every person an audience reaches, sorted (for small audiences and tests; queuing streams the pages). */
export async function resolveAudience(deps: AudienceDeps, audience: Audience): Promise<string[]> {
  const people = new Set<string>();
  for await (const page of audiencePages(deps, audience)) for (const id of page) people.add(id);
  return [...people].sort();
}
