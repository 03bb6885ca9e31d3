import { contentTerms } from "./normalize.ts";

/** Smoothing of the word counts (chosen on the dev split among 0.2, 0.5 and 1). */
const SMOOTHING = 0.2;

export interface ScopeWordsState {
  inside: Map<string, number>;
  outside: Map<string, number>;
  insideMessages: number;
  outsideMessages: number;
}

/**
 * Which words residents use when a lesson answers them, against the words of messages the lessons don't
 * answer: a naive Bayes over folded words and word pairs, counted once per message, learnt from the lessons'
 * `asks` and the out-of-scope examples. It pools what the nearest-example features see one example at a time
 * ("sổ đỏ", "lãi suất", "nhập khẩu" lean outside; "otp", "mã qr", "bấm nhầm" inside), and it is fitted on
 * the curriculum, not on the evaluation's messages.
 */
export class ScopeWords {
  private constructor(
    private readonly inside: Map<string, number>,
    private readonly outside: Map<string, number>,
    private readonly insideMessages: number,
    private readonly outsideMessages: number,
  ) {}

  static build(insideTexts: string[], outsideTexts: string[]): ScopeWords {
    return new ScopeWords(
      countOf(insideTexts),
      countOf(outsideTexts),
      insideTexts.length,
      outsideTexts.length,
    );
  }

  static restore(state: ScopeWordsState): ScopeWords {
    return new ScopeWords(state.inside, state.outside, state.insideMessages, state.outsideMessages);
  }

  /** The counts, for the start-up cache. */
  state(): ScopeWordsState {
    const { inside, outside, insideMessages, outsideMessages } = this;
    return { inside, outside, insideMessages, outsideMessages };
  }

  /** log P(words | answered by a lesson) − log P(words | not): above 0 leans inside, below leans outside. */
  logOdds(text: string): number {
    return this.lean(text).odds;
  }

  /**
   * The log odds in sum, and per word or pair the counts know (0 when they know none): the sum grows with the
   * words, so a three-word message leans little either way; per word, it leans whatever its length.
   */
  lean(text: string): { odds: number; perFeature: number } {
    let odds = 0;
    let known = 0;
    for (const feature of featuresOf(text)) {
      const inside = this.inside.get(feature) ?? 0;
      const outside = this.outside.get(feature) ?? 0;
      if (!inside && !outside) continue;
      known++;
      odds +=
        Math.log((inside + SMOOTHING) / (this.insideMessages + 2 * SMOOTHING)) -
        Math.log((outside + SMOOTHING) / (this.outsideMessages + 2 * SMOOTHING));
    }
    return { odds, perFeature: known ? odds / known : 0 };
  }
}

function countOf(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const feature of featuresOf(text)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  return counts;
}

/** Folded content words (teencode expanded) and folded pairs of neighbouring ones, each once. */
function featuresOf(text: string): Set<string> {
  const words = contentTerms(text);
  const features = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) features.add(`${words[i]}_${words[i + 1]}`);
  return features;
}
