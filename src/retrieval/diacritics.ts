import { fold, hasDiacritics, isStopword, tokenize } from "./normalize.ts";

const MAX_FORMS = 6;
const BIGRAM_WEIGHT = 1.5;
/** A message with at least this many accented words, and this share of the words that take accents accented, is typed with accents. */
const ACCENTED_MIN_WORDS = 3;
const ACCENTED_MIN_SHARE = 0.6;
/** How much a typed mark counts (in log-probability) for a corrected syllable's form: enough that "hàg" is "hàng" even where "hằng" is far commoner. */
const MARK_WEIGHT = 4;

/** The syllable statistics a restorer works from, as `buildIndex` caches them between starts. */
export interface RestorerState {
  /** Folded syllable → accented forms with their counts, most frequent first. */
  forms: Map<string, { form: string; count: number }[]>;
  unigram: Map<string, number>;
  bigram: Map<string, number>;
}

/**
 * Puts the accents back on a message typed without them ("quen mat khau" → "quên mật khẩu"), from the
 * curriculum's own syllable statistics: how often each accented form stands for a folded syllable, and which
 * forms follow which (a bigram model, best path by Viterbi). Tokens typed with accents are kept as typed;
 * syllables the curriculum never uses are left alone.
 */
export class DiacriticRestorer {
  private constructor(private readonly built: RestorerState) {}

  /** Learns the syllable statistics of `texts`. */
  static fromTexts(texts: Iterable<string>): DiacriticRestorer {
    const counts = new Map<string, Map<string, number>>();
    const unigram = new Map<string, number>();
    const bigram = new Map<string, number>();
    for (const text of texts) {
      let previous = "";
      for (const token of tokenize(text)) {
        const folded = fold(token);
        const byForm = counts.get(folded) ?? new Map<string, number>();
        counts.set(folded, byForm);
        byForm.set(token, (byForm.get(token) ?? 0) + 1);
        unigram.set(token, (unigram.get(token) ?? 0) + 1);
        if (previous) bigram.set(`${previous} ${token}`, (bigram.get(`${previous} ${token}`) ?? 0) + 1);
        previous = token;
      }
    }
    const forms = new Map<string, { form: string; count: number }[]>();
    for (const [folded, byForm] of counts) {
      const ranked = [...byForm]
        .map(([form, count]) => ({ form, count }))
        .sort((a, b) => b.count - a.count)
        .slice(0, MAX_FORMS);
      forms.set(folded, ranked);
    }
    return new DiacriticRestorer({ forms, unigram, bigram });
  }

  static restore(state: RestorerState): DiacriticRestorer {
    return new DiacriticRestorer(state);
  }

  state(): RestorerState {
    return this.built;
  }

  /** The message's tokens with accents restored where the curriculum knows the syllable. */
  restore(text: string, typedAs: (string | undefined)[] = []): string[] {
    const tokens = tokenize(text);
    const accented = this.typedWithAccents(tokens);
    const lattice = tokens.map((token, i) => {
      const typed = typedAs[i];
      if (typed) return this.candidates(token, typed);
      return accented && this.usedAsTyped(token) ? [{ form: token, logp: 0 }] : this.candidates(token);
    });
    // Viterbi over the candidate forms of each token.
    let scores = lattice[0]?.map((c) => c.logp) ?? [];
    const back: number[][] = [];
    for (let i = 1; i < lattice.length; i++) {
      const previous = lattice[i - 1] ?? [];
      const current = lattice[i] ?? [];
      const next: number[] = [];
      const from: number[] = [];
      for (const c of current) {
        let best = Number.NEGATIVE_INFINITY;
        let bestFrom = 0;
        for (const [j, p] of previous.entries()) {
          const s = (scores[j] ?? 0) + c.logp + BIGRAM_WEIGHT * this.transition(p.form, c.form);
          if (s > best) {
            best = s;
            bestFrom = j;
          }
        }
        next.push(best);
        from.push(bestFrom);
      }
      scores = next;
      back.push(from);
    }
    const out: string[] = new Array(tokens.length);
    let at = scores.indexOf(Math.max(...scores));
    for (let i = tokens.length - 1; i >= 0; i--) {
      out[i] = lattice[i]?.[at]?.form ?? tokens[i] ?? "";
      if (i > 0) at = back[i - 1]?.[at] ?? 0;
    }
    return out;
  }

  /**
   * Whether the writer types accents: most of the words that take them carry them ("hàng xóm xây lấn sang
   * đất"). Such a writer's plain syllable is meant plain ("sang", not "sàng"); a message typed without
   * accents, or with only one or two, is restored word by word.
   */
  private typedWithAccents(tokens: string[]): boolean {
    let could = 0;
    let did = 0;
    for (const token of tokens) {
      if (hasDiacritics(token)) {
        could++;
        did++;
      } else if (!isStopword(token) && this.built.forms.get(token)?.some((f) => hasDiacritics(f.form)))
        could++;
    }
    return did >= ACCENTED_MIN_WORDS && did / Math.max(1, could) >= ACCENTED_MIN_SHARE;
  }

  /** The curriculum itself writes this syllable without accents ("sang", "ban", "con"). */
  private usedAsTyped(token: string): boolean {
    return (this.built.unigram.get(token) ?? 0) > 0;
  }

  /** The forms a syllable may take; for a corrected one, those with the marks its writer typed come first. */
  private candidates(token: string, typed?: string): { form: string; logp: number }[] {
    // Function words are restored too: they carry no topic, but they are the context that tells "cài" (beside
    // an app) from "cái" (in "là cái gì"). Left bare, they gave the bigrams nothing to go on (dev: 2 more
    // first lessons; messages with accents taken off: 91.9 → 92.3%).
    const known = hasDiacritics(token) ? undefined : this.built.forms.get(token);
    if (!known?.length) return [{ form: token, logp: 0 }];
    const total = known.reduce((s, f) => s + f.count, 0);
    const typedMarks = typed ? marksOf(typed) : null;
    return known.map((f) => ({
      form: f.form,
      logp:
        Math.log(f.count / total) + (typedMarks ? MARK_WEIGHT * agreement(typedMarks, marksOf(f.form)) : 0),
    }));
  }

  /** log P(form | previous form), add-one smoothed against the previous form's frequency. */
  private transition(previous: string, form: string): number {
    const pair = this.built.bigram.get(`${previous} ${form}`) ?? 0;
    const base = this.built.unigram.get(previous) ?? 0;
    return Math.log((pair + 0.1) / (base + 1));
  }
}

/** The tone and vowel marks of a syllable ("mún" → acute; "nguồn" → circumflex, grave), and đ. */
function marksOf(syllable: string): Set<string> {
  const marks = new Set<string>();
  for (const char of syllable.normalize("NFD")) {
    const code = char.codePointAt(0) ?? 0;
    // Combining marks, and the stroke of d (U+0111).
    if ((code >= 0x300 && code <= 0x36f) || code === 0x111) marks.add(char);
  }
  return marks;
}

/** Marks both share, less half of those only one has. */
function agreement(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const mark of a) if (b.has(mark)) shared++;
  return shared - 0.5 * (a.size - shared + (b.size - shared));
}
