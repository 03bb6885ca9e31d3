/** Finds web addresses and phone numbers in Vietnamese prose, so they can be checked against contacts.yaml. */

/**
 * Common and commonly abused top-level domains (short links, cheap scam domains); an address with a scheme
 * (http://, https://) is recognised whatever its ending.
 */
const TLDS =
  "vn|com|net|org|gov|io|info|edu|app|me|ai|ly|xyz|top|site|online|click|link|shop|store|live|cc|co|biz|tk|ml|ga|cf|gq|icu|club|vip|pro|asia|us|uk|ru|cn|ws|to|gl|gd|bit|sh|page|dev|tv|fun|win|bid|loan|work|today|life|world|news|space|website|tech|cloud|email|support|help|xn--[a-z0-9-]+";
const URL_PATTERN = new RegExp(
  `\\b(?:https?:\\/\\/((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,23})|((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})))\\b(?:\\/[^\\s)\\]>"']*)?`,
  "giu",
);

const LONG_NUMBER =
  /(?<![\p{L}\p{N}])(?:(?:\+84|0)(?:[ .-]?\d){8,10}|1[89]00(?:[ .-]?\d){4,6})(?![\p{L}\p{N}])/gu;
const PHONE_TRIGGER =
  /(gọi(?: điện)?(?: ngay)?(?: cho| tới| đến)?|nhắn(?: tin)?(?: tới| đến)?|soạn tin|gửi(?: tin nhắn)?(?: tới| đến)|tổng đài|đường dây nóng|hotline|đầu số|số khẩn cấp|số điện thoại)/giu;
const SHORT_NUMBER =
  /(?<![\p{L}\p{N}.,])(\d(?:[ .]?\d){2,11})(?![\p{N}.,]\d)(?!\s*(?:triệu|nghìn|ngàn|đồng|đ\b|%|tuổi|ngày|giờ|phút|ký tự|chữ số|số|lần|người|năm|tháng))/gu;

/** Host names (lower case, without "www.") of every web address in the text. */
export function findHosts(text: string): string[] {
  const hosts: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const host = (match[1] ?? match[2] ?? "").toLowerCase().replace(/^www\./, "");
    if (host) hosts.push(host);
  }
  return hosts;
}

/** The text with each web address replaced by what `replace` makes of its host (lower case, without "www."). */
export function replaceAddresses(text: string, replace: (host: string, address: string) => string): string {
  return text.replace(URL_PATTERN, (address: string, withScheme?: string, bare?: string) =>
    replace((withScheme ?? bare ?? "").toLowerCase().replace(/^www\./, ""), address),
  );
}

/** Digits of every phone-like number: long numbers anywhere, short codes right after "gọi", "nhắn tin", … */
export function findPhoneNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(LONG_NUMBER)) {
    const digits = match[0].replace(/\D/g, "");
    const after = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 8);
    if (!/^\s*(?:đ|đồng|vnđ|triệu)/iu.test(after)) found.add(digits);
  }
  for (const trigger of text.matchAll(PHONE_TRIGGER)) {
    const start = (trigger.index ?? 0) + trigger[0].length;
    const window = text.slice(start, start + 40).split(/[\n;:]/)[0] ?? "";
    for (const number of window.matchAll(SHORT_NUMBER)) found.add((number[1] ?? "").replace(/\D/g, ""));
  }
  found.delete("");
  return [...found];
}

/** The host of a contact value or address, lower case, without scheme, "www." or path. */
export function hostOf(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/^https?:\/\//, "")
      .replace(/^www\./, "")
      .split("/")[0] ?? ""
  );
}
