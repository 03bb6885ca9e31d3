import type { Unit } from "./answer-units.ts";
import { tooShort } from "./unit-readability.ts";

/**
 * Short lists shown whole. Bullets side by side often split one rule between them ("từ 14 tuổi …", "từ 6
 * đến dưới 14 tuổi …", "dưới 6 tuổi …"): an answer that shows two of three reads as if the third did not
 * exist. When an answer holds two or more bullets of a list of at most LIST_MAX, the rest join them, in the
 * room left or in the room of picked units less likely to be needed than each of them and that no other
 * picked unit leans on (on dev: 5 messages more fully answered and 1 fewer, 79.5% → 79.7%; among the
 * answers it changed, a ten-year-old's question about VNeID now gets the bracket "từ 6 đến dưới 14 tuổi"), or
 * in that of a less likely sentence given up together with the one that leans on it (cross-validated on dev,
 * one message more, none fewer: "dưới 6 tuổi" beside the other two brackets).
 */
const LIST_MAX = 4;

/** The bullets of the list a bullet belongs to: its run of bullets in its section. */
export function listOf(unit: Unit, units: Unit[]): Unit[] {
  const at = units.indexOf(unit);
  const sameList = (other: Unit | undefined) => other?.kind === "bullet" && other.chunk === unit.chunk;
  let from = at;
  while (sameList(units[from - 1])) from--;
  let to = at;
  while (sameList(units[to + 1])) to++;
  return units.slice(from, to + 1);
}

/**
 * Adds to `picked` (in place) the missing bullets of each short list the answer already shows two of (the
 * direct sentence counts as shown), within `budget` words, giving up picked units (never steps) that `value`
 * ranks below every missing bullet.
 */
export function completeShortLists(
  picked: Unit[],
  units: Unit[],
  budget: number,
  value: (unit: Unit) => number,
  direct?: Unit,
): void {
  let used = picked.reduce((sum, u) => sum + u.count, 0);
  const seen = new Set<Unit>();
  for (const unit of [...picked]) {
    if (unit.kind !== "bullet" || seen.has(unit)) continue;
    const list = listOf(unit, units);
    for (const item of list) seen.add(item);
    const missing = list.filter((item) => !picked.includes(item) && item !== direct);
    if (list.length > LIST_MAX || !missing.length || list.length - missing.length < 2) continue;
    const needed = missing.reduce((sum, u) => sum + u.count, 0);
    const leastMissing = Math.min(...missing.map(value));
    const givable = givableGroups(picked, units, list)
      .filter((group) => group.every((u) => value(u) < leastMissing))
      .sort((a, b) => Math.max(...a.map(value)) - Math.max(...b.map(value)));
    const freed: Unit[] = [];
    let room = budget - used;
    for (const group of givable) {
      if (room >= needed) break;
      for (const other of group) {
        if (freed.includes(other)) continue;
        freed.push(other);
        room += other.count;
      }
    }
    if (room < needed) continue;
    for (const other of freed) picked.splice(picked.indexOf(other), 1);
    picked.push(...missing);
    used += needed - freed.reduce((sum, u) => sum + u.count, 0);
  }
}

/**
 * What an answer could give up for a list's missing bullets: each picked unit nothing leans on, alone, and a
 * sentence together with the picked one that leans on it ("Kế hoạch … 100% …" with "Đây là mục tiêu …").
 */
function givableGroups(picked: Unit[], units: Unit[], list: Unit[]): Unit[][] {
  const groups: Unit[][] = [];
  for (const unit of picked) {
    if (list.includes(unit) || unit.kind === "step" || unit.leadIn) continue;
    if (!carries(unit, picked, units)) groups.push([unit]);
    else {
      const next = units[units.indexOf(unit) + 1];
      if (next && !list.includes(next) && !carries(next, picked, units)) groups.push([unit, next]);
    }
  }
  return groups;
}

/** A unit the answer cannot lose: a step (a procedure shown in part), a lead-in, or the sentence a picked one leans on. */
function carries(unit: Unit, picked: Unit[], units: Unit[]): boolean {
  if (unit.kind === "step" || unit.leadIn) return true;
  const next = units[units.indexOf(unit) + 1];
  const leansOnIt = next !== undefined && (next.leansBack || tooShort(next));
  return leansOnIt && next.chunk === unit.chunk && picked.includes(next);
}
