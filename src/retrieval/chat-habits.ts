import { fold } from "./normalize.ts";

/**
 * How residents dress a question in a chat, read away before retrieval: a greeting, "cho em hỏi", "mẹ em nhờ
 * hỏi", a closing thanks, letters held down for emphasis ("vớiiii", "quáaa").
 *
 * Residents open and close a message politely: "Chào em, cho chị hỏi chút: … ạ. Cảm ơn em nhiều!". Those words
 * ask nothing, yet "hỏi" and "cảm ơn" are words the curriculum uses: read with the question, they pulled short
 * messages to other lessons and got some declined (dev's short and accented messages wrapped so: first lesson
 * 89.5 → 80.3%, declined 1.2 → 6.6%). Matched on folded words, so typed with or without accents.
 */

/** Who the writer is, as they call themselves before "hỏi". */
const WRITER = "(?:toi|tui|em|e|chi|c|anh|a|minh|mk|mik|ba|ong|chau|co|chu|bac|con|t)";
/** Whom they address: "em ơi", "chào ad". */
const ADDRESSED = "(?:em|e|ad|admin|chau|ban|b|anh|a|chi|c|co|chu|bac|tro ly|bot|moi nguoi|mn|ca nha|shop)";
/** Softeners after "hỏi": "chút", "xíu", "một chút", "cái", "với", "nhé". */
const SOFTENER = "(?: (?:chut|xiu|ti|mot chut|1 chut|cai|voi|nhe|nha|a|ah))*";
const END = "(?![a-z0-9])";
/** Who a resident may ask for: family, neighbours, the elders of their group. */
const WHO =
  "me|bo|ba|ma|ong|co|chu|bac|di|cau|anh|chi|em|con|chau|vo|chong|cu|hang xom|ban|nguoi quen|ba con|bo me|ong ba";
/** What narrows them down: "bà nội em", "cô chú nhà bên cạnh", "bác lớn tuổi trong tổ dân phố". */
const WHICH =
  "noi|ngoai|gai|trai|lon|ca|ut|toi|tui|em|e|minh|mk|chau|con|cua|nha|ben canh|hang xom|co|gia|lon tuoi|o que|" +
  "trong|cung|to|dan pho|xom|nhom|huu tri";
/**
 * Someone a resident asks for ("mẹ em", "bà nội", "ông nhà tôi", "hàng xóm", "mấy cụ trong tổ"): many write for
 * a parent or a neighbour who cannot type. Only words that say who: "Mẹ tôi bị lừa mất tiền, muốn biết …"
 * keeps what happened.
 */
const ASKER = `(?:may |cac )?(?:${WHO})(?: (?:${WHO}|${WHICH})){0,5}`;
/** What the one writing for them says: "nhờ (tôi) hỏi (hộ)", "bảo em hỏi", "muốn biết", "đang thắc mắc". */
const ASKS_FOR = `(?:(?:nho|bao|dan)(?: ${WRITER})? hoi(?: (?:ho|giup|dum|thay))?|hoi(?: ${WRITER})?(?= (?:la|rang)${END})|(?:dang )?(?:muon|can) (?:biet|hoi)|dang (?:hoi|thac mac)|thac mac)`;
/** After asking for someone: "với", "ạ", "nhé", "được không ạ", "chút", "một việc". */
const PLEASE =
  "(?: (?:voi|a|ah|nhe|nha|duoc khong|duoc ko|dc ko|dc k|duoc k|chut|xiu|ti|mot chut|1 chut|mot viec|1 viec))*";

