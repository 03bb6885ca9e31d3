import { createHash, timingSafeEqual } from "node:crypto";

export const ZALO_OA_SIGNATURE_HEADER = "x-zevent-signature";

/**
 * The signature Zalo puts in `X-ZEvent-Signature`: `mac=` + hex SHA-256 of app id + the raw request body
 * + the body's `timestamp` + the OA secret key (not the app's secret), in that order.
 */
export function zaloOaSignature(
  appId: string,
  rawBody: string,
  timestamp: string,
  oaSecretKey: string,
): string {
  const mac = createHash("sha256")
    .update(`${appId}${rawBody}${timestamp}${oaSecretKey}`, "utf8")
    .digest("hex");
  return `mac=${mac}`;
}

/** The `timestamp` field of the raw body, as written (a number or a string); "" when there is none. */
export function bodyTimestamp(rawBody: string): string {
  try {
    const value = (JSON.parse(rawBody) as { timestamp?: unknown } | null)?.timestamp;
    return typeof value === "string" || typeof value === "number" ? String(value) : "";
  } catch {
    return "";
  }
}

/**
 * True when the header carries the signature of exactly this body. The comparison is in constant time
 * (both sides hashed to the same length first); "mac=" is optional in the header and hex case is ignored.
 */
export function signatureMatches(
  header: unknown,
  rawBody: string,
  secrets: { appId: string; oaSecretKey: string },
): boolean {
  if (typeof header !== "string" || !header.trim()) return false;
  const timestamp = bodyTimestamp(rawBody);
  if (!timestamp) return false;
  const given = header.trim().toLowerCase().replace(/^mac=/, "");
  const expected = zaloOaSignature(secrets.appId, rawBody, timestamp, secrets.oaSecretKey).slice(4);
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}
