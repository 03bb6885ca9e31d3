/**
 * A small client for the Zalo OA Open API v3 consultation ("cs") message:
 * POST <api root>/v3.0/oa/message/cs, header `access_token`, body `{recipient: {user_id}, message: {text}}`,
 * answer `{error: 0, message, data: {message_id, …}}` or `{error: <negative code>, message}`.
 */
import type { ZaloOaTokens } from "./oauth.ts";

/** Longest text we send in one message (long replies are split on paragraph breaks first). */
export const ZALO_OA_MAX_TEXT = 2000;

/** Codes that mean the access token was refused: -124 expired, -216 invalid. Refreshed, retried once. */
export const TOKEN_ERRORS = new Set([-124, -216]);

export type ZaloOaErrorKind = "platform" | "http" | "network" | "timeout" | "invalid-response" | "auth";

/** A failed OA call. The message names the platform code, never the token. */
export class ZaloOaApiError extends Error {
  constructor(
    readonly kind: ZaloOaErrorKind,
    /** The OA `error` number (or the HTTP status when the body said nothing). */
    readonly errorCode: number | undefined,
    /** A safe code for "auth" failures (the OAuth error), else "". */
    readonly detail = "",
  ) {
    super(
      `Zalo OA send failed (${kind}${errorCode === undefined ? "" : ` ${errorCode}`}${detail ? ` ${detail}` : ""})`,
    );
    this.name = "ZaloOaApiError";
  }

  /** A short code that is safe to log and to count. */
  get code(): string {
    const suffix =
      this.errorCode === undefined ? (this.detail ? `-${this.detail}` : "") : `-${this.errorCode}`;
    return `zalo-oa-${this.kind}${suffix}`;
  }
}

export interface ZaloOaClient {
  /** Sends one consultation text (1–2000 characters) to a follower; resolves the OA message id. */
  sendText(userId: string, text: string): Promise<string | undefined>;
}

export function createZaloOaClient(options: {
  apiRoot: string;
  tokens: ZaloOaTokens;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): ZaloOaClient {
  const doFetch = options.fetch ?? fetch;
  const url = `${options.apiRoot.replace(/\/+$/, "")}/v3.0/oa/message/cs`;

  async function post(token: string, body: object): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", access_token: token },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new ZaloOaApiError((error as Error).name === "TimeoutError" ? "timeout" : "network", undefined);
    }
    if (response.status === 429) throw new ZaloOaApiError("http", 429);
    const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (payload && typeof payload.error === "number") return payload;
    throw new ZaloOaApiError(
      response.ok ? "invalid-response" : "http",
      response.ok ? undefined : response.status,
    );
  }

  async function token(refreshFrom?: string): Promise<string> {
    try {
      return refreshFrom === undefined
        ? await options.tokens.accessToken()
        : await options.tokens.refresh(refreshFrom);
    } catch (error) {
      throw new ZaloOaApiError("auth", undefined, (error as { code?: string }).code ?? "oauth");
    }
  }

  return {
    async sendText(userId, text) {
      if (text.length < 1 || text.length > ZALO_OA_MAX_TEXT)
        throw new ZaloOaApiError("invalid-response", undefined, "text-length");
      const body = { recipient: { user_id: userId }, message: { text } };
      let access = await token();
      let payload = await post(access, body);
      if (TOKEN_ERRORS.has(payload.error as number)) {
        // The token expired early or was revoked: one refresh, one retry.
        access = await token(access);
        payload = await post(access, body);
      }
      if (payload.error === 0) {
        const id = (payload.data as { message_id?: unknown } | undefined)?.message_id;
        return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
      }
      throw new ZaloOaApiError("platform", payload.error as number);
    },
  };
}
