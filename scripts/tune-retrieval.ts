/**
 * npm run tune-retrieval — on the dev split only: lesson hit@1 and hit@3 of in-scope messages for the
 * current fusion weights, each ranking left out in turn, and a coordinate search around the current
 * weights. Prints the best weights found; copying them into FUSION_WEIGHTS is a reviewed, manual step.
 */
import { join, resolve } from "node:path";
import { loadConfig } from "../src/config/load-config.ts";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { buildIndex } from "../src/retrieval/build-index.ts";
import { createEmbeddings } from "../src/retrieval/create-embeddings.ts";
import { FUSION_WEIGHTS, type FusionWeights } from "../src/retrieval/fusion-weights.ts";
import type { HybridIndex } from "../src/retrieval/hybrid-index.ts";
import { redactPersonalData } from "../src/tutor/redact.ts";
import { readSplit } from "./eval-lib.ts";

const curriculum = await loadCurriculum(resolve("knowledge"));
const { index } = await buildIndex(curriculum, { embeddings: createEmbeddings(loadConfig()) });
const questions = readSplit(join("test", "fixtures", "eval", "dev")).filter((q) => q.lessons.length);

async function measure(weights: FusionWeights): Promise<{ hit1: number; hit3: number }> {
  const tuned: HybridIndex = index.withWeights(weights);
  let hit1 = 0;
  let hit3 = 0;
  for (const q of questions) {
    const { hits } = await tuned.search(redactPersonalData(q.q).text, 3);
    const rank = hits.findIndex((h) => q.lessons.includes(h.lessonId));
    if (rank === 0) hit1++;
    if (rank >= 0) hit3++;
  }
  return { hit1: hit1 / questions.length, hit3: hit3 / questions.length };
}

const show = (label: string, m: { hit1: number; hit3: number }) =>
  console.log(`${label.padEnd(28)} hit@1 ${(m.hit1 * 100).toFixed(1)}  hit@3 ${(m.hit3 * 100).toFixed(1)}`);

const base = await measure(FUSION_WEIGHTS);
show(`current (${questions.length} msgs)`, base);
const rankings = ["chunkLexical", "chunkDense", "lessonLexical", "askLexical", "askDense"] as const;
for (const name of [...rankings, "focus", "heading"] as const)
  show(`without ${name}`, await measure({ ...FUSION_WEIGHTS, [name]: 0 }));

let best = { ...FUSION_WEIGHTS };
let bestScore = base.hit1 + 0.5 * base.hit3;
for (let round = 0; round < 2; round++) {
  for (const name of [...rankings, "rrfK", "focus", "heading"] as const) {
    const current = best[name];
    const steps =
      name === "rrfK" ? [5, 10, 20, 40, 60] : [current * 0.5, current * 0.75, current * 1.25, current * 1.5];
    for (const value of steps) {
      const trial = { ...best, [name]: Math.round(value * 100) / 100 };
      const m = await measure(trial);
      const score = m.hit1 + 0.5 * m.hit3;
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = trial;
        show(`  ${name} = ${trial[name]}`, m);
      }
    }
  }
}
console.log(`best: ${JSON.stringify(best)}`);
