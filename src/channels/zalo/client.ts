/** A small typed client for the Zalo Bot Platform Bot API (not Zalo OA). The token never leaves this file. */

export type ZaloErrorKind =
  | "platform"
  | "http"
  | "network"
  | "timeout"
  | "invalid-response"
  | "invalid-request";

/** A failed Bot API call. The message names the method and the platform code, never the token or URL. */
export class ZaloApiError extends Error {
  constructor(
    /** The Bot API method that failed, e.g. "sendMessage". */
    readonly method: string,
    readonly kind: ZaloErrorKind,
    /** The platform's `error_code` (or the HTTP status when the body said nothing). */
    readonly errorCode: number | undefined,
    /** The platform's description, shortened. */
    readonly description: string,
  ) {
    super(`Zalo ${method} failed (${kind}${errorCode === undefined ? "" : ` ${errorCode}`}): ${description}`);
    this.name = "ZaloApiError";
  }

  /** A short code that is safe to log and to count. */
  get code(): string {
    return `zalo-${this.kind}${this.errorCode === undefined ? "" : `-${this.errorCode}`}`;
  }
}

export interface ZaloClientOptions {
  token: string;
  /** Base URL, e.g. https://bot-api.zaloplatforms.com (ZALO_API_ROOT). */
  apiRoot: string;
  /** Time limit of one call (getUpdates adds its long-poll timeout). Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** getMe's answer as documented: `{id, account_name, account_type, can_join_groups}`. */
export interface ZaloBotInfo {
  id?: string | number;
  account_name?: string;
  account_type?: string;
  can_join_groups?: boolean;
  [key: string]: unknown;
}

export interface ZaloWebhookInfo {
  url?: string;
  updated_at?: number;
  [key: string]: unknown;
}

export interface ZaloClient {
  getMe(): Promise<ZaloBotInfo>;
  /**
   * Waits up to `timeout` seconds for one update; resolves null when none came. The docs type `timeout`
   * as a String, so it is sent as one ("30").
   */
  getUpdates(params: { timeout: number }, signal?: AbortSignal): Promise<unknown>;
  setWebhook(params: { url: string; secret_token: string }): Promise<unknown>;
  deleteWebhook(): Promise<unknown>;
  getWebhookInfo(): Promise<ZaloWebhookInfo>;
  /** `text` must be 1–2000 characters (the sender splits longer replies). */
  sendMessage(params: { chat_id: string; text: string }): Promise<unknown>;
  sendPhoto(params: { chat_id: string; photo: string; caption?: string }): Promise<unknown>;
  sendChatAction(params: { chat_id: string; action: "typing" }): Promise<unknown>;
}

export const ZALO_MAX_TEXT = 2000;

const shorten = (text: string) => text.replace(/\s+/g, " ").slice(0, 200);

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const doFetch = options.fetch ?? fetch;
  const root = options.apiRoot.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call<T>(method: string, body: object, extra?: { timeoutMs?: number; signal?: AbortSignal }) {
    const timeout = AbortSignal.timeout(extra?.timeoutMs ?? timeoutMs);
    const signal = extra?.signal ? AbortSignal.any([timeout, extra.signal]) : timeout;
    let response: Response;
    try {
      response = await doFetch(`${root}/bot${options.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (timeout.aborted) throw new ZaloApiError(method, "timeout", undefined, "no answer in time");
      if (extra?.signal?.aborted) throw new ZaloApiError(method, "network", undefined, "aborted");
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new ZaloApiError(method, "network", undefined, cause ?? (error as Error).name ?? "fetch failed");
    }
    let payload: { ok?: unknown; result?: unknown; error_code?: unknown; description?: unknown };
    try {
      payload = (await response.json()) as typeof payload;
    } catch {
      if (timeout.aborted) throw new ZaloApiError(method, "timeout", undefined, "no answer in time");
      const kind = response.ok ? "invalid-response" : "http";
      throw new ZaloApiError(method, kind, response.ok ? undefined : response.status, "answer is not JSON");
    }
    if (payload && typeof payload === "object" && payload.ok === true) return payload.result as T;
    const code = typeof payload?.error_code === "number" ? payload.error_code : undefined;
    const description = typeof payload?.description === "string" ? shorten(payload.description) : "";
    if (code !== undefined) throw new ZaloApiError(method, "platform", code, description || "error");
    if (!response.ok) throw new ZaloApiError(method, "http", response.status, description || "HTTP error");
    throw new ZaloApiError(method, "invalid-response", undefined, description || "answer without ok");
  }

  return {
    getMe: () => call<ZaloBotInfo>("getMe", {}),
    getUpdates: (params, signal) =>
      call<unknown>(
        "getUpdates",
        { timeout: String(params.timeout) },
        { timeoutMs: params.timeout * 1000 + timeoutMs, signal },
      ).then((result) => result ?? null),
    setWebhook: (params) => call("setWebhook", params),
    deleteWebhook: () => call("deleteWebhook", {}),
    getWebhookInfo: () => call<ZaloWebhookInfo>("getWebhookInfo", {}).then((r) => r ?? {}),
    sendMessage: (params) => {
      const length = params.text.length;
      if (length < 1 || length > ZALO_MAX_TEXT)
        return Promise.reject(new ZaloApiError("sendMessage", "invalid-request", undefined, "text length"));
      return call("sendMessage", params);
    },
    sendPhoto: (params) => call("sendPhoto", params),
    sendChatAction: (params) => call("sendChatAction", params),
  };
}

/**
 * The Zalo Bot error table (docs "Bảng mã lỗi"): 400 bad request, 401 token expired or invalid,
 * 403 internal server error, 404 not found, 408 request timeout, 429 quota exceeded. None of them
 * means "the person blocked the bot", so no send error marks a learner unreachable.
 */
export const ZALO_ERROR_CODES = {
  badRequest: 400,
  unauthorized: 401,
  internalServerError: 403,
  notFound: 404,
  requestTimeout: 408,
  quotaExceeded: 429,
} as const;

/** Quota exceeded (429): the whole bot must slow down, not just one chat. */
export const isQuotaError = (error: unknown) =>
  error instanceof ZaloApiError && error.errorCode === ZALO_ERROR_CODES.quotaExceeded;

/** The token was refused (401): nothing will work until it is fixed. */
export const isTokenError = (error: unknown) =>
  error instanceof ZaloApiError && error.kind === "platform" && error.errorCode === 401;

/** True for failures worth retrying: network, timeouts, 403 (Zalo's internal server error), 408, 5xx. */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof ZaloApiError)) return false;
  if (error.kind === "network" || error.kind === "timeout") return true;
  const code = error.errorCode;
  if (code === undefined) return false;
  return code === 403 || code === 408 || (code >= 500 && code < 600);
}
