import { describe, expect, it } from "vitest";
import { type BoostedTrees, treesProbability } from "../../src/tutor/trees.ts";

/** One tree: x0 ≤ 0.5 → leaf −2; else x1 ≤ 1 → leaf 1, else leaf 3. */
const model: BoostedTrees = {
  kind: "trees",
  base: 0,
  rate: 0.5,
  trees: [
    {
      feature: [0, -1, 1, -1, -1],
      threshold: [0.5, 0, 1, 0, 0],
      left: [1, -1, 3, -1, -1],
      right: [2, -1, 4, -1, -1],
      value: [0, -2, 0, 1, 3],
    },
  ],
};
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe("boosted trees", () => {
  it("walks each tree to a leaf and adds its scaled value to the base log-odds", () => {
    expect(treesProbability(model, [0.2, 5])).toBeCloseTo(sigmoid(-1), 10);
    expect(treesProbability(model, [0.9, 1])).toBeCloseTo(sigmoid(0.5), 10);
    expect(treesProbability(model, [0.9, 2])).toBeCloseTo(sigmoid(1.5), 10);
    const twice: BoostedTrees = { ...model, base: 1, trees: [...model.trees, ...model.trees] };
    expect(treesProbability(twice, [0.9, 2])).toBeCloseTo(sigmoid(1 + 0.5 * 3 + 0.5 * 3), 10);
  });
});
