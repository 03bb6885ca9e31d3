import { type BoostedTrees, leafValue, type Tree } from "../../src/tutor/trees.ts";

export interface TreeSettings {
  trees: number;
  depth: number;
  /** Learning rate: each tree's share. */
  rate: number;
  /** Fewest rows a leaf may hold. */
  minLeaf: number;
  /** Candidate thresholds per feature (quantiles of its values). */
  bins: number;
  /** L2 penalty on leaf values. */
  lambda: number;
}

const DEFAULTS: TreeSettings = { trees: 100, depth: 3, rate: 0.1, minLeaf: 20, bins: 32, lambda: 1 };

/** Gradient boosting with Newton leaf values and histogram splits, on logistic loss. */
export function fitTrees(xs: number[][], ys: number[], settings: Partial<TreeSettings> = {}): BoostedTrees {
  const s = { ...DEFAULTS, ...settings };
  if (s.bins > 256) throw new Error(`at most 256 bins a feature (one byte a value), not ${s.bins}`);
  const cuts = thresholdsOf(xs, s.bins);
  // Column by column, one byte a value: the histogram loops read one feature of many rows at a time.
  const bins = cuts.map((c, j) => Uint8Array.from(xs, (x) => binOf(c, x[j] ?? 0)));
  const positives = ys.reduce((a, b) => a + b, 0);
  const share = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(1, ys.length)));
  const base = Math.log(share / (1 - share));
  const scores = new Float64Array(xs.length).fill(base);
  const trees: Tree[] = [];
  for (let m = 0; m < s.trees; m++) {
    const gradient = new Float64Array(xs.length);
    const hessian = new Float64Array(xs.length);
    for (const [i, y] of ys.entries()) {
      const p = 1 / (1 + Math.exp(-(scores[i] ?? 0)));
      gradient[i] = y - p;
      hessian[i] = p * (1 - p);
    }
    const tree = growTree({ bins, cuts, gradient, hessian, settings: s });
    for (const [i, x] of xs.entries()) scores[i] = (scores[i] ?? 0) + s.rate * leafValue(tree, x);
    trees.push(tree);
  }
  return { kind: "trees", base: round(base), rate: s.rate, trees };
}

interface Growing {
  /** Per feature, each row's bin. */
  bins: Uint8Array[];
  cuts: number[][];
  gradient: Float64Array;
  hessian: Float64Array;
  settings: TreeSettings;
}

function growTree(g: Growing): Tree {
  const tree: Tree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const grow = (rows: number[], level: number): number => {
    const id = tree.feature.length;
    let G = 0;
    let H = 0;
    for (const i of rows) {
      G += g.gradient[i] ?? 0;
      H += g.hessian[i] ?? 0;
    }
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(round(G / (H + g.settings.lambda)));
    if (level >= g.settings.depth || rows.length < 2 * g.settings.minLeaf) return id;
    const split = bestSplit(g, rows, G, H);
    if (!split) return id;
    tree.feature[id] = split.feature;
    tree.threshold[id] = round(g.cuts[split.feature]?.[split.bin] ?? 0);
    const column = g.bins[split.feature] as Uint8Array;
    const goesLeft = (i: number) => (column[i] ?? 0) <= split.bin;
    tree.left[id] = grow(
      rows.filter((i) => goesLeft(i)),
      level + 1,
    );
    tree.right[id] = grow(
      rows.filter((i) => !goesLeft(i)),
      level + 1,
    );
    return id;
  };
  grow(
    Array.from({ length: g.gradient.length }, (_, i) => i),
    0,
  );
  return tree;
}

/** The split of `rows` that most reduces the loss, by feature histogram; null when none helps. */
function bestSplit(
  g: Growing,
  rows: number[],
  G: number,
  H: number,
): { feature: number; bin: number } | null {
  const { lambda, minLeaf } = g.settings;
  const parent = (G * G) / (H + lambda);
  let best: { feature: number; bin: number; gain: number } | null = null;
  for (const [feature, cuts] of g.cuts.entries()) {
    const size = cuts.length + 1;
    if (size < 2) continue;
    const gs = new Float64Array(size);
    const hs = new Float64Array(size);
    const counts = new Int32Array(size);
    const column = g.bins[feature] as Uint8Array;
    const { gradient, hessian } = g;
    for (const i of rows) {
      const b = column[i] as number;
      gs[b] = (gs[b] as number) + (gradient[i] as number);
      hs[b] = (hs[b] as number) + (hessian[i] as number);
      counts[b] = (counts[b] as number) + 1;
    }
    let gl = 0;
    let hl = 0;
    let left = 0;
    for (let bin = 0; bin < size - 1; bin++) {
      gl += gs[bin] ?? 0;
      hl += hs[bin] ?? 0;
      left += counts[bin] ?? 0;
      if (left < minLeaf || rows.length - left < minLeaf) continue;
      const gain = (gl * gl) / (hl + lambda) + ((G - gl) * (G - gl)) / (H - hl + lambda) - parent;
      if (gain > (best?.gain ?? 1e-9)) best = { feature, bin, gain };
    }
  }
  return best;
}

/** Candidate thresholds of each feature: midpoints between its distinct values, or between quantiles. */
function thresholdsOf(xs: number[][], bins: number): number[][] {
  const width = xs[0]?.length ?? 0;
  return Array.from({ length: width }, (_, j) => {
    const values = [...new Set(xs.map((x) => x[j] ?? 0))].sort((a, b) => a - b);
    const at = (i: number) => ((values[i - 1] ?? 0) + (values[i] ?? 0)) / 2;
    if (values.length <= bins) return values.slice(1).map((_, i) => at(i + 1));
    return Array.from({ length: bins - 1 }, (_, b) => at(Math.floor(((b + 1) * values.length) / bins)));
  });
}

/** The bin of a value: how many thresholds lie below it. */
function binOf(cuts: number[], value: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= (cuts[mid] ?? 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
