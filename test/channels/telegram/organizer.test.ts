import { describe, expect, it } from "vitest";
import { followRoleChanges } from "../../../src/channels/enabled-channels.ts";
import { Identities } from "../../../src/learning/identity.ts";
import { tempStore } from "../../helpers/core.ts";
import { fakeClock, organizerAssistant, testOrganizer, testRuntime } from "../../organizer/helpers.ts";
import { actionsOf, callbackUpdate, testChannel, textUpdate } from "./helpers.ts";

describe("organizer tools on Telegram", () => {
  it("/taolop → announcement to the tổ → a resident taps “Tham gia”", async () => {
    const store = await tempStore();
    const org = testOrganizer(store, ["telegram:111"]);
    const clock = fakeClock("2026-12-01T02:00:00Z");
    const assistant = await organizerAssistant(store, org, clock.now);
    const { channel, telegram } = await testChannel({ store, assistant });
    for (const update of [
      textUpdate(222, "xin chào"),
      callbackUpdate(222, "v1:consent:yes"),
      callbackUpdate(222, "v1:group:nguoi-dan"),
      textUpdate(222, "5"),
      callbackUpdate(222, "v1:mode:normal"),
    ])
      await channel.handleUpdate(update);
    for (const text of ["/taolop", "Thanh toán an toàn", "20/12 19:30", "Nhà văn hóa tổ 5", "5"])
      await channel.handleUpdate(textUpdate(111, text));
    await channel.handleUpdate(callbackUpdate(111, "v1:dlg:all"));
    await channel.handleUpdate(textUpdate(111, "20"));
    await channel.handleUpdate(callbackUpdate(111, "v1:dlg:ok"));
    expect(telegram.sent().at(-1)?.text).toContain("Mã điểm danh");

    telegram.clear();
    await testRuntime(org, { telegram: channel.sender }, clock).runOnce();
    const announcement = telegram.sent().find((p) => p.chat_id === 222);
    expect(announcement?.text).toContain("Thanh toán an toàn");
    const [join] = actionsOf(announcement);
    expect(join).toMatch(/^v1:rsvp:[a-z0-9]{6}\.y$/);
    await channel.handleUpdate(callbackUpdate(222, join as string));
    expect(telegram.sent().at(-1)?.text).toContain("Đã ghi tên bạn");
  });

  it("shows the organizer commands in a person's menu when an admin grants the role, and hides them on revoke", async () => {
    const store = await tempStore();
    const org = testOrganizer(store, ["telegram:111"]);
    const assistant = await organizerAssistant(store, org, fakeClock("2026-12-01T02:00:00Z").now);
    const { channel, telegram } = await testChannel({ store, assistant });
    followRoleChanges([channel], org.roles, new Identities(store));

    await channel.handleUpdate(textUpdate(111, "/phanquyen cap telegram:333 to:5"));
    const granted = telegram.called("setMyCommands").at(-1)?.payload;
    expect(granted?.scope).toEqual({ type: "chat", chat_id: 333 });
    expect(granted?.commands.map((c: { command: string }) => c.command)).toContain("thongbao");

    await channel.handleUpdate(textUpdate(111, "/phanquyen thuhoi telegram:333"));
    expect(telegram.called("deleteMyCommands").at(-1)?.payload.scope).toEqual({ type: "chat", chat_id: 333 });
  });
});
