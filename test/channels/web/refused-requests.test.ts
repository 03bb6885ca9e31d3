import { describe, expect, it } from "vitest";
import { chatApiUnderTest } from "./chat-api-under-test.ts";

const { post } = chatApiUnderTest();

/** Requests the chat API refuses, with the status and error code it must answer. */
const REFUSED: {
  name: string;
  payload: string | object;
  headers?: Record<string, string>;
  status: number;
  code: string;
}[] = [
  {
    name: "a body over 256 KB",
    payload: { sessionId: "session-413", text: "a".repeat(300 * 1024) },
    status: 413,
    code: "too-large",
  },
  {
    name: "text/plain",
    payload: '{"sessionId":"session-txt","text":"hi"}',
    headers: { "content-type": "text/plain" },
    status: 400,
    code: "bad-request",
  },
  {
    name: "application/xml",
    payload: "<chat/>",
    headers: { "content-type": "application/xml" },
    status: 415,
    code: "unsupported-type",
  },
  {
    name: "a form post",
    payload: "sessionId=session-form&text=hi",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    status: 415,
    code: "unsupported-type",
  },
  {
    name: "multipart",
    payload: "--b\r\n\r\nhi\r\n--b--",
    headers: { "content-type": "multipart/form-data; boundary=b" },
    status: 415,
    code: "unsupported-type",
  },
  { name: "an empty JSON body", payload: "", status: 400, code: "bad-request" },
  {
    name: "invalid JSON",
    payload: '{"sessionId": "session-bad", "text": }',
    status: 400,
    code: "bad-request",
  },
  {
    name: "a prototype-polluting key",
    payload: '{"sessionId":"session-proto","text":"hi","__proto__":{"admin":true}}',
    status: 400,
    code: "bad-request",
  },
  {
    name: "a constructor.prototype key",
    payload: '{"sessionId":"session-ctor","text":"hi","constructor":{"prototype":{"admin":true}}}',
    status: 400,
    code: "bad-request",
  },
  {
    name: "text is a number",
    payload: { sessionId: "session-num", text: 42 },
    status: 400,
    code: "bad-request",
  },
  {
    name: "text is an array",
    payload: { sessionId: "session-arr", text: ["hi"] },
    status: 400,
    code: "bad-request",
  },
  {
    name: "text is an object",
    payload: { sessionId: "session-obj", text: { $ne: null } },
    status: 400,
    code: "bad-request",
  },
  {
    name: "text is null",
    payload: { sessionId: "session-null", text: null },
    status: 400,
    code: "bad-request",
  },
  {
    name: "text is a boolean",
    payload: { sessionId: "session-bool", text: true },
    status: 400,
    code: "bad-request",
  },
  {
    name: "text over 100,000 characters",
    payload: { sessionId: "session-long", text: "a".repeat(100_001) },
    status: 400,
    code: "bad-request",
  },
  {
    name: "action is a number",
    payload: { sessionId: "session-act", action: 1 },
    status: 400,
    code: "bad-request",
  },
  {
    name: "action over 256 characters",
    payload: { sessionId: "session-act2", action: "v".repeat(257) },
    status: 400,
    code: "bad-request",
  },
  { name: "no sessionId", payload: { text: "hi" }, status: 400, code: "bad-request" },
  { name: "an empty sessionId", payload: { sessionId: "", text: "hi" }, status: 400, code: "bad-request" },
  {
    name: "a numeric sessionId",
    payload: { sessionId: 123456789, text: "hi" },
    status: 400,
    code: "bad-request",
  },
  {
    name: "a sessionId with a path",
    payload: { sessionId: "../../etc/passwd", text: "hi" },
    status: 400,
    code: "bad-request",
  },
  {
    name: "a sessionId with a colon",
    payload: { sessionId: "telegram:5550001", text: "hi" },
    status: 400,
    code: "bad-request",
  },
  {
    name: "a sessionId with Vietnamese",
    payload: { sessionId: "phiên-của-tôi", text: "hi" },
    status: 400,
    code: "bad-request",
  },
  {
    name: "a sessionId of 129 characters",
    payload: { sessionId: "s".repeat(129), text: "hi" },
    status: 400,
    code: "bad-request",
  },
  {
    name: "neither text nor action",
    payload: { sessionId: "session-none" },
    status: 400,
    code: "bad-request",
  },
  {
    name: "a JSON array",
    payload: [{ sessionId: "session-array", text: "hi" }],
    status: 400,
    code: "bad-request",
  },
];

describe("web: bad input through POST /api/chat", () => {
  it.each(REFUSED)(
    "refuses $name with $status $code, never a 500",
    async ({ payload, headers, status, code }) => {
      const response = await post(payload, headers);
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toContain("application/json");
      const body = response.json() as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      // The error names the problem, never echoes what was sent.
      expect(body.error.message.length).toBeLessThan(120);
      expect(body.error.message).not.toMatch(/hi"|etc\/passwd|\$ne|admin|aaaa/);
    },
  );
});
