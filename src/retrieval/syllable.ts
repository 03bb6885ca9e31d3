/**
 * Whether a token is a well-formed Vietnamese syllable: an initial consonant, then one of the language's
 * rhymes, and a tone the rhyme can carry (a rhyme ending in p, t, c or ch takes only the sắc or nặng tone).
 * A syllable typed with its marks that is well formed ("huyết", "khu") is a word its writer meant, even when
 * the lessons never use it; one that is not ("hàg", "khôg", "biêt", "ngừoi") is a slip worth correcting.
 */

const INITIALS = [
  "ngh",
  "ng",
  "nh",
  "ch",
  "gh",
  "gi",
  "kh",
  "ph",
  "th",
  "tr",
  "qu",
  "b",
  "c",
  "d",
  "đ",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "x",
  "",
];

/** The rhymes of Vietnamese spelling, without tone marks, grouped by their vowel. */
const RHYMES = new Set(
  [
    "a ac ach ai am an ang anh ao ap at au ay",
    "ăc ăm ăn ăng ăp ăt",
    "âc âm ân âng âp ât âu ây",
    "e ec em en eng eo ep et",
    "ê êch êm ên ênh êp êt êu",
    "i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu",
    "o oc oi om on ong op ot oo ooc oong",
    "ô ôc ôi ôm ôn ông ôp ôt",
    "ơ ơi ơm ơn ơp ơt",
    "u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt",
    "ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu",
    "y yêm yên yêng yêt yêu",
    "oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt",
    "oe oec oen oeo oet",
    "uâ uân uâng uât uây uê uêch uên uênh uêt uơ",
    "uy uya uych uyn uynh uyp uyt uyu uyên uyêt",
  ].flatMap((group) => group.split(" ")),
);

/** Combining marks of the five tones other than ngang. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const SAC_OR_NANG = /[\u0301\u0323]/u;
const STOP_FINAL = /(p|t|c|ch)$/;

export function isWellFormedSyllable(token: string): boolean {
  const decomposed = token.toLowerCase().normalize("NFD");
  const tones = decomposed.match(TONE_MARKS) ?? [];
  if (tones.length > 1) return false;
  const toneless = decomposed.replace(TONE_MARKS, "").normalize("NFC");
  if (!/^[a-zăâđêôơư]+$/u.test(toneless)) return false;
  return INITIALS.some((initial) => {
    if (!toneless.startsWith(initial)) return false;
    const rhyme = toneless.slice(initial.length);
    if (!RHYMES.has(rhyme)) return false;
    return !STOP_FINAL.test(rhyme) || (tones[0] !== undefined && SAC_OR_NANG.test(tones[0]));
  });
}
