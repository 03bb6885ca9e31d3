import { countWords, plain, splitSentences } from "../knowledge/markdown.ts";
import type { SectionKind } from "../knowledge/schema.ts";
import { type Chunk, isRecap } from "../retrieval/chunk.ts";
import type { LessonHit } from "../retrieval/hybrid-index.ts";
import { fold, isStopword, tokenize } from "../retrieval/normalize.ts";

/** The steps or rules under the direct sentence stay within this many words. */
export const BODY_MAX_WORDS = 80;
/** How much a section of the kind the question asks for is preferred (fitted on the dev split). */
const KIND_BONUS: Record<SectionKind, number> = {
  "cac-buoc": 0.6,
  "xu-ly": 0.5,
  "dau-hieu": 0,
  "la-gi": 0,
  "luu-y": 0,
};
const NEXT_MIN_SHARE = 0.3;
/** Recap lines that may follow the section's points when they share the question's words. */
const RECAP_LINES = 2;

export interface Composed {
  /** One sentence that answers, first. */
  direct: string;
  /** The relevant steps ("1. …") or rules ("• …"), in the lesson's order. */
  points: string[];
  /** The section the answer comes from. */
  chunk: Chunk;
}

const isIntro = (chunk: Chunk) => chunk.id.endsWith("#0") && chunk.heading === chunk.title;

/**
 * The section that answers: the best-ranked one, preferring the kind the question asks for (steps, warning
 * signs, what to do after, what it is), never the introduction or the closing recap when another section
 * matched.
 */
