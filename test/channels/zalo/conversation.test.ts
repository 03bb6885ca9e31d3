import { describe, expect, it } from "vitest";
import { loadOptions, optionsKey } from "../../../src/channels/zalo/options.ts";
import { LearnerStore } from "../../../src/learning/learner-store.ts";
import type { Store } from "../../../src/storage/store.ts";
import { webhookHarness } from "./harness.ts";

/** The actions of the numbered options remembered for a private chat, as the handler reads them back. */
const rememberedActions = async (store: Store, userId: string) =>
  (await loadOptions(store, optionsKey(userId))).map((o) => o.action);

type Harness = Awaited<ReturnType<typeof webhookHarness>>;

/**
 * Answers any onboarding question that follows the tổ dân phố (such as the answer style) with its last
 * numbered option, until the learner is ready or the step stops changing.
 */
async function finishOnboarding(h: Harness, userId: string, last: string[]): Promise<void> {
  let sent = last;
  let step: string | undefined;
  for (let i = 0; i < 3; i++) {
    const profile = await new LearnerStore(h.store).get(`zalo:${userId}`);
    if (profile?.step === "ready" || profile?.step === step) return;
    step = profile?.step;
    const count = (sent.at(-1)?.match(/^\d+\. /gm) ?? []).length;
    if (!count) return;
    sent = await h.say(String(count), userId);
  }
}

describe("a conversation on Zalo with numbered options", () => {
  it("onboards with typed numbers (consent 1, group 2, tổ 5), then answers a free-text question", async () => {
    const h = await webhookHarness();
    const greeting = await h.say("xin chào");
    expect(greeting.at(-1)).toContain("Trả lời 1 hoặc 2.");

    const groups = await h.say("1");
    expect(h.turns.at(-1)).toMatchObject({ action: "v1:consent:yes" });
    expect(groups.at(-1)).toMatch(/1\. .+\n2\. Học sinh\n3\. .+\n4\. Người dân\n\nTrả lời 1, 2, 3 hoặc 4\.$/);

    const toAsk = await h.say("2.");
    expect(h.turns.at(-1)).toMatchObject({ action: "v1:group:hoc-sinh" });
    // At the tổ question a typed number is the tổ itself: "Bỏ qua" is a word to type, not option 1.
    expect(toAsk.at(-1)).toContain("• Bỏ qua");
    expect(toAsk.at(-1)).not.toContain("1. Bỏ qua");
    const done = await h.say("5");
    expect(h.turns.at(-1)).toMatchObject({ text: "5" });
    await finishOnboarding(h, "user-zalo-1", done);
    const profile = await new LearnerStore(h.store).get("zalo:user-zalo-1");
    expect(profile).toMatchObject({ group: "hoc-sinh", to: "Tổ 5" });

    const answer = await h.say("làm sao kích hoạt tài khoản định danh điện tử mức 2");
    expect(h.turns.at(-1)).toMatchObject({ text: "làm sao kích hoạt tài khoản định danh điện tử mức 2" });
    expect(answer.join("\n")).toContain("Xem bài");
    expect(answer.at(-1)).toMatch(/\n1\. Đọc cả bài\n[\s\S]*\n\nTrả lời .+\.$/);
    expect(answer.join("\n")).not.toMatch(/\*[^*\n]+\*/);

    // "đáp án 1" opens the cited lesson; a long lesson arrives in parts of at most 2000 characters.
    const lesson = await h.say("đáp án 1");
    expect(h.turns.at(-1)?.action).toMatch(/^v1:lesson:/);
    expect(lesson.length).toBeGreaterThan(0);
    for (const part of lesson) expect(part.length).toBeLessThanOrEqual(2000);
  });

  it("keeps the numbered options in the store, so a restart still understands “1”", async () => {
    const h = await webhookHarness();
    await h.say("hi", "user-zalo-2");
    expect(await rememberedActions(h.store, "user-zalo-2")).toContain("v1:consent:yes");
    const restarted = await webhookHarness({ store: h.store }); // a new process over the same store
    await restarted.say("B", "user-zalo-2");
    expect(restarted.turns.at(-1)).toMatchObject({ action: "v1:consent:no" });
  });
});
