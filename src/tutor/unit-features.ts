import type { SectionKind } from "../knowledge/schema.ts";
import { type Chunk, isRecap } from "../retrieval/chunk.ts";
import type { LessonHit } from "../retrieval/hybrid-index.ts";
import { givesAdvice, type Unit } from "./answer-units.ts";
import { askEchoes, type UnitAsks } from "./unit-asks.ts";

/** What the answer-unit model reads of each unit of a lesson, for one question. */

/** What a message wants beyond the topic: who or where to ask. Matched on folded text. */
export const WANTS_PLACE =
  /(?<![a-z])(hoi ai|hoi o dau|hoi dau|o dau|cho nao|lien he|nho ai|ai (giup|ho tro|chi|lam)|den dau|di dau|bao ai|bao o dau)(?![a-z])/;
/** A unit that says where to go or whom to ask. */
const NAMES_PLACE =
  /(?<![a-z])(hoi|den|lien he|nho|bao|goi|mang)(?![a-z]).{0,40}(phuong|tram|cong an|truong|giao vien|nha truong|to |ngan hang|benh vien|noi |co quan|trung tam|tong dai|bac si)/;
const NEGATION = /(?<![a-z])(khong|dung|chang|chua|cam|tuyet doi)(?![a-z])/;

/** What a unit is scored against: the question and how retrieval ranked the lesson's sections. */
export interface UnitContext {
  hit: LessonHit;
  /** The section chosen to answer (the one follow-ups continue from). */
  chosen: Chunk;
  /** The question's folded content words (teencode expanded). */
  terms: Set<string>;
  /** Folded word pairs of the question as typed and as restored. */
  pairs: Set<string>;
  kind: SectionKind | null;
  wantsPlace: boolean;
  /** Content words of each recap line of the lesson. */
  recap: string[][];
  /** The asks whose cards quote each unit. */
  unitAsks: UnitAsks;
  /** The content words of the sentences of a long message that ask; the whole question's otherwise. */
  focusTerms: Set<string>;
  /** The content words of each thing the message asks ("chụp thế nào", "cất ở đâu", "giữ an toàn ra sao"). */
  clauses: Set<string>[];
}

export const UNIT_FEATURE_NAMES = [
  "section_score",
  "section_rank",
  "chosen_section",
  "overlap",
  "overlap_of_unit",
  "overlap_of_question",
  "pair_overlap",
  "heading_overlap",
  "is_step",
  "is_bullet",
  "kind_match",
  "is_recap",
  "is_intro",
  "first_in_section",
  "position",
  "log_words",
  "echoed_in_recap",
  "advice",
  "negation",
  "names_place_asked",
  "overlap_of_best",
  "pairs_of_best",
  "lead_in",
  "definition_asked",
  "definition_unasked",
  "example",
  "section_la_gi",
  "section_luu_y",
  "section_dau_hieu",
  "section_xu_ly",
  "section_cac_buoc",
  "after_echo",
  "section_echo",
  "example_item",
  "card_quote",
  "card_quote_of_best",
  "ask_echo",
  "ask_echo_all",
  "ask_echo_of_best",
  "focus_ask_echo",
  "focus_overlap",
  "clause_overlap",
  "clause_ask_echo",
] as const;

