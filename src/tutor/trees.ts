/**
 * Gradient-boosted decision trees for a yes/no question (logistic loss): what the answer's unit model is when
 * the features matter together (an advice sentence counts for more in the section that restates the
 * question), which a weighted sum cannot say. Fitted by `scripts/lib/fit-trees.ts`.
 */
export interface BoostedTrees {
  kind: "trees";
  /** The starting log-odds (the share of positives in the data it was fitted on). */
  base: number;
  /** Each tree's contribution is scaled by this (the learning rate it was fitted with). */
  rate: number;
  trees: Tree[];
}

/**
 * One tree as parallel arrays over its nodes, node 0 the root: a node with `feature[n] ≥ 0` sends x to
 * `left[n]` when x[feature] ≤ threshold[n], else to `right[n]`; a node with feature −1 is a leaf worth
 * `value[n]` (log-odds).
 */
export interface Tree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export function treesProbability(model: BoostedTrees, features: number[]): number {
  let z = model.base;
  for (const tree of model.trees) z += model.rate * leafValue(tree, features);
  return 1 / (1 + Math.exp(-z));
}

export function leafValue(tree: Tree, features: number[]): number {
  let n = 0;
  for (let feature = tree.feature[0] ?? -1; feature >= 0; feature = tree.feature[n] ?? -1)
    n = ((features[feature] ?? 0) <= (tree.threshold[n] ?? 0) ? tree.left[n] : tree.right[n]) ?? 0;
  return tree.value[n] ?? 0;
}