/** Openings, each tried at the start of what is left, until none matches. */
const OPENINGS = [
  new RegExp(`^(?:alo+ ?)+${END}`),
  new RegExp(`^(?:xin chao|chao|hi|hello|helo|hey)(?: ${ADDRESSED})?${END}`),
  new RegExp(`^${ADDRESSED} oi+${END}`),
  // "Dạ" and "vâng" before a request; "đã" folds the same, so only before words that begin one.
  new RegExp(`^(?:da|vang)(?= (?:cho|xin|em|e|chau|con|toi|minh|ad|may|cac|${WHO})${END})`),
  // On someone's behalf: "Mẹ em nhờ hỏi:", "Con gái bảo tôi hỏi", "Bà nội hỏi cháu là", "Ông nhà tôi muốn
  // biết", "Cho em hỏi hộ má em với ạ", "Thay mặt mấy cụ trong tổ, tôi xin hỏi". Not "con tôi hỏi AI …" (the
  // asking is the question there), "bà muốn hỏi ai" nor "mẹ nhờ em cài …".
  new RegExp(`^${ASKER} ${ASKS_FOR}(?: (?:la|rang))?${PLEASE}${END}(?! ai${END})`),
  new RegExp(`^(?:(?:cho|xin) )?(?:${WRITER} )?hoi (?:ho|giup|dum|thay) ${ASKER}${PLEASE}${END}`),
  new RegExp(`^nho ${ADDRESSED} (?:giai dap|tra loi|tu van|chi)(?: (?:giup|ho|dum))? ${ASKER}${END}`),
  new RegExp(`^thay mat ${ASKER}(?: ${WRITER})?(?: xin)? hoi${END}`),
  new RegExp(`^(?:cho|xin)(?: ${WRITER})? hoi${SOFTENER}${END}`),
  // "Tôi muốn hỏi …", but not "tôi muốn hỏi ai …": there "hỏi ai" is the question.
  new RegExp(`^${WRITER} (?:(?:muon|can|xin) hoi|(?:muon|can) biet)${SOFTENER}${END}(?! ai${END})`),
  new RegExp(`^hoi (?:chut|xiu|ti)${END}`),
];

/** What may follow a closing thanks: whom it thanks and how much ("cảm ơn em nhiều ạ", "thanks ad"). */
const THANKED = `(?: (?:${ADDRESSED}|nhieu|nhiu|rat|lam|truoc|nha|nhe|a|ah|ak|u|you|so much))*`;
/** A closing thanks; "viết lời cảm ơn khách hàng" is a question, so only whom-and-how-much may follow it. */
const CLOSING = new RegExp(
  `(?:^| )(?:xin )?(?:cam on|cmon|camon|thank you|thanks|thank|tks|thks|thx)${THANKED}$`,
);

/** At least this many words must be left, or the message is all courtesy and kept as typed ("chào em"). */
const MIN_WORDS_LEFT = 2;

/** The message without its greeting, its "cho em hỏi" and its closing thanks; as typed when nothing else is left. */
export function withoutCourtesy(text: string): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  // Each word's folded letters; a word of punctuation or emoji alone has none and is skipped when matching.
  const keys = tokens.map((t) => fold(t.toLowerCase()).replace(/[^a-z0-9]+/g, ""));
  const words = keys.flatMap((key, i) => (key ? [i] : []));
  let first = 0;
  let last = words.length;
  const spoken = () =>
    words
      .slice(first, last)
      .map((i) => keys[i])
      .join(" ");
  for (let moved = true; moved; ) {
    moved = false;
    for (const opening of OPENINGS) {
      const matched = opening.exec(spoken())?.[0];
      if (!matched) continue;
      first += matched.split(" ").length;
      moved = true;
      break;
    }
  }
  const closing = CLOSING.exec(spoken())?.[0];
  if (closing) last -= closing.trim().split(" ").length;
  if (last - first < MIN_WORDS_LEFT) return text;
  if (first === 0 && last === words.length) return text;
  const from = first === 0 ? 0 : (words[first - 1] ?? -1) + 1;
  const to = last === words.length ? tokens.length : (words[last] ?? tokens.length);
  return tokens
    .slice(from, to)
    .join(" ")
    .replace(/^[\s,.:;!?…-]+/u, "");
}

/** An opening clause saying whom the message is asked for runs at most this many words. */
const ASKED_FOR_MAX_WORDS = 16;
/**
 * Asking for someone, anywhere in the clause, and what may follow it before the question: "nhờ em hỏi (là)",
 * "hỏi thay cho", "em hỏi hộ", "muốn biết (rằng)", "thắc mắc".
 */
const ASKING_FOR = new RegExp(
  `(?:^| )(?:(?:nho|bao|dan)(?: ${WRITER}){0,2} hoi|hoi (?:ho|giup|dum|thay)|(?:muon|can) (?:biet|hoi)|thac mac)${END}(?! ai${END})(?: (?:la|rang)${END})?${PLEASE}`,
);
/** Someone named in it ("có" folds as "cô" does, and is too common to name anyone). */
const SOMEONE = new RegExp(`(?:^| )(?:${WHO.replace("|co|", "|")}|dong nghiep|to truong|thong gia)${END}`);

