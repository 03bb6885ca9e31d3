import { strangeLinkWords } from "../catalog/words.ts";
import { findHosts, replaceAddresses } from "../knowledge/links.ts";

/**
 * Web addresses in a message. A resident pastes the message they received ("Truy cap vneid-xacthuc.com de mo
 * khoa") and asks whether it is real: the address's own words ("vneid", "xacthuc") pulled such messages to the
 * lessons on VNeID levels. An address the lessons never name, and not a government one (.gov.vn), is read as
 * what it is to a resident: a stranger's link. Addresses are found as the curriculum check finds them.
 */

/** The hosts the lessons name (dichvucong.gov.vn, tinnhiemmang.vn …), from their text. */
export function namedDomains(texts: string[]): Set<string> {
  return new Set(texts.flatMap(findHosts));
}

/** The message with each address neither the lessons name nor the government runs read as a stranger's link. */
export function withStrangeLinksNamed(text: string, named: Set<string>): string {
  return replaceAddresses(text, (host, address) =>
    named.has(host) || host.endsWith(".gov.vn") ? address : ` ${strangeLinkWords} `,
  );
}
