import { describe, expect, it } from "vitest";
import {
  dictated,
  illnessInStory,
  seededRandom,
  withoutAccents,
  withSlips,
} from "../../scripts/lib/rewrite-as-residents.ts";

const MESSAGE = "Bà muốn chuyển tiền cho cháu, bấm vào đâu?";

describe("rewriting a message as residents' phones write it", () => {
  it("takes every accent and the stroke of đ off", () => {
    expect(withoutAccents("Đăng ký tài khoản định danh")).toBe("Dang ky tai khoan dinh danh");
  });

  it("writes a dictated message without punctuation, in lower case", () => {
    expect(dictated("Hôm qua tôi bị lừa. Giờ làm sao, cháu?")).toBe("hôm qua tôi bị lừa giờ làm sao cháu");
  });

  it("slips the same words the same way for the same seed, and differently for another", () => {
    const once = withSlips(MESSAGE, 0.5, seededRandom(3));
    expect(withSlips(MESSAGE, 0.5, seededRandom(3))).toBe(once);
    expect(withSlips(MESSAGE, 0.5, seededRandom(4))).not.toBe(once);
  });

  it("keeps the words, their number and their punctuation; slips none at rate 0", () => {
    expect(withSlips(MESSAGE, 0, seededRandom(1))).toBe(MESSAGE);
    const slipped = withSlips(MESSAGE, 1, seededRandom(1));
    const words = slipped.split(" ");
    expect(words).toHaveLength(MESSAGE.split(" ").length);
    expect(slipped).not.toBe(MESSAGE);
    expect(words[5]?.endsWith(",")).toBe(true);
    expect(slipped.endsWith("?")).toBe(true);
  });

  it("changes a slipped word by one letter at most: left out, swapped, or a neighbouring key", () => {
    const random = seededRandom(9);
    for (let i = 0; i < 200; i++) {
      const slipped = withSlips("chuyển", 1, random);
      const [a, b] = [[..."chuyển"], [...slipped]];
      const differing = a.filter((ch, j) => ch !== b[j]).length;
      expect(b.length === a.length - 1 || differing <= 2).toBe(true);
    }
  });

  it("opens a story with an illness it does not ask about, the story kept whole, the same for the same seed", () => {
    const story = illnessInStory(MESSAGE, seededRandom(3));
    expect(story.endsWith(` ${MESSAGE}`)).toBe(true);
    expect(story.slice(0, -MESSAGE.length - 1)).toMatch(/\S\.$/);
    expect(illnessInStory(MESSAGE, seededRandom(3))).toBe(story);
  });
});
