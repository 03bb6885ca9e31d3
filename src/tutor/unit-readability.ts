import type { SectionKind } from "../knowledge/schema.ts";
import type { Chunk } from "../retrieval/chunk.ts";
import type { Unit } from "./answer-units.ts";

/**
 * What a lesson's unit (step, bullet, sentence) needs to be read on its own in an answer: which units may open
 * it, which must come with the one before them, and which are never quoted.
 */

/** The direct sentence is at most this long. */
const DIRECT_MAX_WORDS = 25;
/** Sentences shorter than this are not quoted on their own, and no unit this short opens an answer. */
const MIN_PROSE_WORDS = 4;

/** The lesson's opening text, before its first heading. */
export const isIntro = (chunk: Chunk) => chunk.id.endsWith("#0") && chunk.heading === chunk.title;

/**
 * A list item given as an example ("Ví dụ: • Đăng ảnh xấu của bạn cùng lớp…") describes what happens, not
 * what to do: shown alone under a question asking what to do, it would read as advice. Only the lead-in that
 * introduces the list counts: a sentence that gives its own examples ("Ví dụ: máy ảnh, micro.") introduces
 * nothing, and the rules listed after it ("Ứng dụng lạ xin đọc tin nhắn: rất nguy hiểm. Hãy gỡ ngay.") stay.
 */
export const exampleOutOfPlace = (unit: Unit, kind: SectionKind | null, units: Unit[]) =>
  (kind === "xu-ly" || kind === "cac-buoc") && EXAMPLE_LEAD_IN.test(introOf(unit, units)?.folded ?? "");
const EXAMPLE_LEAD_IN = /(?<![a-z])vi du(?![a-z])/;

/**
 * The introduction's sentences about the lesson itself ("Bài này giúp bạn…", "Bạn cũng sẽ biết…"), and how
 * the lesson names things ("Trong bài, gọi ngắn là …"), say nothing to someone who asked a question.
 */
export const aboutTheLesson = (unit: Unit) =>
  (isIntro(unit.chunk) && ABOUT_THE_LESSON.test(unit.folded)) || NAMED_IN_THE_LESSON.test(unit.folded);
const ABOUT_THE_LESSON = /(?<![a-z])(bai nay|bai hoc nay)(?![a-z])|^ban (cung )?(se )?(biet|hoc)(?![a-z])/;
/** "Trong bài, gọi ngắn là “Cổng”.": how the lesson names a thing, wherever it stands. */
const NAMED_IN_THE_LESSON = /^trong bai(?![a-z])/;

/** "Đừng lo.", "Đừng tin.": too short to mean anything away from the sentences around them. */
export const tooShort = (unit: Unit) => unit.kind === "prose" && unit.count < MIN_PROSE_WORDS;

/** A lead-in ("Ví dụ:", "Nếu chưa thấy mã:") stays only when what it introduces is shown right after it. */
export function withoutDanglingLeadIns(picked: Unit[], units: Unit[]): Unit[] {
  return picked.filter(
    (unit) =>
      !unit.leadIn ||
      picked.includes(units[units.indexOf(unit) + 1] as Unit) ||
      picked.some((other) => introOf(other, units) === unit),
  );
}

/**
 * The sentence ending in ":" that introduces a list item's list, if any: items such as "• Bạn cần ký nhận
 * hay nộp bản gốc." mean nothing without "Hãy gặp trực tiếp cán bộ khi:".
 */
export function introOf(unit: Unit, units: Unit[]): Unit | undefined {
  if (unit.kind === "prose") return undefined;
  for (let i = units.indexOf(unit) - 1; i >= 0; i--) {
    const other = units[i] as Unit;
    if (other.chunk !== unit.chunk) return undefined;
    if (other.kind === "prose") return other.leadIn ? other : undefined;
  }
  return undefined;
}

/**
 * The unit another cannot be read without: the sentence it leans on ("Nó …", "Đừng tin."), or the lead-in of its
 * list; undefined when it needs none, null when it cannot be quoted at all (it leans on a sentence of another
 * section, or is too short to follow a list item).
 */
export function companionOf(unit: Unit, units: Unit[]): Unit | undefined | null {
  if (!unit.leansBack && !tooShort(unit)) return introOf(unit, units);
  const before = units[units.indexOf(unit) - 1];
  if (!before || before.chunk !== unit.chunk || (tooShort(unit) && before.kind !== "prose")) return null;
  return before;
}

/** "Chúng …", "Họ …": fine inside a list that names them first, not as the answer's first sentence. */
const NAMES_NO_ONE = /^(chúng|họ)(?!\p{L})(?! (ta|tôi|mình)(?!\p{L}))/iu;

/**
 * "Đây là thêm một lớp khóa nữa.", first under "## Xác thực 2 lớp là gì": a section's first sentence that
 * answers its heading, meaningless without it.
 */
const ANSWERS_ITS_HEADING = /^(nó|đó|đây|điều này|việc này|nghĩa là|tức là)(?!\p{L})/iu;

/** A section's first sentence that only makes sense after its heading ("Đây là …" under "… là gì"). */
export function answersItsHeading(unit: Unit): boolean {
  return unit.kind === "prose" && unit.position === 0 && ANSWERS_ITS_HEADING.test(unit.text);
}

/** "Ví dụ: đăng ký khai sinh cho con…": an example of something said before it, not an answer on its own. */
const AN_EXAMPLE = /^vi du(?![a-z])/;

/** A unit that can open an answer: a sentence or bullet that stands on its own, short enough to read first. */
export function standsAlone(unit: Unit): boolean {
  return (
    unit.kind !== "step" &&
    !unit.leansBack &&
    !answersItsHeading(unit) &&
    !NAMES_NO_ONE.test(unit.text) &&
    !AN_EXAMPLE.test(unit.folded) &&
    !unit.leadIn &&
    unit.count >= MIN_PROSE_WORDS &&
    unit.count <= DIRECT_MAX_WORDS
  );
}

/**
 * The answer's first sentence as shown. A list item with no sentence introducing its list leans on its
 * section's heading instead ("- Một tài khoản ngân hàng đứng tên bạn." under "## Cần chuẩn bị gì"): alone it
 * is a fragment, so it opens as "Cần chuẩn bị gì: Một tài khoản ngân hàng đứng tên bạn."
 */
export function openingText(unit: Unit): string {
  const heading = unit.chunk.heading.replace(/[?:.\s]+$/u, "");
  const fragment = (unit.kind === "bullet" && unit.listLeadIn === undefined) || answersItsHeading(unit);
  return fragment && heading && !isIntro(unit.chunk) ? `${heading}: ${unit.text}` : unit.text;
}
