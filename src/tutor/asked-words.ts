import { contentTerms } from "../retrieval/normalize.ts";
import { focusOf } from "../retrieval/query-focus.ts";
import type { Unit } from "./answer-units.ts";

/**
 * How much a unit's value drops when every asking word it says is already said by the answer (a share of
 * them, that share of it). Chosen on dev, cross-validated (right-lesson messages fully answered, of 1,549,
 * from 1,352 without it): 0.15 → 1,356; 0.25 → 1,357; 0.3 → 1,358; 0.35 → 1,360; 0.4 → 1,358; 0.5 → 1,353;
 * 1 → 1,285. The middle of the plateau is taken.
 */
export const REPEAT_DISCOUNT = 0.3;

/**
 * The words of the question that ask (a long message's asking sentences, a short one whole), and which of them
 * the answer says so far. A message that asks two things ("vào ở đâu, cần chuẩn bị gì") needs a unit for
 * each; units that all answer the first leave the second unanswered.
 */
export class AskedWords {
  private readonly asking: Set<string>;
  private readonly said = new Set<string>();
  private readonly ofUnit = new Map<Unit, string[]>();

  constructor(question: string) {
    this.asking = new Set(contentTerms(focusOf(question) ?? question));
  }

  /** The answer now says these units. */
  cover(units: Iterable<Unit>): void {
    for (const unit of units) for (const word of this.askingIn(unit)) this.said.add(word);
  }

  /** The share of the asking words a unit says that the answer already says; 0 when it says none. */
  repeated(unit: Unit): number {
    const own = this.askingIn(unit);
    if (!own.length) return 0;
    return own.filter((word) => this.said.has(word)).length / own.length;
  }

  private askingIn(unit: Unit): string[] {
    let own = this.ofUnit.get(unit);
    if (!own) {
      own = [...new Set(unit.words.filter((word) => this.asking.has(word)))];
      this.ofUnit.set(unit, own);
    }
    return own;
  }
}

/**
 * The units in the order the answer takes them: each time the one of highest value, discounted by the share
 * of its asking words the answer already says. Lazy, so what the caller takes (`asked.cover`) counts for the
 * next; ties keep the given order.
 */
export function* inOrderOfNovelty(
  units: Unit[],
  value: (unit: Unit) => number,
  asked: AskedWords,
): Generator<Unit> {
  const left = [...units];
  while (left.length) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    left.forEach((unit, i) => {
      const discounted = value(unit) * (1 - REPEAT_DISCOUNT * asked.repeated(unit));
      if (discounted > bestValue) {
        bestValue = discounted;
        best = i;
      }
    });
    yield left.splice(best, 1)[0] as Unit;
  }
}
