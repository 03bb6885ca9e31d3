/** How much each ranking counts in the fusion, and the fusion's rank offset (tuned on the dev split). */
export interface FusionWeights {
  chunkLexical: number;
  chunkDense: number;
  lessonLexical: number;
  askLexical: number;
  askDense: number;
  rrfK: number;
  /** How much the asking sentences of a long message count again, on top of the whole message. */
  focus: number;
  /** How much more an ask counts for choosing the section than for choosing the lesson. */
  sectionAsks: number;
  /** A section whose heading the message says word for word ("quên mật khẩu"). */
  heading: number;
}

export const FUSION_WEIGHTS: FusionWeights = {
  chunkLexical: 3.91,
  chunkDense: 0.75,
  lessonLexical: 1.18,
  askLexical: 1.8,
  askDense: 0.08,
  rrfK: 5,
  focus: 0.31,
  sectionAsks: 0,
  heading: 0.75,
};
