import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Store } from "../storage/store.ts";

const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"; // no 0/O, 1/I/L, U
const CODE_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 8 * 3600_000;
const codeKey = (code: string) => `dash-code:${code}`;
const sessionKey = (token: string) => `dash-session:${createHash("sha256").update(token).digest("hex")}`;

/** "ABCD-EFGH", "abcd efgh" or "abcdefgh" → "ABCDEFGH"; null when it cannot be a code. */
export function normaliseCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, "").toUpperCase();
  return code.length === 8 && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

/**
 * Login to the organizers' dashboard: the bot gives an organizer a one-time code (10 minutes, one use);
 * the code opens a session whose token only the browser holds (the store keeps its SHA-256).
 */
export class DashboardAccess {
  constructor(private readonly store: Store) {}

  /** A fresh one-time code for the person, shown as "ABCD-EFGH". */
  async issueCode(personId: string): Promise<string> {
    for (;;) {
      const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
      if (await this.store.set(codeKey(code), personId, { ttlMs: CODE_TTL_MS, ifAbsent: true }))
        return `${code.slice(0, 4)}-${code.slice(4)}`;
    }
  }

  /** Uses up a code: a new session token and its person, or null when unknown, expired or already used. */
  async redeem(typed: string): Promise<{ token: string; personId: string } | null> {
    const code = normaliseCode(typed);
    if (!code) return null;
    const personId = await this.store.get(codeKey(code));
    // Only the caller that deletes the code wins, so two tabs racing with one code get one session.
    if (!personId || (await this.store.del(codeKey(code))) !== 1) return null;
    const token = randomBytes(32).toString("base64url");
    await this.store.set(sessionKey(token), personId, { ttlMs: SESSION_TTL_MS });
    return { token, personId };
  }

  /** The person of a live session; null when the token is unknown or expired. */
  async personOf(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    return this.store.get(sessionKey(token));
  }

  async end(token: string): Promise<void> {
    await this.store.del(sessionKey(token));
  }
}
