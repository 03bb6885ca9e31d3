import { describe, expect, it } from "vitest";
import { CurriculumVocabulary } from "../../src/retrieval/curriculum-vocabulary.ts";
import { lessonChunk } from "../helpers/lesson-chunk.ts";

const vocabulary = new CurriculumVocabulary([lessonChunk(0, "Bài thử", "Không đọc mã OTP cho ai.")]);

describe("curriculum vocabulary", () => {
  it("weighs a lesson's coverage of the message by how rare each word is", () => {
    const rarity = (term: string) => (term === "otp" ? 3 : 1);
    expect(vocabulary.coverage(["otp", "lua"], "m/bai", rarity)).toBeCloseTo(3 / 4);
    expect(vocabulary.coverage(["otp"], "khac/bai", rarity)).toBe(0);
  });

  it("leaves out of a lesson's coverage a slip that is no word at all, not a real word the lesson lacks", () => {
    const rarity = () => 1;
    expect(vocabulary.coverage(["otp", "tc"], "m/bai", rarity)).toBe(1);
    expect(vocabulary.coverage(["otp", "lua"], "m/bai", rarity)).toBeCloseTo(1 / 2);
  });

  it("counts a shorthand the curriculum knows by its meaning, and a word known elsewhere", () => {
    expect(vocabulary.knownShare(["ko", "otp", "vàng"], () => false)).toBeCloseTo(2 / 3);
    expect(vocabulary.knownShare(["bongda"], (w) => w === "bongda")).toBe(1);
  });

  it("leaves a slip that is no syllable out of the known share, but counts a real word the curriculum lacks", () => {
    expect(vocabulary.knownShare(["otp", "tièn", "ngừoi"], () => false)).toBe(1);
    expect(vocabulary.knownShare(["otp", "bóng"], () => false)).toBeCloseTo(1 / 2);
    expect(vocabulary.knownShare(["tièn"], () => false)).toBe(0);
  });
});
