import type { SectionKind } from "../knowledge/schema.ts";
import { givesAdvice, type Unit } from "./answer-units.ts";
import { aboutTheLesson, exampleOutOfPlace, introOf, standsAlone } from "./unit-readability.ts";

/** The answer's first sentence, chosen from the lesson's units as the answer-unit model scored them. */

/** A sentence of advice is put first over a likelier one that describes when its probability is this close. */
const DIRECT_ADVICE_SHARE = 0.7;
/**
 * When the likeliest unit leans on the sentence before it and no sentence that stands alone is half as likely,
 * the answer opens with the sentence it leans on, the likeliest right after (dev, cross-validated: 1 more
 * right-lesson message fully answered at 0.3, 0.5 or 0.7, none fewer; before, such answers opened with an
 * unrelated sentence).
 */
const LEANED_ON_SHARE = 0.5;
/**
 * Messages that ask what to do: now that something went wrong, or how to do something. Their answer opens with
 * a sentence that says what to do when one is nearly as likely as one that describes ("cach cai vneid tren
 * dien thoai" had opened with what "định danh điện tử" means). Adding how-to questions to what-to-do-after:
 * dev's right-lesson messages fully answered, cross-validated, 2,660 → 2,662 of 3,161 (3 won, 1 lost).
 */
const ASKS_WHAT_TO_DO: ReadonlySet<SectionKind | null> = new Set<SectionKind>(["xu-ly", "cac-buoc"]);

/**
 * The likeliest sentence that stands on its own, or the one the likeliest unit leans on when nothing standing
 * alone comes close; when the message asks what to do, a nearly as likely sentence that says what to do goes
 * first instead of one that describes.
 */
export function directSentence(
  scored: { unit: Unit; p: number }[],
  kind: SectionKind | null,
  units: Unit[],
): Unit | undefined {
  const alone = scored.filter(
    (s) =>
      standsAlone(s.unit) &&
      !exampleOutOfPlace(s.unit, kind, units) &&
      !aboutTheLesson(s.unit) &&
      !introOf(s.unit, units),
  );
  const best = alone[0];
  if (!best) return scored.find((s) => !aboutTheLesson(s.unit))?.unit;
  const leanedOn = leanedOnByLikeliest(scored, units);
  if (leanedOn && best.p < LEANED_ON_SHARE * (scored[0]?.p ?? 0)) return leanedOn;
  if (!ASKS_WHAT_TO_DO.has(kind) || givesAdvice(best.unit)) return best.unit;
  const advice = alone.find((s) => givesAdvice(s.unit) && s.p >= DIRECT_ADVICE_SHARE * best.p);
  return (advice ?? best).unit;
}

/** The sentence the likeliest unit leans on ("Mã vận đơn là …" before "Nhờ mã này, …"), when it can open an answer. */
function leanedOnByLikeliest(scored: { unit: Unit; p: number }[], units: Unit[]): Unit | undefined {
  const top = scored[0]?.unit;
  if (!top?.leansBack) return undefined;
  const before = units[units.indexOf(top) - 1];
  return before && before.chunk === top.chunk && standsAlone(before) && !aboutTheLesson(before)
    ? before
    : undefined;
}