/**
 * The message without an opening clause, up to a colon or comma, that says whom it is asked for ("Cô Lan ở
 * tổ dân phố nhờ em hỏi:", "Mình hỏi giúp đứa bạn thân chút nhé,"): it names someone and asks for them, and
 * asks nothing itself. "Mẹ tôi bị lừa mất tiền, muốn biết …" keeps its first clause, which asks for no one.
 * When the question begins in that clause, after the asking ("Cụ ở tổ 5 cần biết đổi số điện thoại mới, app
 * VNeID tính sao"), only the words up to the asking go.
 */
export function withoutAskedFor(text: string): string {
  const cut = /[:,]/.exec(text);
  if (!cut) return text;
  const clause = text.slice(0, cut.index);
  const rest = text.slice(cut.index + 1).trim();
  const tokens = clause.split(/\s+/).filter(Boolean);
  const keys = tokens.map((t) => fold(t.toLowerCase()).replace(/[^a-z0-9]+/g, ""));
  const words = keys.filter(Boolean);
  if (words.length > ASKED_FOR_MAX_WORDS || rest.split(/\s+/).length < MIN_WORDS_LEFT) return text;
  const folded = words.join(" ");
  const asking = ASKING_FOR.exec(folded);
  if (!asking) return text;
  const through = asking.index + asking[0].length;
  const after = folded.slice(through).trim();
  // "… hỏi giúp đứa bạn thân chút nhé": whom it asks for comes after the asking, and the clause goes whole.
  const whomAfter =
    /hoi (?:ho|giup|dum|thay)$/.test(asking[0]) && SOMEONE.test(after.split(" ").slice(0, 3).join(" "));
  if (!after || whomAfter) return SOMEONE.test(folded) ? rest : text;
  if (!SOMEONE.test(folded.slice(0, through))) return text;
  // The question has begun after the asking: only the words up to it go.
  const spent = folded.slice(0, through).split(" ").filter(Boolean).length;
  let seen = 0;
  const from = keys.findIndex((key) => key && ++seen > spent);
  return `${tokens.slice(from).join(" ")}${text.charAt(cut.index)} ${rest}`;
}

/** A letter held down this many times is emphasis: no Vietnamese word ends in three of the same vowel. */
const STRETCHED_RUN = 3;

/**
 * Each word without the letters held down at its end ("vớiiii" → "với", "quáaaa" → "quá", "ạaaa" → "ạ"): the
 * run of one letter, marked or not, keeps its marked form. Digits are left alone ("1000").
 */
export function withoutStretching(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const chars = [...word];
    const base = fold(chars.at(-1) ?? "").toLowerCase();
    let start = chars.length - 1;
    while (start > 0 && fold(chars[start - 1] ?? "").toLowerCase() === base) start--;
    if (chars.length - start < STRETCHED_RUN) return word;
    const run = chars.slice(start);
    const kept = run.find((c) => c.toLowerCase() !== base) ?? run[0];
    return chars.slice(0, start).join("") + kept;
  });
}

/** The message as retrieval reads it: without its stretched letters, greeting, thanks and whom it is asked for. */
export function plainMessage(text: string): string {
  const unstretched = withoutStretching(text);
  // "Bác tổ trưởng bảo em hỏi thế này: …": what pointed at the question goes with the opening it ended.
  const read = (from: string) => {
    const plain = withoutCourtesy(from);
    const pointer = plain !== unstretched ? POINTS_AHEAD.exec(plain) : null;
    return pointer && plain.length > pointer[0].length ? plain.slice(pointer[0].length) : plain;
  };
  let plain = read(unstretched);
  // Each clause read away may uncover another opening ("Dạ, mẹ em nhờ hỏi: cho em hỏi …").
  for (let asked = withoutAskedFor(plain); asked !== plain; asked = withoutAskedFor(plain))
    plain = read(asked);
  return plain;
}

/** The words that end an opening by pointing at the question: "thế này:", "như sau,", "cái này ạ:". */
const POINTS_AHEAD =
  /^(?:như |nhu )?(?:thế này|the nay|sau|cái này|cai nay|việc này|viec nay|chuyện này|chuyen nay)(?:\s+(?:ạ|a|nhé|nhe|nha))*\s*[:,]\s*/iu;
