/**
 * OAuth v4 tokens of the ward's Zalo Official Account. The access token comes from the refresh token
 * (POST <oauth root>/v4/oa/access_token, form `refresh_token, app_id, grant_type=refresh_token`, the app
 * secret in a `secret_key` header); every refresh answers a NEW refresh token and the old one stops
 * working, so the newest is kept in the store before anything else happens. Tokens never leave this file
 * except to the OA client, and are never logged.
 */
import { createHash } from "node:crypto";
import type { Store } from "../../storage/store.ts";

const KEY = "zalo-oa:token";
const LOCK = "zalo-oa:token-refresh";

/** A refresh that failed; `code` is safe to log (the OAuth error number or the HTTP status). */
export class ZaloOaAuthError extends Error {
  constructor(readonly code: string) {
    super(`Zalo OA token refresh failed (${code})`);
    this.name = "ZaloOaAuthError";
  }
}

export interface ZaloOaTokensOptions {
  store: Store;
  appId: string;
  /** The app's secret key (Zalo for Developers → the app), sent in the `secret_key` header. */
  appSecret: string;
  /** ZALO_OA_REFRESH_TOKEN: used until the first refresh, or again after the operator changes it. */
  seedRefreshToken: string;
  /** e.g. https://oauth.zaloapp.com (ZALO_OA_OAUTH_ROOT). */
  oauthRoot: string;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Refresh when the access token has less than this left. Default 10 minutes. */
  marginMs?: number;
  /** Lease held while one instance refreshes; others wait for its result. Default 15 s. */
  lockMs?: number;
  /** Time limit of the OAuth call. Default 10 s. */
  timeoutMs?: number;
}

export interface ZaloOaTokens {
  /** A valid access token, refreshed first when it is missing or about to expire. */
  accessToken(): Promise<string>;
  /**
   * Gets a new access token because `stale` was refused. If another call or instance already replaced
   * it, that newer token is returned without a second refresh (the refresh token is single-use).
   */
  refresh(stale?: string): Promise<string>;
  /** When the current access token expires (ms since epoch), or 0 when there is none. */
  expiresAt(): Promise<number>;
}

const seedTag = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 16);

/** Exchanges a refresh token at Zalo's OAuth endpoint for a new access and refresh token pair. */
async function requestTokens(options: ZaloOaTokensOptions, refreshToken: string) {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${options.oauthRoot.replace(/\/+$/, "")}/v4/oa/access_token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", secret_key: options.appSecret },
      body: new URLSearchParams({
        refresh_token: refreshToken,
        app_id: options.appId,
        grant_type: "refresh_token",
      }).toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new ZaloOaAuthError((error as Error).name === "TimeoutError" ? "timeout" : "network");
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  const access = body?.access_token;
  const refresh = body?.refresh_token;
  if (typeof access === "string" && access && typeof refresh === "string" && refresh) {
    const seconds = Number(body?.expires_in);
    return { access, refresh, expiresIn: Number.isFinite(seconds) && seconds > 0 ? seconds : 3600 };
  }
  const code = typeof body?.error === "number" ? String(body.error) : `http-${response.status}`;
  throw new ZaloOaAuthError(code);
}

/**
 * The OA access token, kept in the store and refreshed under a lease so that only one instance spends the
 * single-use refresh token. Kept whole (a little over 60 lines): the returned methods share the refresh in
 * flight and the freshness rules, and the OAuth exchange itself is already apart in requestTokens.
 */
export function createZaloOaTokens(options: ZaloOaTokensOptions): ZaloOaTokens {
  const { store } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const marginMs = options.marginMs ?? 10 * 60_000;
  const lockMs = options.lockMs ?? 15_000;
  const seed = seedTag(options.seedRefreshToken);
  let inFlight: Promise<string> | null = null;

  const fresh = (t: Record<string, string>) =>
    Boolean(t.access) && Number(t.expiresAt ?? 0) - now() > marginMs && t.seed === seed;

  /** The refresh token to use: the stored (newest) one, unless the operator has set a different seed. */
  const currentRefresh = (t: Record<string, string>) =>
    t.seed === seed && t.refresh ? t.refresh : options.seedRefreshToken;

  /** Refreshes under the store lease; waits for another holder's result instead of refreshing twice. */
  async function refreshLocked(stale: string | undefined): Promise<string> {
    const deadline = now() + 2 * lockMs;
    for (;;) {
      const lease = await store.acquireLease(LOCK, lockMs);
      const stored = await store.hgetall(KEY);
      const replaced = stored.access && stored.access !== stale && fresh(stored);
      if (!lease) {
        if (replaced) return stored.access as string;
        if (now() > deadline) throw new ZaloOaAuthError("lock-timeout");
        await sleep(200);
        continue;
      }
      try {
        if (replaced) return stored.access as string;
        const next = await requestTokens(options, currentRefresh(stored));
        // The new refresh token is written before anything else: the old one no longer works.
        await store.hset(KEY, {
          access: next.access,
          refresh: next.refresh,
          expiresAt: String(now() + next.expiresIn * 1000),
          seed,
        });
        return next.access;
      } finally {
        await store.releaseLease(LOCK, lease);
      }
    }
  }

  function refresh(stale?: string): Promise<string> {
    inFlight ??= refreshLocked(stale).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    refresh,
    async accessToken() {
      const stored = await store.hgetall(KEY);
      return fresh(stored) ? (stored.access as string) : refresh(stored.access);
    },
    async expiresAt() {
      const stored = await store.hgetall(KEY);
      return stored.seed === seed ? Number(stored.expiresAt ?? 0) : 0;
    },
  };
}
