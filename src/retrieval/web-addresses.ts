import { strangeLinkWords } from "../catalog/words.ts";

/**
 * Web addresses in a message. A resident pastes the message they received ("Truy cap vneid-xacthuc.com de mo
 * khoa") and asks whether it is real: the address's own words ("vneid", "xacthuc") pulled such messages to the
 * lessons on VNeID levels. An address the lessons never name, and not a government one (.gov.vn), is read as
 * what it is to a resident: a stranger's link.
 */
const ADDRESS =
  /(?<![\p{L}\d@.-])(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:com|net|org|info|vip|top|site|shop|xyz|online|click|link|live|store|biz|cc|me|io|ly|app|vn)(?:\/[^\s"“”'()]*)?(?![\p{L}\d])/giu;

/** The domains the lessons name (dichvucong.gov.vn, tinnhiemmang.vn …), from their text. */
export function namedDomains(texts: string[]): Set<string> {
  const named = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(ADDRESS)) named.add(domainOf(match[0]));
  return named;
}

/** The message with each address neither the lessons name nor the government runs read as a stranger's link. */
export function withStrangeLinksNamed(text: string, named: Set<string>): string {
  return text.replace(ADDRESS, (address) => {
    const domain = domainOf(address);
    return named.has(domain) || domain.endsWith(".gov.vn") ? address : ` ${strangeLinkWords} `;
  });
}

function domainOf(address: string): string {
  return address
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .split("/")[0] as string;
}
