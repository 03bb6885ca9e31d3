import { describe, expect, it } from "vitest";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { keysHolding } from "../../helpers/store-dump.ts";
import { testChannel, textUpdate } from "./helpers.ts";

const SCAM = "https://nhan-qua-tet.example.invalid/dang-nhap?ma=123456";

describe("Telegram: a pasted link", () => {
  it("is answered with the lesson on checking links, like on Zalo, and nothing about it is kept", async () => {
    const { channel, telegram, store } = await testChannel();
    await channel.handleUpdate(textUpdate(333, SCAM));
    const sent = telegram.sent().map((p) => String(p.text ?? ""));
    expect(sent[0]).toBe(messages.pastedLink);
    expect(sent.join("\n")).toContain("Tránh đường link lạ");
    expect(await keysHolding(store, "nhan-qua-tet")).toEqual([]);
  });
});
