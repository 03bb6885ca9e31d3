import { ZaloOaApiError } from "./client.ts";

/**
 * What a failed OA send means for us. The codes are those public OA clients act on (Chatwoot's Zalo OA
 * channel: -32 and -100 retried; -213, -217, -227, -230, -232, -234, -244 not deliverable to that person
 * now; -216 a refused token), with -124 (expired token) handled in the client.
 */
export type OaFailure =
  /** Slow down (-32, HTTP 429): paced, then retried. */
  | "rate-limited"
  /** Worth another try: network, time-out, HTTP 5xx, -100 (unknown error). */
  | "retry"
  /** The consultation window is closed by Zalo's clock (-230, -232): reported "ngoài thời hạn 48 giờ". */
  | "window-closed"
  /** The person left or cannot be messaged (-213 not following, -217, -227): unreachable until they write. */
  | "gone"
  /** Not now and not because of them (-234, -244, token refresh failed, bad request…): failed. */
  | "failed";

const RATE_LIMIT = new Set([-32]);
const RETRY = new Set([-100]);
const WINDOW_CLOSED = new Set([-230, -232]);
const GONE = new Set([-213, -217, -227]);

export function classifyOaFailure(error: unknown): OaFailure {
  if (!(error instanceof ZaloOaApiError)) return "failed";
  if (error.kind === "network" || error.kind === "timeout") return "retry";
  const code = error.errorCode;
  if (error.kind === "http")
    return code === 429 ? "rate-limited" : code !== undefined && code >= 500 ? "retry" : "failed";
  if (error.kind !== "platform" || code === undefined) return "failed";
  if (RATE_LIMIT.has(code)) return "rate-limited";
  if (RETRY.has(code)) return "retry";
  if (WINDOW_CLOSED.has(code)) return "window-closed";
  if (GONE.has(code)) return "gone";
  return "failed";
}

/** A safe code for logs and outcomes. */
export const oaErrorCode = (error: unknown) =>
  error instanceof ZaloOaApiError ? error.code : "zalo-oa-unknown";
