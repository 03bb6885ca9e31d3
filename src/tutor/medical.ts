import { fold } from "../retrieval/normalize.ts";

/**
 * Topics the curriculum does not cover, matched on folded text (residents often type without accents, so
 * patterns avoid folded forms that collide with in-scope words: "vé số"/"về số", "bão số"/"báo số" …).
 */
const OUT_OF_SCOPE: RegExp[] = [
  // weather
  /\b(thoi tiet|du bao (thoi tiet|mua|nang)|nhiet do (hom nay|ngay mai|bao nhieu)|(co|se) mua (khong|ko|k|hay)|mua bao|ret dam|nang nong (khong|bao))\b/,
  // sport
  /\b(bong da|da bong|world cup|ngoai hang anh|champions league|ti so|ty so|tran dau|may gio da|doi tuyen|cau thu|v league|sea games|aff cup)\b/,
  // lottery and gambling
  /\b(xo so|vietlott|lo de|so de|xsmb|xsmn|giai dac biet|mua ve so|do ve so|du doan so|con so may man|ca do|ca cuoc)\b/,
  // prices, investment advice, property
  /\b(gia vang|vang sjc|vang 9999|ty gia|gia do la|gia usd|chung khoan|mua co phieu|co phieu (nao|gi|tang|giam)|tien ao|bitcoin|crypto|gia xang|bat dong san|nha dat|mua dat|dat (len|xuong) gia)\b/,
  /\blai suat\b.*\b(cao nhat|tot nhat|nao cao|bao nhieu phan tram)\b|\bngan hang nao (tot|uy tin|lai cao) nhat\b/,
  // cooking
  /\b(mon an|nau (mon|canh|com|pho)|cong thuc (nau|lam banh)|cach nau|cach lam banh)\b/,
  // politics
  /\b(bau cu my|tong thong|chinh tri|dang phai|bieu tinh|chien tranh|quan diem chinh tri)\b/,
  // entertainment, fortune telling
  /\b(ca si|dien vien|hoa hau|scandal|showbiz|phim bo|phim han|tu vi|boi bai|phong thuy|xem boi|cung hoang dao|xem tuoi)\b/,
];

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

export type Scope = "in" | "out" | "medical";

export function classifyScope(text: string): Scope {
  const folded = fold(text.toLowerCase()).replace(/[^a-z0-9 ]+/g, " ");
  if (MEDICINE.some((re) => re.test(folded))) return "medical";
  if (SYMPTOMS.some((re) => re.test(folded)) && !DIGITAL_CONTEXT.test(folded)) return "medical";
  if (OUT_OF_SCOPE.some((re) => re.test(folded))) return "out";
  return "in";
}
