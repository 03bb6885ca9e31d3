import { findHosts, findPhoneNumbers, hostOf } from "../knowledge/links.ts";

/**
 * Removes from LLM output every web address and phone number that appears neither in the passages it was
 * given nor in contacts.yaml. Returns the cleaned text and what was removed.
 */
export function removeUnlistedContacts(
  text: string,
  allowed: { hosts: Set<string>; phones: Set<string> },
): { text: string; removed: string[] } {
  const removed: string[] = [];
  let out = text;
  for (const host of new Set(findHosts(out))) {
    if (allowed.hosts.has(host)) continue;
    removed.push(host);
    const escaped = host.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?:https?:\\/\\/)?(?:www\\.)?${escaped}(?:\\/[^\\s)\\]>"']*)?`, "gi"), "");
  }
  for (const phone of new Set(findPhoneNumbers(out))) {
    if (allowed.phones.has(phone)) continue;
    removed.push(phone);
    const pattern = phone.split("").join("[ .-]?");
    out = out.replace(new RegExp(`(?:\\+84[ .-]?)?${pattern}(?!\\d)`, "g"), "");
  }
  return {
    text: out
      .replace(/[ \t]{2,}/g, " ")
      .replace(/ +([,.;:])/g, "$1")
      .trim(),
    removed,
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
