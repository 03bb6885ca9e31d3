import { describe, expect, it } from "vitest";
import { ConsultationWindow } from "../../../src/learning/consultation-window.ts";
import { Reachability } from "../../../src/learning/reachability.ts";
import { onboard, testAssistant } from "../../helpers/core.ts";
import { FOLLOWER, fixtureText, textEvent } from "./fake-oa-api.ts";
import { oaHarness, sign } from "./harness.ts";

const AT = Date.parse("2026-12-02T02:00:00Z");

describe("Zalo OA webhook: signature", () => {
  it("refuses a missing, wrong or tampered signature with 401 and processes nothing", async () => {
    const h = await oaHarness();
    const raw = fixtureText("user_send_text");
    const tampered = raw.replace("muc 2", "muc 3");
    const answers = [
      await h.post(raw, null),
      await h.post(raw, "mac=0000"),
      await h.post(
        raw,
        sign(raw).replace(/.$/, (c) => (c === "0" ? "1" : "0")),
      ),
      await h.post(tampered, sign(raw)),
      await h.post("not json", "mac=abc"),
    ];
    await h.channel.idle();
    expect(answers.map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(h.turns).toHaveLength(0);
    expect(h.api.attempts).toHaveLength(0);
    expect(h.api.refreshCalls).toHaveLength(0);
    // Nothing was recorded either: the genuine message, sent now, is still handled as new.
    expect(await new ConsultationWindow(h.store).lastMessage(FOLLOWER)).toBeNull();
    expect((await h.post(raw)).statusCode).toBe(200);
    await h.channel.idle();
    expect(h.turns).toHaveLength(1);
  });

  it("accepts the documented header form mac=<hex> and the bare hex alike", async () => {
    const h = await oaHarness();
    const raw = fixtureText("user_send_text");
    expect(sign(raw)).toMatch(/^mac=[0-9a-f]{64}$/);
    expect((await h.post(raw, sign(raw).slice(4).toUpperCase())).statusCode).toBe(200);
    await h.channel.idle();
    expect(h.turns).toHaveLength(1);
  });
});

describe("Zalo OA webhook: events", () => {
  it("greets a new follower with the assistant's onboarding, and a typed number picks an option", async () => {
    const h = await oaHarness();
    const greeting = (await h.deliver(fixtureText("follow"))).join("\n");
    expect(greeting).toContain("phường Thử Nghiệm");
    expect(greeting).toMatch(/^1\. Đồng ý$/m);
    expect(greeting).toContain("Trả lời 1 hoặc 2.");
    expect(h.turns[0]).toMatchObject({ channel: "zalo-oa", userId: FOLLOWER, text: "/start" });
    expect(h.api.sent.every((m) => m.userId === FOLLOWER)).toBe(true);

    await h.deliver(textEvent("1", "mid-typed-1", AT));
    expect(h.turns[1]).toMatchObject({ channel: "zalo-oa", userId: FOLLOWER, action: "v1:consent:yes" });
    // The same follow delivered again does not greet twice.
    expect(await h.deliver(fixtureText("follow"))).toEqual([]);
  });

  it("answers a text through the assistant and opens the 48-hour window from the message time", async () => {
    const h = await oaHarness();
    await onboard(
      await testAssistant(h.store),
      FOLLOWER,
      "nguoi-dan",
      { action: "v1:to-skip" },
      { channel: "zalo-oa" },
    );
    const texts = await h.deliver(textEvent("cach kich hoat vneid muc 2", "mid-q-1", AT));
    expect(h.turns).toEqual([{ channel: "zalo-oa", userId: FOLLOWER, text: "cach kich hoat vneid muc 2" }]);
    expect(texts.join("\n")).toContain("Xem bài");
    expect(texts.join("\n")).toMatch(/^1\. /m);
    expect(await new ConsultationWindow(h.store).lastMessage(FOLLOWER)).toEqual(new Date(AT));
  });

  it("handles a delivered message once, however often Zalo redelivers it", async () => {
    const h = await oaHarness();
    const raw = fixtureText("user_send_text");
    const first = await h.deliver(raw);
    const again = await Promise.all([h.post(raw), h.post(raw)]);
    await h.channel.idle();
    expect(again.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(first.length).toBeGreaterThan(0);
    expect(h.turns).toHaveLength(1);
    expect(h.api.sent).toHaveLength(first.length);
  });

  it("answers a photo with one kind text-only line, and ignores receipts; unfollow marks unreachable", async () => {
    const h = await oaHarness();
    const image = await h.deliver(fixtureText("user_send_image"));
    expect(image).toEqual([expect.stringContaining("gõ câu hỏi bằng chữ")]);
    expect(h.turns).toHaveLength(0);
    expect(await h.deliver(fixtureText("user_received_message"))).toEqual([]);
    await h.deliver(fixtureText("unfollow"));
    expect(await new Reachability(h.store).isReachable("zalo-oa", FOLLOWER)).toBe(false);
    expect(h.turns).toHaveLength(0);
  });
});
