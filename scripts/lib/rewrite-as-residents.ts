/**
 * Rewrites a message the way residents' phones and habits change it, to measure how much the answers hold up:
 * accents left off, slips of the thumb on a small keyboard, a long story dictated by voice. Seeded, so a run
 * can be repeated. Written apart from the spelling corrector (its own keyboard, its own slips), so that the
 * corrector is not measured against its own assumptions.
 */

/** A seeded source of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Every mark off, and đ as d: a message typed without accents. */
export function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/** No punctuation and lower case, as a voice keyboard writes a long spoken message. */
export function dictated(text: string): string {
  return text
    .replace(/[.,!?…:;"()]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

type Slip = (letters: string[], random: () => number) => string[] | null;

/** A letter left out; a final "ng" most often loses its g ("khôg"). */
const leftOut: Slip = (letters, random) => {
  if (letters.length < 3) return null;
  const n = letters.length;
  if (letters[n - 2] === "n" && letters[n - 1] === "g" && random() < 0.5) return letters.slice(0, -1);
  const at = 1 + Math.floor(random() * (n - 1));
  return [...letters.slice(0, at), ...letters.slice(at + 1)];
};

/** Two neighbouring letters the wrong way round. */
const swapped: Slip = (letters, random) => {
  if (letters.length < 3) return null;
  const at = Math.floor(random() * (letters.length - 1));
  const out = [...letters];
  [out[at], out[at + 1]] = [out[at + 1] as string, out[at] as string];
  return out;
};

/** A letter typed on the key to its left or right, its marks kept. */
const nearKey: Slip = (letters, random) => {
  const at = Math.floor(random() * letters.length);
  const [base = "", ...marks] = (letters[at] ?? "").normalize("NFD");
  const row = ROWS.find((r) => r.includes(base));
  if (!row) return null;
  const i = row.indexOf(base);
  const sides = [row[i - 1], row[i + 1]].filter((k): k is string => Boolean(k));
  const key = sides[Math.floor(random() * sides.length)] ?? base;
  const out = [...letters];
  out[at] = (key + marks.join("")).normalize("NFC");
  return out;
};

/** Left out twice as often as the others: the commonest slip on a phone. */
const SLIPS: Slip[] = [leftOut, leftOut, swapped, nearKey];

/** Each word of two letters or more (no digits) slipped with probability `rate`; punctuation kept. */
export function withSlips(text: string, rate: number, random: () => number): string {
  return text
    .split(" ")
    .map((word) => {
      const core = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(word);
      if (!core?.[2] || [...core[2]].length < 2 || random() >= rate) return word;
      const slip = SLIPS[Math.floor(random() * SLIPS.length)] as Slip;
      const changed = slip([...core[2].toLowerCase()], random);
      return changed ? `${core[1]}${changed.join("")}${core[3]}` : word;
    })
    .join(" ");
}

/** How residents open a chat message, written apart from the tutor's own list of them. */
const OPENINGS = [
  "Chào em, cho chị hỏi chút:",
  "Cháu chào cô ạ, cô cho cháu hỏi",
  "ad ơi cho mình hỏi với",
  "Xin lỗi làm phiền, tôi muốn hỏi",
  "Bác ơi",
  "alo, cho e hỏi xíu",
  "Mọi người ơi,",
  "Dạ em chào anh chị,",
];
/** … and close it. */
const CLOSINGS = [
  "Cảm ơn em nhiều!",
  "cam on ad a",
  "Mong được giúp đỡ, xin cảm ơn.",
  "thanks mn",
  "Cháu cảm ơn ạ.",
  "",
];

/** A message as chatted: an opening, the message with its last letter held down, a closing. */
export function chatty(text: string, random: () => number): string {
  const stretched = text.replace(
    /(\p{L})([^\p{L}]*)$/u,
    (_m, letter: string, tail: string) => `${letter.repeat(4)}${tail}`,
  );
  return [oneOf(OPENINGS, random), stretched, oneOf(CLOSINGS, random)].filter(Boolean).join(" ");
}

/** Who residents say they are before asking, written apart from the tutor's own pattern for it. */
const INTRODUCTIONS = [
  "Tôi năm nay 72 tuổi, ở một mình.",
  "Em là công nhân may.",
  "Bà là người già rồi, mắt kém.",
  "Chị bán rau ở chợ phường.",
  "Tôi là tổ trưởng tổ dân phố 3.",
  "Cháu học lớp 9.",
];

/** A message after a sentence saying who writes. */
export function introduced(text: string, random: () => number): string {
  return `${oneOf(INTRODUCTIONS, random)} ${text}`;
}

/**
 * How residents open a message they ask for someone else (a parent, a neighbour, an elder of their group),
 * written by a writer who saw neither the tutor's patterns for it nor the openings it was built from.
 */
const ASKED_FOR = [
  "Em hỏi hộ mẹ chồng em chút ạ:",
  "Ông nội nhà cháu nhờ cháu hỏi giúp là",
  "chong minh dang thac mac cai nay,",
  "Chị ơi, bà hàng xóm nhờ em hỏi thay",
  "e hỏi hộ bạn bán rau ngoài chợ vs ạ",
  "Cô giáo cũ của em muốn biết rằng",
  "anh cung xuong nho hoi giup la",
  "Bác tổ trưởng tổ dân phố bảo em hỏi thế này:",
  "me vo mk can biet cai nay",
  "Cho em hỏi thay bố em một việc ạ,",
  "Dạ, bà cụ trong tổ nhờ con hỏi hộ rằng",
  "vo e bao e hoi",
  "Thầy chủ nhiệm cấp 3 của mình đang hỏi là",
  "ba ngoai nho chau hoi thay mot chut:",
  "Đồng nghiệp ở xưởng nhờ mình hỏi giúp,",
  "mk hỏi hộ chú hàng xóm, chú ko rành điện thoại",
  "Chào bạn, tôi hỏi giúp ông cụ nhà bên cạnh",
  "ong ngoai em muon biet la",
  "Mẹ em đang thắc mắc cái này, em hỏi giúp mẹ:",
  "co ban o cho nho minh hoi ho",
  "Nhờ ad trả lời giúp bà thông gia nhà em ạ,",
  "Chị đồng nghiệp ở công ty bảo em hỏi là",
  "bac hang xom ko biet dung dt nen nho e hoi rang",
  "Cụ ông tổ dân phố số 5 cần biết",
];

/** A message asked for someone else, after an opening that says so. */
export function askedFor(text: string, random: () => number): string {
  const opening = oneOf(ASKED_FOR, random);
  return `${opening} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/**
 * A sentence about an illness in the writer's life or family that the message then does not ask about,
 * written by a writer who saw neither the tutor's medical patterns nor the messages they open.
 */
const ILLNESS_IN_STORY = [
  "Dạo này tôi bị đau lưng nên chủ yếu nằm nhà nghỉ ngơi.",
  "Mẹ tôi bị tiểu đường mấy năm nay, ngày nào cũng phải uống thuốc.",
  "Bố tôi bị huyết áp cao nên tháng nào cũng đi khám định kỳ ở trạm y tế phường.",
  "Cháu nội tôi tuần trước bị sốt, giờ đã đỡ nhiều rồi.",
  "Tôi vừa mổ ruột thừa xong, đang nghỉ ở nhà thêm vài hôm.",
  "Chồng tôi bị gãy chân do ngã xe, đang phải bó bột ở nhà.",
  "Con gái tôi bị cảm mấy hôm nay nên phải xin nghỉ học.",
  "Bà hàng xóm nhà tôi mới nằm viện về, tôi hay sang giúp bà việc vặt.",
  "Tôi bị mất ngủ kéo dài nên đêm nào cũng ngồi xem điện thoại.",
  "Vợ tôi bị đau dạ dày, đang phải kiêng đồ cay và uống thuốc theo đơn.",
  "Ông nhà tôi năm nay tám mươi tuổi, sức khỏe yếu nên ít ra ngoài.",
  "Thằng con út nhà tôi bị ho cả tuần nay, vừa đưa đi khám xong.",
  "Tôi mới đi khám sức khỏe định kỳ ở bệnh viện quận, kết quả cũng bình thường.",
  "Mẹ chồng tôi bị đau khớp gối nên đi lại khó khăn, tôi phải lo việc nhà.",
  "Bo toi bi tieu duong, moi sang deu phai do duong huyet.",
  "Toi bi dau lung may thang nay nen it di lam.",
  "Me toi moi mo mat xong, dang nghi ngoi o nha.",
  "Chau ngoai toi bi sot xuat huyet nhung gio da khoi va ra vien roi.",
  "Vo toi bi huyet ap cao nen ngay nao cung uong thuoc deu dan.",
  "me e bi dau da day, tuan nay phai nam bv de theo doi.",
  "mk dao nay bi cam, ho suot nen ko di lam dc.",
  "bo mk bi gay tay, dang bo bot o nha.",
  "con e bi sot may hom, gio do roi nhung van chua di hoc dc.",
  "ba noi e bi mat ngu lau nam, ngay nao cung phai uong thuoc.",
];

/** A long story that opens with an illness it does not ask about. */
export function illnessInStory(text: string, random: () => number): string {
  return `${oneOf(ILLNESS_IN_STORY, random)} ${text}`;
}

/** One of a list of openings, drawn with the seeded generator. */
function oneOf(list: readonly string[], random: () => number): string {
  return list[Math.floor(random() * list.length)] ?? "";
}
