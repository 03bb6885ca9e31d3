import { describe, expect, it } from "vitest";
import {
  createZaloClient,
  isQuotaError,
  isRetryableError,
  isTokenError,
  ZaloApiError,
} from "../../../src/channels/zalo/client.ts";
import { startFakeBotApi, TOKEN } from "./fake-bot-api.ts";

async function rejection(promise: Promise<unknown>): Promise<ZaloApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloApiError);
  return error as ZaloApiError;
}

describe("Zalo Bot API client", () => {
  it("POSTs JSON to /bot<token>/<method> and returns the result", async () => {
    const api = await startFakeBotApi();
    api.script("getMe", { json: { ok: true, result: { id: "42", account_name: "bot.hocvuso" } } });
    const client = createZaloClient({ token: TOKEN, apiRoot: `${api.url}/` });
    expect(await client.getMe()).toEqual({ id: "42", account_name: "bot.hocvuso" });
    await client.sendMessage({ chat_id: "u1", text: "Chào bạn" });
    expect(api.calls).toEqual([
      { method: "getMe", token: TOKEN, body: {} },
      { method: "sendMessage", token: TOKEN, body: { chat_id: "u1", text: "Chào bạn" } },
    ]);
  });

  it("turns {ok:false} into a typed ZaloApiError with the platform code, without the token", async () => {
    const api = await startFakeBotApi();
    api.script("sendMessage", {
      json: { ok: false, error_code: 403, description: "Internal server error" },
    });
    const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
    const error = await rejection(client.sendMessage({ chat_id: "u1", text: "hi" }));
    expect(error).toMatchObject({
      method: "sendMessage",
      kind: "platform",
      errorCode: 403,
      code: "zalo-platform-403",
    });
    expect(error.description).toContain("Internal");
    expect(`${error.message} ${error.stack}`).not.toContain(TOKEN);
    expect(error.message).not.toContain(api.url);
  });

  it("treats HTTP 200 without ok:true as a failure, and a non-JSON 500 as an HTTP error", async () => {
    const api = await startFakeBotApi();
    api.script("getMe", { json: { result: {} } }, { status: 500, raw: "<html>Bad gateway</html>" });
    const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
    expect(await rejection(client.getMe())).toMatchObject({ kind: "invalid-response" });
    expect(await rejection(client.getMe())).toMatchObject({ kind: "http", errorCode: 500 });
  });

  it("gives up on a call that does not answer in time, and reports a refused connection", async () => {
    const api = await startFakeBotApi();
    api.script("getMe", { delayMs: 500, json: { ok: true, result: {} } });
    const slow = createZaloClient({ token: TOKEN, apiRoot: api.url, timeoutMs: 100 });
    expect(await rejection(slow.getMe())).toMatchObject({ kind: "timeout", method: "getMe" });
    const closed = createZaloClient({ token: TOKEN, apiRoot: "http://127.0.0.1:9" });
    const error = await rejection(closed.getMe());
    expect(error.kind).toBe("network");
    expect(error.message).not.toContain(TOKEN);
  });

  it("refuses an empty text or one over 2000 characters before calling Zalo", async () => {
    const api = await startFakeBotApi();
    const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
    expect(await rejection(client.sendMessage({ chat_id: "u1", text: "" }))).toMatchObject({
      kind: "invalid-request",
    });
    expect(await rejection(client.sendMessage({ chat_id: "u1", text: "a".repeat(2001) }))).toMatchObject({
      kind: "invalid-request",
    });
    await client.sendMessage({ chat_id: "u1", text: "a".repeat(2000) });
    expect(api.calls).toHaveLength(1);
  });

  it("returns null from getUpdates when the body has no update, sending timeout as the docs' String", async () => {
    const api = await startFakeBotApi();
    api.script("getUpdates", { json: { ok: true, result: null } });
    const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
    expect(await client.getUpdates({ timeout: 1 })).toBeNull();
    expect(api.calls[0]?.body).toEqual({ timeout: "1" });
  });

  it("reads the error table as documented: 403 and 408 retried, 429 quota, 401 token, 400/404 final", async () => {
    const api = await startFakeBotApi();
    const codes = [400, 401, 403, 404, 408, 429];
    for (const code of codes)
      api.script("sendMessage", { json: { ok: false, error_code: code, description: "x" } });
    const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
    const errors = [];
    for (const _ of codes) errors.push(await rejection(client.sendMessage({ chat_id: "u1", text: "hi" })));
    expect(errors.map((e) => [e.errorCode, isRetryableError(e), isQuotaError(e), isTokenError(e)])).toEqual([
      [400, false, false, false],
      [401, false, false, true],
      [403, true, false, false],
      [404, false, false, false],
      [408, true, false, false],
      [429, false, true, false],
    ]);
  });
});
