import { contactProblems } from "../catalog/knowledge-check.ts";
import { findHosts, findPhoneNumbers, hostOf } from "./links.ts";
import type { Curriculum } from "./types.ts";

/** Web addresses and phone numbers in `text` that contacts.yaml does not list. */
export function unlistedContacts(text: string, { contacts }: Curriculum): string[] {
  const all = [...contacts.national, ...contacts.ward].filter((c) => c.value);
  const hosts = new Set(all.filter((c) => c.kind === "url").map((c) => hostOf(c.value)));
  const phones = new Set(all.filter((c) => c.kind === "phone").map((c) => c.value.replace(/\D/g, "")));
  const problems: string[] = [];
  for (const host of findHosts(text)) {
    if (!hosts.has(host)) problems.push(contactProblems.unlistedHost(host));
  }
  for (const phone of findPhoneNumbers(text)) {
    if (!phones.has(phone)) problems.push(contactProblems.unlistedPhone(phone));
  }
  return problems;
}
