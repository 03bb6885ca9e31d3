import { fold } from "../retrieval/normalize.ts";

/**
 * Topics the curriculum does not cover, matched on folded text. Medical symptoms and doses are kept apart:
 * they get a pointer to a doctor or 115, never advice. How to use digital health tools stays in scope.
 */
const OUT_OF_SCOPE: RegExp[] = [
  /\b(thoi tiet|du bao thoi tiet|troi (co )?mua|mua bao|bao so|nhiet do (hom nay|ngay mai)|nang nong|ret dam)\b/,
  /\b(bong da|world cup|ngoai hang anh|champions league|ti so|ty so|tran dau|doi tuyen|cau thu|v league|sea games)\b/,
  /\b(xo so|vietlott|lo de|so de|xsmb|xsmn|giai dac biet|ve so|du doan so|con so may man)\b/,
  /\b(gia vang|vang sjc|vang 9999|ty gia|gia do la|gia usd|chung khoan|co phieu|tien ao|bitcoin|crypto|gia xang)\b/,
  /\b(mon an|nau (mon|canh|com)|cong thuc (nau|lam banh)|cach nau|cach lam banh)\b/,
  /\b(bau cu my|tong thong|chinh tri|dang phai|bieu tinh|chien tranh|quan diem chinh tri)\b/,
  /\b(ca si|dien vien|hoa hau|scandal|showbiz|phim bo|phim han|tu vi|boi bai|phong thuy|xem boi|cung hoang dao)\b/,
];

const MEDICAL: RegExp[] = [
  /\b(dau (dau|bung|nguc|lung|rang|hong|bao tu|da day)|sot|ho (nhieu|khan|co dom)|tieu chay|non mua|kho tho|chong mat|phat ban|ngua)\b/,
  /\b(uong thuoc|thuoc (gi|nao)|lieu (luong|dung)?|bao nhieu vien|may vien|khang sinh|paracetamol|thuoc ha sot|ke don)\b/,
  /\b(trieu chung|chan doan|bi benh gi|co sao khong|nguy hiem khong|huyet ap (cao|thap)|tieu duong|ung thu)\b/,
];

/** Words that show the question is about a digital tool even when a health word appears. */
const DIGITAL_HEALTH =
  /\b(vneid|so suc khoe|bhyt|bao hiem y te|dat lich|app|ung dung|tich hop|truc tuyen|online|dien tu|ai|chatgpt)\b/;

export type Scope = "in" | "out" | "medical";

export function classifyScope(text: string): Scope {
  const folded = fold(text.toLowerCase()).replace(/[^a-z0-9 ]+/g, " ");
  if (MEDICAL.some((re) => re.test(folded)) && !DIGITAL_HEALTH.test(folded)) return "medical";
  if (OUT_OF_SCOPE.some((re) => re.test(folded))) return "out";
  return "in";
}
