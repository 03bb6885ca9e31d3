import { type LogisticModel, standardised } from "../../src/tutor/logistic.ts";

/**
 * L2-regularised logistic regression on standardised features, by gradient descent. `balanced`: each class
 * weighs half of the loss however many examples it has (for a decision whose threshold weighs the share of
 * each class it gets wrong, not the count).
 */
export function fitLogistic(
  xs: number[][],
  ys: number[],
  { lambda = 0.01, steps = 3000, rate = 0.3, balanced = false } = {},
): LogisticModel {
  const d = xs[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => avg(xs.map((x) => x[j] ?? 0)));
  const scale = Array.from({ length: d }, (_, j) => {
    const m = mean[j] ?? 0;
    return Math.sqrt(avg(xs.map((x) => ((x[j] ?? 0) - m) ** 2))) || 1;
  });
  // Fitted on what the model will read: features within MAX_SPREADS of their mean.
  const zs = xs.map((x) => x.map((v, j) => standardised(v, mean[j] ?? 0, scale[j] ?? 1)));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  const positives = ys.filter((y) => y > 0.5).length;
  const classWeight = (y: number) =>
    !balanced ? 1 : zs.length / (2 * Math.max(1, y > 0.5 ? positives : zs.length - positives));
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (const [i, z] of zs.entries()) {
      let s = bias;
      for (let j = 0; j < d; j++) s += (weights[j] ?? 0) * (z[j] ?? 0);
      const error = (1 / (1 + Math.exp(-s)) - (ys[i] ?? 0)) * classWeight(ys[i] ?? 0);
      for (let j = 0; j < d; j++) grad[j] = (grad[j] ?? 0) + error * (z[j] ?? 0);
      gradBias += error;
    }
    for (let j = 0; j < d; j++)
      weights[j] = (weights[j] ?? 0) - rate * ((grad[j] ?? 0) / zs.length + lambda * (weights[j] ?? 0));
    bias -= (rate * gradBias) / zs.length;
  }
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return { mean: mean.map(round), scale: scale.map(round), weights: weights.map(round), bias: round(bias) };
}

function avg(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}
