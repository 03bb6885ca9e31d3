import { findHosts, findPhoneNumbers, hostOf } from "../knowledge/links.ts";

/**
 * Removes from LLM output every sentence that mentions a web address or phone number appearing neither in
 * the passages it was given nor in contacts.yaml — the whole sentence, so no "Xem thêm tại hoặc gọi." is
 * left behind. Returns the cleaned text and what was removed.
 */
export function removeUnlistedContacts(
  text: string,
  allowed: { hosts: Set<string>; phones: Set<string> },
): { text: string; removed: string[] } {
  const removed: string[] = [];
  const unlisted = (sentence: string) => {
    const hosts = findHosts(sentence).filter((h) => !allowed.hosts.has(h));
    const phones = findPhoneNumbers(sentence).filter((p) => !allowed.phones.has(p));
    removed.push(...hosts, ...phones);
    return hosts.length + phones.length > 0;
  };
  const kept: string[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) {
      kept.push(line); // a paragraph break stays
      continue;
    }
    const sentences = line.split(/(?<=[.!?…])\s+/).filter((sentence) => !unlisted(sentence));
    if (sentences.length) kept.push(sentences.join(" "));
  }
  return {
    text: kept
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
    removed: [...new Set(removed)],
  };
}

/** Hosts and phone numbers a text mentions, for building the allowed sets. */
export function contactsIn(texts: string[]): { hosts: Set<string>; phones: Set<string> } {
  const hosts = new Set<string>();
  const phones = new Set<string>();
  for (const text of texts) {
    for (const host of findHosts(text)) hosts.add(hostOf(host));
    for (const phone of findPhoneNumbers(text)) phones.add(phone);
  }
  return { hosts, phones };
}
