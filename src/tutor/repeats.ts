import { contentWords, type Unit } from "./answer-units.ts";

/** Two units that each have this many content words of their own say different things, however many they share. */
const OWN_WORDS_OF_PARALLEL = 2;

/** Units whose words mostly repeat the direct sentence, or an earlier unit, are dropped. */
export function withoutRepeats(units: Unit[], direct: string): Unit[] {
  const kept: Unit[] = [];
  const seen = [new Set(contentWords(direct))];
  for (const unit of units) {
    const words = new Set(unit.words);
    if (seen.some((other) => similar(words, other))) continue;
    seen.push(words);
    kept.push(unit);
  }
  return kept;
}

/**
 * Mostly the same words, unless each says something the other does not: parallel statements ("nhấn cùng lúc
 * nút nguồn và nút giảm âm lượng" for Android beside "… nút sườn và nút tăng âm lượng" for iPhone) are not
 * repeats (cross-validated on dev: 4 right-lesson messages more fully answered, none fewer).
 */
function similar(a: Set<string>, b: Set<string>): boolean {
  if (!a.size || !b.size) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const parallel = a.size - shared >= OWN_WORDS_OF_PARALLEL && b.size - shared >= OWN_WORDS_OF_PARALLEL;
  return !parallel && shared / Math.min(a.size, b.size) >= 0.8;
}
