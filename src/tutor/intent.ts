import type { SectionKind } from "../knowledge/schema.ts";
import { fold } from "../retrieval/normalize.ts";

/**
 * What kind of answer a message asks for, from how residents phrase it (matched on folded, lower-case text):
 * how-to steps, how to recognise something, what to do now that something went wrong, or what a thing is.
 * Null when the message doesn't say.
 */
const PATTERNS: [SectionKind, RegExp][] = [
  [
    "xu-ly",
    /\b(bi (lua|lay|hack|khoa|mat|chiem|tru tien|dinh)|(chuyen|ck|gui|chuyen khoan) nham|lo (bam|cai|dua|chuyen|doc|gui|nhan|quet|tai)|da (chuyen|dua|doc|bam|cai) (roi|mat)|mat (het )?(tien|may|dien thoai|dt|sim|tai khoan)|quen (mat khau|mk|pass|ma)|khong (vao|dang nhap|nhan|len|mo|gui|quet|thay)( duoc| dc)?|ko (vao|dang nhap|nhan|len|mo|gui|quet|thay|dc|duoc)|k (vao|nhan|dc|duoc)|bao loi|bi loi|loi gi|hong|treo|(phai|nen|can) lam (gi|j|sao|the nao|ntn)|lam (gi|j) (bay gio|gio|truoc|tiep)|gio (phai )?lam sao|gio sao|cuu voi|giup voi|xu ly|xu tri|giai quyet (sao|the nao|ntn))\b/,
  ],
  [
    "dau-hieu",
    /\b(co phai (la )?(lua|gia|that)|lua (dao )?(khong|ko|k|ha|a)|(that|gia) (khong|ko|k|hay gia|hay that)|co nen tin|tin duoc (khong|ko)|nhan (biet|ra|dien)|dau hieu|sao biet|lam sao (de )?biet|co an toan (khong|ko)|co sao (khong|ko)|dang ngo|nghi ngo|la that)\b/,
  ],
  [
    "cac-buoc",
    /\b(cach|(khong|ko|k|hok|hong) (biet|bit|bik) |lam (sao|the nao|ntn|nhu the nao)|the nao|ntn|kieu (gi|j|nao)|nhu the nao|cac buoc|huong dan|chi (toi|em|chau|ba|ong|minh|giup|cach)|bam (vao )?dau|o dau (trong|tren)|muon .{1,40} thi|de .{1,40} (thi|phai)|cai (dat|ung dung|app)|dang ky|kich hoat|tao (tai khoan|ma))\b/,
  ],
  [
    "la-gi",
    /\b(la (gi|cai gi|sao|j|ai)|nghia la|de lam gi|dung de|co tac dung|co ich|khac (nhau|gi)|co can|co nen|co bat buoc|bat buoc|loi ich|duoc (gi|loi)|tai sao|vi sao|sao lai)\b/,
  ],
];

export function questionKind(text: string): SectionKind | null {
  const folded = ` ${fold(text.toLowerCase())
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")} `;
  for (const [kind, pattern] of PATTERNS) if (pattern.test(folded)) return kind;
  return null;
}
