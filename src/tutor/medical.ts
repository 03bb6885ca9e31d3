import { fold } from "../retrieval/normalize.ts";
import { questionsOf } from "../retrieval/query-focus.ts";

/** Medicines and doses: always a doctor's matter, whatever app is mentioned. */
const MEDICINE: RegExp[] = [
  /\b(uong thuoc|thuoc (gi|nao)|lieu (luong|dung|thuoc)|bao nhieu vien|may vien|khang sinh|paracetamol|thuoc ha sot|thuoc ngu|thuoc giam can|thuoc bo)\b/,
  // How often: "một ngày cho cháu uống mấy lần", "uống trước hay sau ăn".
  /\b(uong (may|bao nhieu) (lan|goi|thia|ml)|(ngay|moi ngay|mot ngay) (uong|dung|boi|nho) may lan|uong (truoc|sau) (an|bua)|cach dung thuoc)\b/,
  /\b(nen (uong|dung|mua) (thuoc|gi)|ke don (giup|cho))\b/,
];

/**
 * What "có phải bị …" asks about when it is not an illness: a trick ("bị lừa", "bị dụ", "bị gạt"), a fault, a lost
 * or blocked account.
 */
const NOT_ILLNESS =
  "lua|lua dao|gat|du|du do|loi dung|mac bay|dinh bay|scam|hack|hach|khoa|lo|chiem|treo|loi|" +
  "mat (tien|tai khoan|acc|nick|zalo|mang)|tru tien|danh cap|gia mao|" +
  "virus|nhiem virus|theo doi|chan|xoa|sai|phat|cat|ngat|gian doan|spam|tin tac|ke gian|lam gia|tan cong|dinh";

/** Symptoms and self-diagnosis: medical, unless the question is about a digital tool (an app, AI, VNeID…). */
const SYMPTOMS: RegExp[] = [
  /\b(dau (dau|bung|nguc|lung|rang|hong|bao tu|da day)|bi sot|sot cao|sot \d+|ho (nhieu|khan|co dom)|tieu chay|non mua|kho tho|chong mat|phat ban|mat ngu)\b/,
  /\b(trieu chung|bi benh gi|vay la bi|nang (chua|khong)|huyet ap (cao|thap) (thi|phai)|duong huyet \d)/,
  // "Có phải bị (bệnh) …": a self-diagnosis, unless what the message may be victim of is a trick or a fault of a
  // phone or an account ("có phải bị lừa", "bị hack", "bị khóa tài khoản"), or the word is "biết".
  new RegExp(`\\bco phai (la )?bi\\b(?! (${NOT_ILLNESS})\\b)`),
];
/**
 * Folded, "ai" is also "who" ("không ai nghe máy") and "dang" also "đang" ("đang cuống hết cả lên"): AI counts
 * when written in capitals (AI_WRITTEN), "đăng" when something is posted or signed up for.
 */
const DIGITAL_CONTEXT =
  /\b(vneid|so suc khoe|bhyt|bao hiem y te|dat lich|ung dung|tich hop|truc tuyen|online|chatgpt|tri tue nhan tao|len mang|facebook|zalo|dang (len|anh|bai|tin|ky|nhap|facebook|zalo))\b/;

/**
 * A safety rule, not a scope guess: medicines and doses, or symptoms outside any digital tool, always go to
 * a doctor or 115, whatever the retrieval says.
 */
export function isMedical(text: string): boolean {
  const folded = foldedWords(text);
  if (MEDICINE.some((re) => re.test(folded))) return true;
  return SYMPTOMS.some((re) => re.test(folded)) && !DIGITAL_CONTEXT.test(folded) && !AI_WRITTEN.test(text);
}

/**
 * A long message whose illness is only in its story ("Con tôi bị sốt xuất huyết nằm viện mấy hôm … Có cách nào
 * báo lưu trú mà không phải đi không?"): what it asks is not medical, so it gets its lesson, after the doctor's
 * advice. A short message, or one whose questions name symptoms or medicines, is a doctor's matter.
 */
export function medicalOnlyInStory(text: string): boolean {
  const questions = questionsOf(text);
  return (
    questions !== null && isMedical(text) && !DANGER_SIGNS.test(foldedWords(text)) && !isMedical(questions)
  );
}

/** Signs that cannot wait, wherever in the message they are told: those go to 115 alone. */
const DANGER_SIGNS =
  /\b(dau nguc|tuc nguc|kho tho|co giat|ngat xiu|bat tinh|me man|li bi|meo mieng|noi ngong|yeu nua nguoi|tho doc|soc phan ve|non ra mau|chay mau nhieu|sot cao khong ha)\b/;

/**
 * Words of the body and of health, folded: the ambiguous ones too ("dau" is "đau" or "đâu", "mat" "mắt" or "mất"),
 * since a message that might name its health keeps the doctor's advice.
 */
const HEALTH_WORDS =
  /\b(benh|thuoc|bac si|y te|huyet ap|tieu duong|sot|ngua|non|mun|viem|ung thu|xet nghiem|sieu am|di ung|chong mat|kho tho|tieu chay|mo mau|da day|vet thuong|so cuu|mang thai|bau|thai|san|cap cuu|kham|tiem|beo phi|dau|nhuc|mat|tim|ho|om|mau|met|sung|te|gay|bong|can)\b/;
/** Money, accounts and orders, as phrases a health matter does not use ("tiền" alone is also "tiền sản giật"). */
const MONEY_OR_ORDERS =
  /\b(tru tien|mat tien|chuyen tien|nap tien|rut tien|tien trong tai khoan|tai khoan|ngan hang|the atm|vi dien tu|don hang|giao hang|hoa don|cuoc phi|phi dich vu)\b/;

/**
 * A declined message near the medical examples only by its shape ("bị trừ tiền không rõ lý do" beside "tim đập
 * nhanh không rõ lý do"): it is about money or an order and names nothing of health. Anything else near them
 * keeps the doctor's advice, which is the safe side to err on.
 */
export function onlyLooksMedical(text: string): boolean {
  const folded = foldedWords(text);
  return MONEY_OR_ORDERS.test(folded) && !HEALTH_WORDS.test(folded) && !isMedical(text);
}

/** An AI, a chat app or the internet named as where the medical advice came from. */
const TOOL_FOLDED =
  /\b(chatgpt|chat gpt|tri tue nhan tao|tro ly (ao|ai)|ung dung (tro chuyen|hoi dap|ai)|app (ai|hoi dap)|hoi (mang|google|tren mang)|tra (mang|google|tren mang)|len mang (hoi|tra))\b/;
/** "AI" as residents write it: capitals, so it is not the pronoun "ai" (who). */
const AI_WRITTEN = /(?<![\p{L}\d])AI(?![\p{L}\d])/u;

/**
 * A medical message that asks whether to trust what an AI, a chat app or the internet said about it ("cái AI
 * bảo uống thuốc này, có nên không"): still a doctor's matter, but there is also a lesson to give — never let
 * an app diagnose or prescribe.
 */
export function asksAboutAToolsAdvice(text: string): boolean {
  return AI_WRITTEN.test(text) || TOOL_FOLDED.test(foldedWords(text));
}

/** Lower case, accents folded, anything but letters and digits a space: what the patterns are written against. */
function foldedWords(text: string): string {
  return fold(text.toLowerCase()).replace(/[^a-z0-9 ]+/g, " ");
}
