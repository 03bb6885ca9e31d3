import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { configSchema } from "../../../src/config/schema.ts";
import { listenOnLoopback } from "../../helpers/loopback.ts";

export const APP_ID = "360846524940903967";
export const APP_SECRET = "app-secret-for-tests-4f1c";
export const OA_SECRET_KEY = "oa-secret-key-for-tests-9b2d";
export const SEED_REFRESH = "seed-refresh-token-0";
export const FOLLOWER = "6121385437496489651";

/** One message the stand-in accepted. */
export interface SentMessage {
  userId: string;
  text: string;
  accessToken: string;
}

export type Scripted = { status?: number; json: unknown };

/**
 * A local node:http server standing in for both Zalo roots: OAuth v4 (`/v4/oa/access_token`, refresh tokens
 * single-use and rotated like the real one) and the OA API (`/v3.0/oa/message/cs`, which refuses anything but
 * the newest access token with -216, and an expired one with -124).
 */
export async function startFakeOaApi() {
  let validRefresh = SEED_REFRESH;
  let validAccess = "";
  let expired = false;
  let issued = 0;
  const refreshCalls: { refreshToken: string; secretKey: string; appId: string }[] = [];
  const attempts: SentMessage[] = [];
  const sent: SentMessage[] = [];
  const scripts: Scripted[] = [];

  function oauth(form: URLSearchParams, secretKey: string) {
    const refreshToken = form.get("refresh_token") ?? "";
    refreshCalls.push({ refreshToken, secretKey, appId: form.get("app_id") ?? "" });
    const ok =
      secretKey === APP_SECRET &&
      form.get("app_id") === APP_ID &&
      form.get("grant_type") === "refresh_token" &&
      refreshToken === validRefresh;
    if (!ok) return { error: -14014, error_name: "Invalid refresh token", error_description: "stand-in" };
    issued++;
    validRefresh = `rotated-refresh-${issued}`;
    validAccess = `access-token-${issued}`;
    expired = false;
    return { access_token: validAccess, refresh_token: validRefresh, expires_in: "90000" };
  }

  function message(body: { recipient?: { user_id?: string }; message?: { text?: string } }, token: string) {
    const entry = {
      userId: body.recipient?.user_id ?? "",
      text: body.message?.text ?? "",
      accessToken: token,
    };
    attempts.push(entry);
    if (token !== validAccess) return { json: { error: -216, message: "Access token is invalid" } };
    if (expired) return { json: { error: -124, message: "Access token has expired" } };
    const next = scripts.shift();
    if (next) return next;
    sent.push(entry);
    return {
      json: {
        error: 0,
        message: "Success",
        data: { message_id: `mid-${sent.length}`, user_id: entry.userId },
      },
    };
  }

  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => {
      data += chunk;
    });
    req.on("end", () => {
      let answer: Scripted;
      if (req.method === "POST" && req.url === "/v4/oa/access_token")
        answer = { json: oauth(new URLSearchParams(data), String(req.headers.secret_key ?? "")) };
      else if (req.method === "POST" && req.url === "/v3.0/oa/message/cs")
        answer = message(JSON.parse(data || "{}"), String(req.headers.access_token ?? ""));
      else answer = { status: 404, json: { error: -1, message: "not found" } };
      res.writeHead(answer.status ?? 200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.json));
    });
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    refreshCalls,
    attempts,
    sent,
    /** Answers the next message sends with these, in order (after the token checks). */
    script: (...answers: Scripted[]) => scripts.push(...answers),
    /** The current access token now answers -124 until the next refresh. */
    expireAccess: () => {
      expired = true;
    },
    /** Tokens as the stand-in knows them (tests look for them in logs). */
    tokens: () => ({ refresh: validRefresh, access: validAccess }),
  };
}

export function oaConfig(root: string, overrides: Record<string, string | undefined> = {}) {
  return configSchema.parse({
    NODE_ENV: "test",
    ZALO_OA_APP_ID: APP_ID,
    ZALO_OA_APP_SECRET: APP_SECRET,
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_OA_REFRESH_TOKEN: SEED_REFRESH,
    ZALO_OA_API_ROOT: root,
    ZALO_OA_OAUTH_ROOT: root,
    ...overrides,
  });
}

/** A recorded webhook body from test/fixtures/zalo-oa, as the raw text Zalo would sign. */
export function fixtureText(name: string): string {
  return readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "zalo-oa", `${name}.json`), "utf8");
}

/** A user_send_text body for a turn typed by a test (same shape as the fixture). */
export function textEvent(text: string, msgId: string, at: number, userId = FOLLOWER): string {
  const body = JSON.parse(fixtureText("user_send_text")) as Record<string, unknown>;
  return JSON.stringify({
    ...body,
    timestamp: String(at),
    sender: { id: userId },
    message: { msg_id: msgId, text },
  });
}