export function chooseSection(hit: LessonHit, kind: SectionKind | null): Chunk | undefined {
  const ranked = hit.chunks;
  const scored = ranked.map((chunk, rank) => {
    let score = (hit.chunkScores[rank] ?? 0) / Math.max(1e-9, hit.chunkScores[0] ?? 0);
    // A how-to question gets numbered steps when the lesson has them.
    if (kind === "cac-buoc" && stepCount(chunk) >= 2) score += KIND_BONUS["cac-buoc"];
    else if (kind && kind !== "cac-buoc" && chunk.kind === kind) score += KIND_BONUS[kind];
    if (isRecap(chunk)) score -= 2;
    if (isIntro(chunk)) score -= 0.3;
    return { chunk, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0]?.chunk;
}

/** The next best matching section of the lesson after the chosen one (not the recap), if it matched at all. */
export function nextSection(hit: LessonHit, chosen: Chunk, minShare = NEXT_MIN_SHARE): Chunk | undefined {
  const top = Math.max(...hit.chunkScores, 0);
  for (const [rank, chunk] of hit.chunks.entries()) {
    if (chunk === chosen || isRecap(chunk) || isIntro(chunk)) continue;
    return (hit.chunkScores[rank] ?? 0) >= top * minShare && top > 0 ? chunk : undefined;
  }
  return undefined;
}

/** What a message wants beyond the topic: who or where to ask. Matched on folded text. */
const WANTS_PLACE =
  /(?<![a-z])(hoi ai|hoi o dau|hoi dau|o dau|cho nao|lien he|nho ai|ai (giup|ho tro|chi|lam)|den dau|di dau|bao ai|bao o dau)(?![a-z])/;
/** A unit that says where to go or whom to ask. */
const NAMES_PLACE =
  /(?<![a-z])(hoi|den|lien he|nho|bao|goi|mang)(?![a-z]).{0,40}(phuong|tram|cong an|truong|giao vien|nha truong|to |ngan hang|benh vien|noi |co quan|trung tam|tong dai|bac si)/;

export interface ComposeOptions {
  /** The next best matching section, whose units may fill the room left. */
  next?: Chunk;
  /** The message as typed, for what it wants beyond the topic (who or where to ask). */
  question?: string;
}

/**
 * Composes the answer from one section: a direct sentence (the lesson's recap line that fits, else the
 * section's first sentence), then the section's steps or rules within BODY_MAX_WORDS; room left is filled
 * with the next section's units that share the question's words, and with where to ask when that is asked.
 */
export function compose(
  chunk: Chunk,
  lessonChunks: Chunk[],
  terms: string[],
  options: ComposeOptions = {},
): Composed {
  const wanted = new Set(terms);
  const sectionWords = new Set(contentWords(`${chunk.heading} ${chunk.text}`));
  const own = unitsOf(chunk.text);
  const tagged = (c: Chunk, role: Unit["role"]): Unit[] =>
    unitsOf(c.text).map((u) => ({
      ...u,
      role,
      index: u.index + 1000 * Math.max(0, lessonChunks.indexOf(c)),
    }));
  const candidates = tagged(chunk, "own");
  const hasSteps = own.filter((u) => u.kind === "step").length >= 2;
  const { next, question = "" } = options;
  const recap = lessonChunks.find(isRecap);
  if (next && !isRecap(next)) candidates.push(...tagged(next, "next"));
  if (recap) candidates.push(...tagged(recap, "recap"));
  if (WANTS_PLACE.test(foldedText(question)))
    for (const c of lessonChunks)
      if (c !== chunk && !isRecap(c))
        candidates.push(...tagged(c, "place").filter((u) => NAMES_PLACE.test(foldedText(u.text))));
  let direct = recap ? bestRecapLine(recap, wanted, sectionWords) : "";
  let body = candidates;
  if (!direct) {
    const first = candidates.find((u) => u.role === "own" && u.kind === "prose") ?? candidates[0];
    direct = first ? first.text : "";
    body = candidates.filter((u) => u !== first);
  }
  body = withoutRepeats(body, direct);
  return { direct, points: selectPoints(body, wanted, hasSteps), chunk };
}

/** A numbered step to show on its own ("bước 3"), or undefined when the section has no such step. */
export function stepOf(chunk: Chunk, n: number): string | undefined {
  const steps = unitsOf(chunk.text).filter((u) => u.kind === "step");
  return steps[n - 1]?.text;
}

export function stepCount(chunk: Chunk): number {
  return unitsOf(chunk.text).filter((u) => u.kind === "step").length;
}

interface Unit {
  kind: "step" | "bullet" | "prose";
  text: string;
  /** Position in the lesson (section × 1000 + place in the section), for reading order. */
  index: number;
  /** From the chosen section, the next matching one, or a place to ask elsewhere in the lesson. */
  role?: "own" | "next" | "place" | "recap";
}

/** A section as numbered steps, bullets and prose sentences, in reading order. */
function unitsOf(text: string): Unit[] {
  const units: Unit[] = [];
  for (const line of text.split("\n")) {
    const step = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (step?.[1]) units.push({ kind: "step", text: plain(step[1]), index: units.length });
    else if (bullet?.[1]) units.push({ kind: "bullet", text: plain(bullet[1]), index: units.length });
    else
      for (const sentence of splitSentences(line))
        units.push({ kind: "prose", text: plain(sentence), index: units.length });
  }
  return units;
}

/**
 * The chosen section first: all of it when it fits, its steps in order when it has them, otherwise its units
 * that share most words with the question. Room left goes to a place to ask (when asked), then to up to
 * RECAP_LINES recap lines and the next
 * section's units that share words with the question. Shown in reading order.
 */
function selectPoints(units: Unit[], wanted: Set<string>, hasSteps: boolean): string[] {
  const own = units.filter((u) => u.role === "own");
  const overlap = (u: Unit) => contentWords(u.text).filter((w) => wanted.has(w)).length;
  const words = (list: Unit[]) => list.reduce((s, u) => s + countWords(u.text), 0);
  let chosen: Unit[] = [];
  if (words(own) <= BODY_MAX_WORDS) chosen = [...own];
  else if (hasSteps) {
    for (const u of own.filter((x) => x.kind === "step")) {
      if (chosen.length && words(chosen) + countWords(u.text) > BODY_MAX_WORDS) break;
      chosen.push(u);
    }
  } else chosen = fill([], own, overlap, () => true);
  chosen = fill(
    chosen,
    units.filter((u) => u.role === "place"),
    overlap,
    () => true,
    1,
  );
  chosen = fill(
    chosen,
    units.filter((u) => u.role === "recap"),
    overlap,
    (u) => overlap(u) > 0,
    RECAP_LINES,
  );
  chosen = fill(
    chosen,
    units.filter((u) => u.role === "next"),
    overlap,
    (u) => overlap(u) > 0,
  );
  chosen.sort((a, b) => a.index - b.index);
  const steps = own.filter((x) => x.kind === "step");
  return chosen.map((u) => {
    if (u.kind === "step" && u.role === "own") return `${steps.indexOf(u) + 1}. ${u.text}`;
    return u.kind === "prose" ? u.text : `• ${u.text}`;
  });
}

/** Units whose words mostly repeat the direct sentence, or an earlier unit, are dropped. */
function withoutRepeats(units: Unit[], direct: string): Unit[] {
  const kept: Unit[] = [];
  const seen = [new Set(contentWords(direct))];
  for (const unit of units) {
    const words = new Set(contentWords(unit.text));
    if (seen.some((other) => similar(words, other))) continue;
    seen.push(words);
    kept.push(unit);
  }
  return kept;
}

function similar(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size) >= 0.8;
}

/** Adds the best-overlapping candidates that fit in the word budget. */
function fill(
  chosen: Unit[],
  candidates: Unit[],
  overlap: (u: Unit) => number,
  keep: (u: Unit) => boolean,
  limit = Number.POSITIVE_INFINITY,
  budget = BODY_MAX_WORDS,
): Unit[] {
  const out = [...chosen];
  let used = out.reduce((s, u) => s + countWords(u.text), 0);
  const ranked = candidates.filter(keep).sort((a, b) => overlap(b) - overlap(a) || a.index - b.index);
  let added = 0;
  for (const u of ranked) {
    const w = countWords(u.text);
    if (used + w > budget || added >= limit || out.includes(u)) continue;
    out.push(u);
    used += w;
    added++;
  }
  return out;
}

/** The recap line that best matches the question, then the section; empty when none shares a word. */
function bestRecapLine(recap: Chunk, wanted: Set<string>, sectionWords: Set<string>): string {
  let best = "";
  let bestScore = 0;
  for (const unit of unitsOf(recap.text)) {
    const words = contentWords(unit.text);
    if (!words.length) continue;
    const question = new Set(words.filter((w) => wanted.has(w))).size;
    const section = words.filter((w) => sectionWords.has(w)).length / words.length;
    const score = question * 1.5 + section * 2;
    if ((section >= 0.5 || question >= 2) && score > bestScore) {
      best = unit.text;
      bestScore = score;
    }
  }
  return best;
}

function contentWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => !isStopword(t))
    .map(fold);
}

function foldedText(text: string): string {
  return fold(text.toLowerCase())
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
