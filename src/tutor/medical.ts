import { fold } from "../retrieval/normalize.ts";

/** Medicines and doses: always a doctor's matter, whatever app is mentioned. */
const MEDICINE: RegExp[] = [
  /\b(uong thuoc|thuoc (gi|nao)|lieu (luong|dung|thuoc)|bao nhieu vien|may vien|khang sinh|paracetamol|thuoc ha sot|thuoc ngu|thuoc giam can|thuoc bo)\b/,
  /\b(nen (uong|dung|mua) (thuoc|gi)|ke don (giup|cho))\b/,
];

/** Symptoms and self-diagnosis: medical, unless the question is about a digital tool (an app, AI, VNeID…). */
const SYMPTOMS: RegExp[] = [
  /\b(dau (dau|bung|nguc|lung|rang|hong|bao tu|da day)|bi sot|sot cao|sot \d+|ho (nhieu|khan|co dom)|tieu chay|non mua|kho tho|chong mat|phat ban|mat ngu)\b/,
  /\b(trieu chung|bi benh gi|co phai (la )?bi|vay la bi|nang (chua|khong)|huyet ap (cao|thap) (thi|phai)|duong huyet \d)/,
];
const DIGITAL_CONTEXT =
  /\b(vneid|so suc khoe|bhyt|bao hiem y te|dat lich|ung dung|tich hop|truc tuyen|online|chatgpt|tri tue nhan tao|ai|len mang|facebook|zalo|dang)\b/;

/**
 * A safety rule, not a scope guess: medicines and doses, or symptoms outside any digital tool, always go to
 * a doctor or 115, whatever the retrieval says.
 */
export function isMedical(text: string): boolean {
  const folded = fold(text.toLowerCase()).replace(/[^a-z0-9 ]+/g, " ");
  if (MEDICINE.some((re) => re.test(folded))) return true;
  return SYMPTOMS.some((re) => re.test(folded)) && !DIGITAL_CONTEXT.test(folded);
}
