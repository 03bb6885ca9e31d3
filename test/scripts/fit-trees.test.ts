import { describe, expect, it } from "vitest";
import { fitTrees } from "../../scripts/lib/fit-trees.ts";
import { treesProbability } from "../../src/tutor/trees.ts";

describe("fitting boosted trees", () => {
  it("learns a rule two features make together, which no weighted sum of them can (exclusive or)", () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 400; i++) {
      const a = ((i * 7919) % 100) / 100;
      const b = ((i * 104729) % 97) / 97;
      xs.push([a, b]);
      ys.push(a > 0.5 !== b > 0.5 ? 1 : 0);
    }
    const model = fitTrees(xs, ys, { trees: 60, depth: 2, rate: 0.3, minLeaf: 5 });
    const right = xs.filter((x, i) => treesProbability(model, x) > 0.5 === (ys[i] === 1)).length;
    expect(right / xs.length).toBeGreaterThan(0.95);
  });

  it("starts from the share of positives when no split helps", () => {
    const model = fitTrees([[1], [1], [1], [1]], [1, 0, 0, 0], { trees: 3, minLeaf: 1 });
    expect(model.trees.every((t) => t.feature[0] === -1)).toBe(true);
    expect(treesProbability({ ...model, trees: [] }, [1])).toBeCloseTo(0.25, 3);
  });
});

describe("fitting boosted trees, settings", () => {
  it("refuses more bins a feature than one byte holds, rather than folding them together unnoticed", () => {
    expect(() => fitTrees([[0], [1]], [0, 1], { bins: 300 })).toThrow(/256 bins/);
  });
});
