import { describe, expect, it } from "vitest";
import { messages } from "../../../src/catalog/assistant-common.ts";
import { onboard, tempStore, testAssistant } from "../../helpers/core.ts";
import { keysHolding } from "../../helpers/store-dump.ts";
import { fakeClock, organizerAssistant, testOrganizer } from "../../organizer/helpers.ts";
import { fixture } from "./fake-bot-api.ts";
import { webhookHarness } from "./harness.ts";

const MEETING = "https://meet.example.invalid/lop-vneid-to-5";
const ORGANIZER = "zalo-organizer-1";
const RESIDENT = "zalo-resident-1";

/** A shared link (message.link.received) from one person, the address in `url` as some deliveries give it. */
function sharedLink(userId: string, url: string, messageId: string) {
  const body = fixture("link") as { result: { message: Record<string, unknown> } };
  Object.assign(body.result.message, {
    message_id: messageId,
    url,
    from: { id: userId, display_name: "Người dùng", is_bot: false },
    chat: { id: userId, chat_type: "PRIVATE" },
  });
  return body;
}

/** A Zalo channel over a store where an admin (on the web) made ORGANIZER an organizer for tổ 5. */
async function world() {
  const store = await tempStore();
  const admin = await organizerAssistant(
    store,
    testOrganizer(store, ["web:admin-1"]),
    fakeClock("2026-12-01T02:00:00Z").now,
  );
  await admin.handle({ channel: "web", userId: "admin-1", text: `/phanquyen cap zalo:${ORGANIZER} to:5` });
  return { store, zalo: await webhookHarness({ store }) };
}

describe("zalo: a shared link during an organizer's dialogue", () => {
  it("goes to /taolop as the place of an online class instead of the link lesson", async () => {
    const { store, zalo } = await world();
    expect((await zalo.say("/taolop", ORGANIZER)).join("\n")).toContain("Bước 1/6");
    expect((await zalo.say("1", ORGANIZER)).join("\n")).toContain("Bước 2/6");
    expect((await zalo.say("20/12 19:30", ORGANIZER)).join("\n")).toContain("Bước 3/6");
    expect(await zalo.post(sharedLink(ORGANIZER, MEETING, "m-place"))).toMatchObject({ statusCode: 200 });
    await zalo.channel.idle();
    const answer = zalo.api.sent().at(-1)?.text ?? "";
    expect(answer).toContain("Bước 4/6");
    expect(answer).not.toContain(messages.pastedLink);
    expect(zalo.turns.at(-1)).toMatchObject({ pastedLink: true, text: MEETING });
    // Only the open dialogue keeps it, and /huy forgets it.
    expect(await keysHolding(store, MEETING)).toEqual([expect.stringMatching(/^dlg:/)]);
    await zalo.say("/huy", ORGANIZER);
    expect(await keysHolding(store, MEETING)).toEqual([]);
  });

  it("answers the same shared link from a resident with the lesson on checking links, keeping nothing", async () => {
    const { store, zalo } = await world();
    await onboard(await testAssistant(store), RESIDENT, "nguoi-dan", undefined, { channel: "zalo" });
    await zalo.post(sharedLink(RESIDENT, MEETING, "m-resident"));
    await zalo.channel.idle();
    const sent = zalo.api.sent().map((m) => m.text);
    expect(sent[0]).toBe(messages.pastedLink);
    expect(sent.join("\n")).toContain("Tránh đường link lạ");
    expect(await keysHolding(store, "meet.example.invalid")).toEqual([]);
  });
});
