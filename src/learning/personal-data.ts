import type { Store } from "../storage/store.ts";

/**
 * Everything stored about a person, gathered for export (/dulieu) and erasure (/xoadulieu). Each feature
 * that stores personal data contributes one part; aggregate counters are not personal data and stay.
 */
export interface PersonalDataPart {
  /** Section name in the export. */
  name: string;
  /** `accounts` are the person's `channel:userId` accounts (at least the person id itself). */
  export(personId: string, accounts: string[]): Promise<unknown>;
  erase(personId: string, accounts: string[]): Promise<void>;
}

export async function exportPersonalData(
  parts: readonly PersonalDataPart[],
  personId: string,
  accounts: string[],
): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const part of parts) {
    const value = await part.export(personId, accounts);
    const empty =
      value === null ||
      value === undefined ||
      (Array.isArray(value) && !value.length) ||
      (typeof value === "object" && !Array.isArray(value) && !Object.keys(value as object).length);
    if (!empty) result[part.name] = value;
  }
  return result;
}

/** Erases every part; runs them all even if one fails, then reports the first failure. */
export async function erasePersonalData(
  parts: readonly PersonalDataPart[],
  personId: string,
  accounts: string[],
  store: Pick<Store, "compact">,
): Promise<void> {
  let failure: unknown;
  for (const part of parts) {
    try {
      await part.erase(personId, accounts);
    } catch (error) {
      failure ??= error;
    }
  }
  // What was erased must not stay readable in the store's files either.
  await store.compact();
  if (failure) throw failure;
}
