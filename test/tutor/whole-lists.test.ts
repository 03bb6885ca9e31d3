import { describe, expect, it } from "vitest";
import { type Unit, unitsOf } from "../../src/tutor/answer-units.ts";
import { completeShortLists, listOf } from "../../src/tutor/whole-lists.ts";
import { lessonChunk } from "../helpers/lesson-chunk.ts";

const ages = lessonChunk(
  1,
  "Độ tuổi",
  [
    "Theo quy định:",
    "- Từ 14 tuổi trở lên: được cấp mức 1 và mức 2.",
    "- Từ 6 đến dưới 14 tuổi: được cấp khi có nhu cầu.",
    "- Dưới 6 tuổi: chỉ được cấp mức 1.",
    "Muốn làm cho con nhỏ, hãy hỏi Công an phường.",
    "Mức 2 dùng thay giấy tờ trong nhiều việc, ở phường cũng như ở nhiều nơi khác.",
    "Kế hoạch của phường đặt mục tiêu cho công dân từ 16 tuổi.",
    "Đây là mục tiêu phủ kín.",
  ].join("\n"),
);
const units = unitsOf(ages, 1);
const unit = (start: string) => units.find((u) => u.text.startsWith(start)) as Unit;
const over14 = unit("Từ 14");
const from6 = unit("Từ 6");
const under6 = unit("Dưới 6");
const askPolice = unit("Muốn làm");
const level2 = unit("Mức 2");
const plan = unit("Kế hoạch");
const planLeaning = unit("Đây là");
const rank = new Map<Unit, number>([
  [over14, 0.9],
  [under6, 0.8],
  [askPolice, 0.7],
  [from6, 0.3],
  [level2, 0.2],
]);
const value = (u: Unit) => rank.get(u) ?? 0;
const words = (list: Unit[]) => list.reduce((sum, u) => sum + u.count, 0);

describe("short lists shown whole", () => {
  it("knows a bullet's list: the run of bullets around it in its section", () => {
    expect(listOf(from6, units)).toEqual([over14, from6, under6]);
  });

  it("adds the bracket left out when an answer shows two of three, in the room left", () => {
    const picked = [over14, under6];
    completeShortLists(picked, units, 80, value);
    expect(picked).toContain(from6);
  });

  it("makes room by giving up a picked sentence less likely to be needed than the missing bullet", () => {
    const picked = [over14, under6, level2];
    completeShortLists(picked, units, words(picked), value);
    expect(picked).toContain(from6);
    expect(picked).not.toContain(level2);
  });

  it("keeps a likelier sentence and leaves the list as it was when there is no other room", () => {
    const picked = [over14, under6, askPolice];
    completeShortLists(picked, units, words(picked), value);
    expect(picked).toEqual([over14, under6, askPolice]);
  });

  it("may give up a sentence that the next picked sentence does not lean on", () => {
    const ranks = new Map<Unit, number>([...rank, [askPolice, 0.1], [level2, 0.9]]);
    const picked = [over14, under6, askPolice, level2];
    completeShortLists(picked, units, words(picked) + 2, (u) => ranks.get(u) ?? 0);
    expect(picked).toContain(from6);
    expect(picked).not.toContain(askPolice);
  });

  it("gives up a less likely sentence together with the picked one that leans on it, never the first alone", () => {
    const picked = [over14, under6, plan, planLeaning];
    const budget = words(picked) + from6.count - plan.count + 1;
    completeShortLists(picked, units, budget, value);
    expect(picked).toContain(from6);
    expect(picked).not.toContain(plan);
    expect(picked).not.toContain(planLeaning);
  });

  it("keeps a sentence and the one leaning on it when that one is likelier than the missing bullet", () => {
    const ranks = new Map<Unit, number>([...rank, [planLeaning, 0.95]]);
    const picked = [over14, under6, plan, planLeaning];
    completeShortLists(picked, units, words(picked) + 1, (u) => ranks.get(u) ?? 0);
    expect(picked).toEqual([over14, under6, plan, planLeaning]);
  });

  it("leaves a list alone when the answer shows only one of its bullets, or when the direct sentence is the other", () => {
    const one = [over14, askPolice];
    completeShortLists(one, units, 80, value);
    expect(one).toEqual([over14, askPolice]);
    const withDirect = [over14];
    completeShortLists(withDirect, units, 80, value, under6);
    expect(withDirect).toEqual([over14, from6]);
  });
});
