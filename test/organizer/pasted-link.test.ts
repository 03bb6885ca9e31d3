import { describe, expect, it } from "vitest";
import { messages } from "../../src/catalog/assistant-common.ts";
import type { Inbound } from "../../src/messaging/message.ts";
import { tempStore } from "../helpers/core.ts";
import { keysHolding, storeDump } from "../helpers/store-dump.ts";
import { fakeClock, organizerAssistant, testOrganizer } from "./helpers.ts";

const MEETING = "https://meet.example.invalid/lop-vneid-to-5";

async function world() {
  const store = await tempStore();
  const org = testOrganizer(store, ["web:admin-1"]);
  const assistant = await organizerAssistant(store, org, fakeClock("2026-12-01T02:00:00Z").now);
  const text = async (input: string | Partial<Inbound>) =>
    (
      await assistant.handle({
        channel: "web",
        userId: "admin-1",
        ...(typeof input === "string" ? { text: input } : input),
      })
    )
      .map((r) => r.text)
      .join("\n");
  return { store, text };
}

describe("a link pasted into an organizer's open dialogue", () => {
  it("is taken by /taolop as the place of an online class, and kept only with the class", async () => {
    const { store, text } = await world();
    await text("/taolop");
    await text("Dùng VNeID");
    await text("20/12 19:30");
    const placed = await text(MEETING);
    expect(placed).toContain("Bước 4/6");
    expect(placed).not.toContain(messages.pastedLink);
    await text("5");
    await text({ action: "v1:dlg:all" });
    expect(await text("20")).toContain(`• Địa điểm: ${MEETING}`);
    expect(await text({ action: "v1:dlg:ok" })).toContain("Mã điểm danh");
    // The class keeps its place, and its announcement (a broadcast) says it; nothing else does.
    const holding = await keysHolding(store, MEETING);
    expect(holding.filter((k) => /^class:[a-z0-9]{6}$/.test(k))).toHaveLength(1);
    expect(holding.every((k) => /^(class|bc):[a-z0-9]+$/.test(k))).toBe(true);
  });

  it("is taken as the place when the platform marks it as a shared link, and forgotten on /huy", async () => {
    const { store, text } = await world();
    await text("/taolop");
    await text("Dùng VNeID");
    await text("20/12 19:30");
    expect(await text({ text: MEETING, pastedLink: true })).toContain("Bước 4/6");
    expect(await storeDump(store)).toContain(MEETING);
    expect(await text("/huy")).toContain("Đã hủy");
    expect(await storeDump(store)).not.toContain("meet.example.invalid");
  });

  it("is taken by /thongbao as a notice that is only a link", async () => {
    const { store, text } = await world();
    await text("/thongbao");
    const next = await text(MEETING);
    expect(next).toContain("Bước 2/3");
    expect(next).not.toContain(messages.pastedLink);
    await text("/huy");
    expect(await storeDump(store)).not.toContain("meet.example.invalid");
  });

  it("gets the lesson on checking links when no dialogue is open", async () => {
    const { store, text } = await world();
    expect(await text(MEETING)).toContain(messages.pastedLink);
    expect(await storeDump(store)).not.toContain("meet.example.invalid");
  });
});
