/** A logistic regression over standardised features: what the tutor's fitted decisions are made of. */
export interface LogisticModel {
  /** Per feature: mean and spread used to standardise it before weighting. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/**
 * How far from its mean, in spreads, a feature may count. A feature that hardly varies on the messages a model
 * was fitted on (the share of a message's words the curriculum knows is nearly always 1 on dev) would otherwise
 * decide alone for a message unlike them: one slip of the thumb put it twenty spreads away.
 */
export const MAX_SPREADS = 3;

/** A feature standardised by the model's mean and spread, within MAX_SPREADS either side. */
export function standardised(x: number, mean: number, scale: number): number {
  const z = (x - mean) / (scale || 1);
  return Math.max(-MAX_SPREADS, Math.min(MAX_SPREADS, z));
}

export function probability(model: LogisticModel, features: number[]): number {
  let z = model.bias;
  for (const [i, x] of features.entries())
    z += (model.weights[i] ?? 0) * standardised(x, model.mean[i] ?? 0, model.scale[i] ?? 1);
  return 1 / (1 + Math.exp(-z));
}
