import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readingPhones } from "./reading-phones.ts";
import { lastBot } from "./web-server.ts";

const { hasBrowser, openChat } = readingPhones();

/** Presses Tab until the focused element's name (aria-label, label or text) is `name`; fails after 80 presses. */
async function tabTo(page: Page, name: string | RegExp, key = "Tab"): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(key);
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement | null;
      return el?.getAttribute("aria-label") || el?.labels?.[0]?.textContent || el?.textContent?.trim() || "";
    });
    if (typeof name === "string" ? focused === name : name.test(focused)) return;
  }
  throw new Error(`never reached ${name} with ${key}`);
}

describe("reading and hearing the web chat (360 × 740)", () => {
  it("can be used with the keyboard alone: onboarding, a question, the menu and Escape", async ({ skip }) => {
    if (!hasBrowser()) return skip();
    const { page, problems } = await openChat({ onboarded: false });
    await tabTo(page, "Đồng ý");
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect.poll(() => lastBot(page).textContent()).toContain("Bạn thuộc nhóm nào?");
    await tabTo(page, "Người dân");
    await page.keyboard.press("Enter");
    await expect.poll(() => lastBot(page).textContent()).toContain("tổ dân phố nào");
    await tabTo(page, "Bỏ qua");
    await page.keyboard.press("Enter");
    await expect.poll(() => lastBot(page).textContent()).toContain("từng bước một");
    await tabTo(page, "Không, bình thường");
    await page.keyboard.press("Enter");
    await expect.poll(() => lastBot(page).textContent()).toContain("Cảm ơn bạn!");

    await tabTo(page, "Tin nhắn của bạn");
    await page.keyboard.type("cach kich hoat vneid");
    await page.keyboard.press("Enter");
    await expect.poll(() => lastBot(page).textContent(), { timeout: 10_000 }).toContain("Xem bài:");

    await tabTo(page, "☰ Menu", "Shift+Tab");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("navigation").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.getByRole("navigation").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("menu-button");
    await page.keyboard.press("Enter");
    await tabTo(page, "Tiến độ");
    await page.keyboard.press("Enter");
    await expect.poll(() => lastBot(page).textContent()).toContain("Tiến độ của bạn");
    expect(problems).toEqual([]);
  }, 30_000);
});
