/** A logistic regression over standardised features: what the tutor's fitted decisions are made of. */
export interface LogisticModel {
  /** Per feature: mean and spread used to standardise it before weighting. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export function probability(model: LogisticModel, features: number[]): number {
  let z = model.bias;
  for (const [i, x] of features.entries())
    z += (model.weights[i] ?? 0) * ((x - (model.mean[i] ?? 0)) / (model.scale[i] || 1));
  return 1 / (1 + Math.exp(-z));
}