/** The features of every unit of a lesson, in UNIT_FEATURE_NAMES order; some are relative to the best unit. */
export function unitFeaturesOf(units: Unit[], ctx: UnitContext): number[][] {
  const own = units.map((unit) => unitFeatures(unit, ctx));
  const bestOverlap = Math.max(1e-9, ...own.map((f) => f[3] ?? 0));
  const bestPairs = Math.max(1e-9, ...own.map((f) => f[6] ?? 0));
  // How closely each section restates the question: the advice often follows the sentence that does.
  const relative = own.map((f) => (f[3] ?? 0) / bestOverlap);
  // What the asks nearest the message quote as their answer (the lesson's answer cards).
  const quoted = units.map((unit) => ctx.hit.quotes.get(unit.text) ?? 0);
  const bestQuoted = Math.max(1e-9, ...quoted);
  // How closely the asks whose cards quote each unit echo the question.
  const texts = units.map((unit) => unit.text);
  const echoes = askEchoes(texts, ctx.terms, ctx.unitAsks);
  // The asking sentences of a long message; for a short one they are the whole message, already echoed.
  const focusEchoes = sameWords(ctx.focusTerms, ctx.terms)
    ? echoes
    : askEchoes(texts, ctx.focusTerms, ctx.unitAsks);
  const bestEcho = Math.max(1e-9, ...echoes.map((e) => e[0]));
  // How closely each unit's asks echo one thing the message asks, the best over its clauses.
  const clauseEchoes = ctx.clauses.map((c) => askEchoes(texts, c, ctx.unitAsks));
  const sectionEcho = new Map<Chunk, number>();
  for (const [i, unit] of units.entries())
    sectionEcho.set(unit.chunk, Math.max(sectionEcho.get(unit.chunk) ?? 0, relative[i] ?? 0));
  return units.map((unit, i) => {
    const f = own[i] ?? [];
    const folded = unit.folded;
    const definition = /^[^,]{0,40}(?<![a-z])(la|nghia la|con goi la)(?![a-z])/.test(folded);
    const kind = unit.chunk.kind;
    return [
      ...f,
      (f[3] ?? 0) / bestOverlap,
      (f[6] ?? 0) / bestPairs,
      unit.leadIn ? 1 : 0,
      definition && ctx.kind === "la-gi" ? 1 : 0,
      definition && ctx.kind !== "la-gi" ? 1 : 0,
      /^vi du/.test(folded) ? 1 : 0,
      kind === "la-gi" ? 1 : 0,
      kind === "luu-y" ? 1 : 0,
      kind === "dau-hieu" ? 1 : 0,
      kind === "xu-ly" ? 1 : 0,
      kind === "cac-buoc" ? 1 : 0,
      units[i - 1]?.chunk === unit.chunk ? (relative[i - 1] ?? 0) : 0,
      sectionEcho.get(unit.chunk) ?? 0,
      unit.listLeadIn !== undefined && /(?<![a-z])vi du(?![a-z])/.test(unit.listLeadIn) ? 1 : 0,
      Math.log(1 + (quoted[i] ?? 0)),
      (quoted[i] ?? 0) / bestQuoted,
      echoes[i]?.[0] ?? 0,
      echoes[i]?.[1] ?? 0,
      (echoes[i]?.[0] ?? 0) / bestEcho,
      focusEchoes[i]?.[0] ?? 0,
      [...ctx.focusTerms].filter((w) => unit.words.includes(w)).length / Math.max(1, ctx.focusTerms.size),
      Math.max(
        0,
        ...ctx.clauses.map((c) => [...new Set(unit.words)].filter((w) => c.has(w)).length / c.size),
      ),
      Math.max(0, ...clauseEchoes.map((e) => e[i]?.[0] ?? 0)),
    ];
  });
}

const sameWords = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((w) => b.has(w));

/** The features of one unit for one question that need no other unit. */
function unitFeatures(unit: Unit, ctx: UnitContext): number[] {
  const { hit, chosen } = ctx;
  const rank = hit.chunks.indexOf(unit.chunk);
  const top = Math.max(1e-9, hit.chunkScores[0] ?? 0);
  const sectionScore = rank >= 0 ? (hit.chunkScores[rank] ?? 0) / top : 0;
  const distinct = new Set(unit.words);
  let overlap = 0;
  for (const w of distinct) if (ctx.terms.has(w)) overlap++;
  let pairs = 0;
  for (const p of unit.pairs) if (ctx.pairs.has(p)) pairs++;
  const heading = unit.headingWords.filter((w) => ctx.terms.has(w)).length;
  const recap = isRecap(unit.chunk);
  const intro = unit.chunk.id.endsWith("#0") && unit.chunk.heading === unit.chunk.title;
  const kindMatch =
    ctx.kind === "cac-buoc" ? unit.kind === "step" : ctx.kind !== null && unit.chunk.kind === ctx.kind;
  let echo = 0;
  if (!recap && distinct.size)
    for (const line of ctx.recap) {
      let shared = 0;
      for (const w of new Set(line)) if (distinct.has(w)) shared++;
      echo = Math.max(echo, shared / distinct.size);
    }
  const folded = unit.folded;
  return [
    sectionScore,
    rank >= 0 ? 1 / (1 + rank) : 0,
    unit.chunk === chosen ? 1 : 0,
    Math.log(1 + overlap),
    distinct.size ? overlap / distinct.size : 0,
    ctx.terms.size ? overlap / ctx.terms.size : 0,
    Math.log(1 + pairs),
    Math.log(1 + heading),
    unit.kind === "step" ? 1 : 0,
    unit.kind === "bullet" ? 1 : 0,
    kindMatch ? 1 : 0,
    recap ? 1 : 0,
    intro ? 1 : 0,
    unit.position === 0 ? 1 : 0,
    unit.of > 1 ? unit.position / (unit.of - 1) : 0,
    Math.log(1 + unit.words.length),
    echo,
    givesAdvice(unit) ? 1 : 0,
    NEGATION.test(folded) ? 1 : 0,
    ctx.wantsPlace && NAMES_PLACE.test(folded) ? 1 : 0,
  ];
}
