import type { Chunk } from "../retrieval/chunk.ts";
import { foldedText, type Unit, unitsOf } from "./answer-units.ts";

/**
 * The numbered steps of a lesson's sections, for how-to answers: whether a message asks for the procedure,
 * which steps of the chosen section fit an answer, and one step on its own for "bước 3".
 */

const STEP_WORDS =
  /(?<![a-z])(cac buoc|tung buoc|huong dan|bam (vao )?dau|cho nao de bam)(?![a-z])|(?<![a-z])(?<!co )cach (?!nao|gi|j(?![a-z]))|(?<![a-z])(khong|ko|k|hok|chua) (biet|bit|bik) (lam|chuyen|cai|dang|mo|nop|tao|kich|gui|quet|tai|doi|go|goi|nhan|tra|xem|tim)(?![a-z])/;
/**
 * A message that asks for the procedure in so many words ("cách …", "hướng dẫn", "bấm vào đâu"), or says it
 * does not know how to do a thing ("ko bít chuyển tiền", "không biết cài").
 */
export const asksForSteps = (question: string): boolean => STEP_WORDS.test(foldedText(question));

/** The chosen section's numbered steps, when it has at least two. */
export function chosenSteps(chosen: Chunk, units: Unit[]): Unit[] {
  const steps = units.filter((u) => u.chunk === chosen && u.step);
  return steps.length >= 2 ? steps : [];
}

/** Steps from the first, in order, as many as fit in `budget` words (at least one). */
export function stepsWithin(steps: Unit[], budget: number): Unit[] {
  const out: Unit[] = [];
  let used = 0;
  for (const step of steps) {
    const words = step.count;
    if (out.length && used + words > budget) break;
    out.push(step);
    used += words;
  }
  return out;
}

/** Steps that lead up to the one the resident most needs, when it lies beyond those that fit from the first. */
const STEPS_BEFORE_NEEDED = 2;

/**
 * Steps from the first, as far as they fit; when the step the resident most needs lies beyond that, that step
 * and the two before it instead ("hồ sơ bị trả lại, giờ làm sao" needs "bấm gửi lại hồ sơ", step 8 of 8).
 * Shown as bullets, since the run does not start at step 1 (cross-validated on dev, 62.9% → 63.5%).
 */
export function stepsUpTo(steps: Unit[], needed: Unit | undefined, budget: number): Unit[] {
  const fromFirst = stepsWithin(steps, budget);
  if (!needed || fromFirst.includes(needed)) return fromFirst;
  const out: Unit[] = [];
  let used = 0;
  const end = steps.indexOf(needed);
  for (let i = end; i >= Math.max(0, end - STEPS_BEFORE_NEEDED); i--) {
    const step = steps[i] as Unit;
    if (out.length && used + step.count > budget) break;
    out.unshift(step);
    used += step.count;
  }
  return out;
}

/**
 * The procedure's steps within what `beside` leaves of `budget`, then `beside`: a unit the resident likely needs
 * keeps its room next to a procedure that would fill the answer. When the two cannot share the budget, the
 * procedure alone.
 */
export function procedureBeside(
  steps: Unit[],
  needed: Unit | undefined,
  beside: Unit[],
  budget: number,
): Unit[] {
  const room = budget - beside.reduce((sum, u) => sum + u.count, 0);
  const shown = room > 0 ? stepsUpTo(steps, needed, room) : [];
  const both = [...shown, ...beside.filter((u) => !shown.includes(u))];
  if (shown.length && both.reduce((sum, u) => sum + u.count, 0) <= budget) return both;
  return stepsUpTo(steps, needed, budget);
}

/** A numbered step to show on its own ("bước 3"), or undefined when the section has no such step. */
export function stepOf(chunk: Chunk, n: number): string | undefined {
  return unitsOf(chunk).find((u) => u.step === n)?.text;
}

export function stepCount(chunk: Chunk): number {
  return unitsOf(chunk).filter((u) => u.kind === "step").length;
}
