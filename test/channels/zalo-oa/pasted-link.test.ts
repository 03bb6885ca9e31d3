import { describe, expect, it } from "vitest";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { tempStore } from "../../helpers/core.ts";
import { keysHolding } from "../../helpers/store-dump.ts";
import { fakeClock, organizerAssistant, testOrganizer } from "../../organizer/helpers.ts";
import { FOLLOWER, fixtureText, textEvent } from "./fake-oa-api.ts";
import { oaHarness } from "./harness.ts";

const SCAM = "https://nhan-qua-tet.example.invalid/dang-nhap?ma=123456";
const MEETING = "https://meet.example.invalid/lop-vneid-to-5";
const LINK_LESSON_TITLE = "Tránh đường link lạ và ứng dụng độc hại";
const ORGANIZER = "7000000000000000001";

/** The recorded user_send_link body, edited: another message id, sender, and link (in text and/or attachment). */
function sharedLink(msgId: string, edit: { text?: string; url?: string; userId?: string } = {}): string {
  const body = JSON.parse(fixtureText("user_send_link")) as {
    timestamp: string;
    sender: { id: string };
    message: { msg_id: string; text: string; attachments: { payload: { url: string } }[] };
  };
  body.timestamp = String(Date.now());
  body.message.msg_id = msgId;
  if (edit.userId) body.sender.id = edit.userId;
  if (edit.text !== undefined) body.message.text = edit.text;
  const attachment = body.message.attachments[0];
  if (edit.url !== undefined && attachment) attachment.payload.url = edit.url;
  return JSON.stringify(body);
}

describe("Zalo OA: a pasted link", () => {
  it("answers a shared link (user_send_link) and a text that is only a link with the lesson, keeping nothing", async () => {
    const h = await oaHarness();
    for (const raw of [
      fixtureText("user_send_link"),
      sharedLink("mid-attachment-only", { text: "" }),
      textEvent(SCAM, "mid-typed-link", Date.now()),
    ]) {
      const sent = await h.deliver(raw);
      expect(sent[0]).toBe(messages.pastedLink);
      expect(sent.join("\n")).toContain(LINK_LESSON_TITLE);
    }
    // Shared links reach the assistant marked as pasted, the address read from the text or the attachment.
    expect(h.turns.map((t) => [t.pastedLink === true, t.text])).toEqual([
      [true, SCAM],
      [true, SCAM],
      [false, SCAM],
    ]);
    expect(h.logs()).not.toContain("nhan-qua-tet");
    expect(await keysHolding(h.store, "nhan-qua-tet")).toEqual([]);
    expect(h.api.sent.every((m) => m.userId === FOLLOWER)).toBe(true);
  });

  it("gives a shared link to an organizer's open /taolop as the place of an online class", async () => {
    const store = await tempStore();
    const admin = await organizerAssistant(
      store,
      testOrganizer(store, ["web:admin-1"]),
      fakeClock("2026-12-01T02:00:00Z").now,
    );
    await admin.handle({
      channel: "web",
      userId: "admin-1",
      text: `/phanquyen cap zalo-oa:${ORGANIZER} to:5`,
    });
    const h = await oaHarness({ store });
    let n = 0;
    const say = async (text: string) =>
      (await h.deliver(textEvent(text, `mid-org-${n++}`, Date.now(), ORGANIZER))).join("\n");
    expect(await say("/taolop")).toContain("Bước 1/6");
    expect(await say("1")).toContain("Bước 2/6");
    expect(await say("20/12 19:30")).toContain("Bước 3/6");
    const placed = (await h.deliver(sharedLink("mid-org-link", { text: MEETING, userId: ORGANIZER }))).join(
      "\n",
    );
    expect(placed).toContain("Bước 4/6");
    expect(placed).not.toContain(messages.pastedLink);
    expect(await keysHolding(store, MEETING)).toEqual([expect.stringMatching(/^dlg:/)]);
    expect(h.logs()).not.toContain("meet.example.invalid");
  });
});
