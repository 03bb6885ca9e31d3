import { describe, expect, it } from "vitest";
import { createZaloClient } from "../../../src/channels/zalo/client.ts";
import { createZaloHandler } from "../../../src/channels/zalo/handler.ts";
import { loadOptions, optionsKey } from "../../../src/channels/zalo/options.ts";
import { createZaloSender } from "../../../src/channels/zalo/sender.ts";
import { parseZaloUpdate, type ZaloUpdate } from "../../../src/channels/zalo/types.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import type { Inbound, Reply } from "../../../src/messaging/message.ts";
import { silentLogger, tempStore } from "../../helpers/core.ts";
import { startFakeBotApi, TOKEN, textUpdate } from "./fake-bot-api.ts";

/** The handler over a scripted assistant: each turn answers with the next canned replies. */
async function scriptedHandler(script: Reply[][]) {
  const api = await startFakeBotApi();
  const store = await tempStore();
  const reachability = new Reachability(store);
  const client = createZaloClient({ token: TOKEN, apiRoot: api.url });
  const sender = createZaloSender({
    client,
    store,
    reachability,
    logger: silentLogger,
    intervalMs: 0,
    retries: 0,
  });
  const turns: Inbound[] = [];
  const assistant = {
    handle: async (inbound: Inbound) => {
      turns.push(inbound);
      return script.shift() ?? [{ text: "ok" }];
    },
  };
  const handler = createZaloHandler({ assistant, store, reachability, sender, client, logger: silentLogger });
  let n = 0;
  const say = (text: string) => handler.handle(parseZaloUpdate(textUpdate(text, `m${++n}`)) as ZaloUpdate);
  return { api, store, turns, say };
}

const choose = (label: string, action: string) => ({ label, action });

describe("Zalo numbered options in a conversation", () => {
  it("maps a typed number to the option's action, and passes other answers on as text", async () => {
    const h = await scriptedHandler([
      [{ text: "Chọn:", options: [choose("Một", "v1:menu"), choose("Hai", "v1:help")] }],
    ]);
    await h.say("hi");
    await h.say("3"); // out of range
    await h.say("cách dùng VNeID");
    expect(h.turns.map((t) => t.text ?? t.action)).toEqual(["hi", "3", "cách dùng VNeID"]);
  });

  it("keeps the options while replies carry none only until the next reply without options", async () => {
    const h = await scriptedHandler([
      [{ text: "Chọn:", options: [choose("Một", "v1:menu"), choose("Hai", "v1:help")] }],
      [{ text: "Bạn cứ gõ câu hỏi." }],
    ]);
    await h.say("hi");
    await h.say("câu 2");
    expect(h.turns.at(-1)).toMatchObject({ action: "v1:help" });
    expect(await loadOptions(h.store, optionsKey("user-zalo-1"))).toEqual([]);
    await h.say("2");
    expect(h.turns.at(-1)).toMatchObject({ text: "2" });
  });

  it("sends each reply as its own message, emphasis stripped, and the link after the text", async () => {
    const h = await scriptedHandler([
      [
        { text: "*Bài 1*\nNội dung" },
        { text: "Xem thêm", link: { label: "Cổng DVC", url: "https://dichvucong.gov.vn" } },
      ],
    ]);
    await h.say("hi");
    expect(h.api.sent().map((m) => m.text)).toEqual([
      "Bài 1\nNội dung",
      "Xem thêm\nCổng DVC: https://dichvucong.gov.vn",
    ]);
  });
});
