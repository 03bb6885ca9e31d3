import { describe, expect, it } from "vitest";
import { type LogisticModel, MAX_SPREADS, probability, standardised } from "../../src/tutor/logistic.ts";

describe("a fitted decision reading a feature", () => {
  // Fitted where the feature hardly varied (as the share of known words on dev: nearly always 1).
  const model: LogisticModel = { mean: [1], scale: [0.005], weights: [1], bias: 0 };

  it("counts a feature far outside its fitted spread as at most MAX_SPREADS spreads", () => {
    const slipped = probability(model, [0.8]); // forty spreads below the mean
    expect(slipped).toBeCloseTo(1 / (1 + Math.exp(MAX_SPREADS)), 10);
    expect(slipped).toBeCloseTo(probability(model, [1 - MAX_SPREADS * 0.005]), 10);
  });

  it("reads a feature within its spread as it is", () => {
    expect(standardised(1.01, 1, 0.005)).toBeCloseTo(2, 10);
    expect(probability(model, [0.995])).toBeCloseTo(1 / (1 + Math.exp(1)), 10);
  });
});
