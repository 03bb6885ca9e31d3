import { describe, expect, it } from "vitest";
import { fitLogistic } from "../../scripts/lib/fit-logistic.ts";
import { probability } from "../../src/tutor/logistic.ts";

describe("fitting a logistic regression", () => {
  // One feature; where it is 1 there are ten positives for every negative, as dev has ten in-scope messages
  // for every out-of-scope one.
  const xs: number[][] = [];
  const ys: number[] = [];
  const add = (x: number, y: number, n: number) => {
    for (let i = 0; i < n; i++) {
      xs.push([x]);
      ys.push(y);
    }
  };
  add(0, 0, 20);
  add(1, 0, 10);
  add(1, 1, 100);
  add(2, 1, 200);

  it("leans to the larger class on counts", () => {
    expect(probability(fitLogistic(xs, ys), [1])).toBeGreaterThan(0.75);
  });

  it("weighs each class alike when balanced, so the smaller one is not drowned", () => {
    const balanced = probability(fitLogistic(xs, ys, { balanced: true }), [1]);
    expect(balanced).toBeLessThan(0.6);
    expect(probability(fitLogistic(xs, ys, { balanced: true }), [2])).toBeGreaterThan(0.8);
  });
});
