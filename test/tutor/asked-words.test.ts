import { describe, expect, it } from "vitest";
import type { Unit } from "../../src/tutor/answer-units.ts";
import { unitsOf } from "../../src/tutor/answer-units.ts";
import { AskedWords, inOrderOfNovelty, REPEAT_DISCOUNT } from "../../src/tutor/asked-words.ts";
import { lessonChunk } from "../helpers/lesson-chunk.ts";

const [where, whereAgain, bring, weather] = unitsOf(
  lessonChunk(
    1,
    "Học ở đâu",
    [
      "- Vào trang học trên điện thoại.",
      "- Trang học mở trên máy tính cũng được.",
      "- Mang theo thẻ căn cước khi đến lớp.",
      "- Trời mưa thì mặc áo ấm.",
    ].join("\n"),
  ),
) as [Unit, Unit, Unit, Unit];

describe("the words a question asks with", () => {
  it("counts the share of a unit's asking words the answer already says", () => {
    const asked = new AskedWords("vào trang học ở đâu, cần mang thẻ gì");
    expect(asked.repeated(whereAgain)).toBe(0);
    asked.cover([where]);
    expect(asked.repeated(whereAgain)).toBe(1);
    expect(asked.repeated(bring)).toBe(0);
    // A unit that says none of the asking words is never discounted.
    expect(asked.repeated(weather)).toBe(0);
  });

  it("reads only the asking sentences of a long message", () => {
    const story =
      "Hôm qua trời mưa to, cả nhà ở nhà xem ti vi, bà cháu ngồi nói chuyện mãi về chuyện học hành của mấy đứa nhỏ trong xóm. " +
      "Cho bà hỏi mang thẻ gì?";
    const asked = new AskedWords(story);
    asked.cover([weather, where]);
    expect(asked.repeated(weather)).toBe(0);
    expect(asked.repeated(bring)).toBe(0);
  });

  it("takes a unit that answers another part of the question before one that repeats a part answered", () => {
    const asked = new AskedWords("vào trang học ở đâu, cần mang thẻ gì");
    // The repeat is likelier, by less than half the discount: the other part's unit goes first.
    const values = new Map([
      [where, 1],
      [whereAgain, 0.9],
      [bring, 0.9 * (1 - REPEAT_DISCOUNT / 2)],
    ]);
    const order: Unit[] = [];
    for (const unit of inOrderOfNovelty([where, whereAgain, bring], (u) => values.get(u) ?? 0, asked)) {
      order.push(unit);
      asked.cover([unit]);
    }
    expect(order).toEqual([where, bring, whereAgain]);
  });

  it("keeps the order of value when nothing is answered yet or nothing repeats", () => {
    const asked = new AskedWords("trời mưa");
    const order = [...inOrderOfNovelty([bring, where, whereAgain], () => 1, asked)];
    expect(order).toEqual([bring, where, whereAgain]);
  });
});
