import { randomUUID } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { keysHolding } from "../../helpers/store-dump.ts";
import { startWebChat } from "./web-server.ts";

const SCAM = "https://nhan-qua-tet.example.invalid/dang-nhap?ma=123456";

describe("web chat: a pasted link", () => {
  it("is answered with the lesson on checking links, like on Zalo, and nothing about it is kept", async () => {
    const web = await startWebChat();
    onTestFinished(() => web.close());
    const sessionId = `link-${randomUUID()}`;
    const chat = async (body: object) => {
      const response = await fetch(`${web.base}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sessionId, ...body }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { replies: { text: string }[] }).replies.map((r) => r.text);
    };
    for (const text of [SCAM, "www.nhan-qua-tet.vn"]) {
      const replies = await chat({ text });
      expect(replies[0]).toBe(messages.pastedLink);
      expect(replies.join("\n")).toContain("Tránh đường link lạ");
    }
    expect(await keysHolding(web.store, "nhan-qua-tet")).toEqual([]);
  });
});
