import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../../helpers/browser.ts";
import { ask, openMenu, readingPhones, rootFontSize } from "./reading-phones.ts";
import { ARTIFACTS, lastBot } from "./web-server.ts";

const { hasBrowser, openChat } = readingPhones();

describe("reading and hearing the web chat (360 × 740)", () => {
  it("offers three text sizes and remembers the choice after a reload", async ({ skip }) => {
    if (!hasBrowser()) return skip();
    const { page, problems } = await openChat();
    const normal = await rootFontSize(page);
    expect(normal).toBeGreaterThanOrEqual(18);
    await openMenu(page);
    await page.getByRole("button", { name: "Lớn", exact: true }).click();
    const large = await rootFontSize(page);
    await page.getByRole("button", { name: "Rất lớn" }).click();
    const larger = await rootFontSize(page);
    expect(large).toBeGreaterThan(normal);
    expect(larger).toBeGreaterThan(large);
    expect(await page.getByRole("button", { name: "Rất lớn" }).getAttribute("aria-pressed")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-large-text-menu-360.png") });

    await page.reload();
    await expect.poll(() => rootFontSize(page)).toBe(larger);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
  });

  it("keeps high contrast after a reload, with no accessibility violation", async ({ skip }) => {
    if (!hasBrowser()) return skip();
    const { page } = await openChat();
    await openMenu(page);
    const toggle = page.getByRole("button", { name: /tương phản cao/ });
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.className)).toContain("contrast");
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.color, style.backgroundColor];
    });
    expect(colours).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
    await ask(page, "cach kich hoat vneid");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-contrast-360.png") });
  });

  it("scrolls without animation when the phone asks for reduced motion, and smoothly otherwise", async ({
    skip,
  }) => {
    if (!hasBrowser()) return skip();
    const recordScrolls = () => {
      const behaviours: string[] = [];
      Object.assign(window, { behaviours });
      const original = Element.prototype.scrollTo;
      Element.prototype.scrollTo = function (this: Element, ...args: unknown[]) {
        const options = args[0] as ScrollToOptions | undefined;
        behaviours.push(String(options?.behavior ?? "auto"));
        return (original as (...a: unknown[]) => void).apply(this, args);
      } as typeof original;
    };
    const behaviours = (page: Page) =>
      page.evaluate(() => (window as unknown as { behaviours: string[] }).behaviours);

    const reduced = await openChat({ reducedMotion: "reduce", before: recordScrolls });
    await ask(reduced.page, "cach kich hoat vneid");
    expect(await behaviours(reduced.page)).not.toContain("smooth");

    const moving = await openChat({ before: recordScrolls });
    await ask(moving.page, "cach kich hoat vneid");
    expect(await behaviours(moving.page)).toContain("smooth");
  });

  it("opens a long lesson at its start, not its end", async ({ skip }) => {
    if (!hasBrowser()) return skip();
    const { page } = await openChat();
    await openMenu(page);
    await page.getByRole("navigation").getByRole("button", { name: "Học bài" }).click();
    // Wait for the topic list itself: clicking sooner caught the previous reply, whose buttons were disabled.
    await expect.poll(() => lastBot(page).textContent(), { timeout: 15_000 }).toContain("Chọn một chủ đề");
    await lastBot(page).locator(".options button").first().click();
    await expect.poll(() => lastBot(page).textContent()).toContain("Chọn một bài");
    await lastBot(page).locator(".options button").first().click();
    await expect.poll(() => lastBot(page).textContent()).toContain("Bạn có câu hỏi về bài này?");
    const place = () =>
      page.evaluate(() => {
        const replies = document.querySelectorAll(".msg.bot");
        const lesson = replies[replies.length - 1]?.getBoundingClientRect();
        const pane = document.getElementById("main")?.getBoundingClientRect();
        return lesson && pane
          ? { tall: lesson.height > pane.height, topShown: Math.abs(lesson.top - pane.top) < 20 }
          : null;
      });
    await expect.poll(place).toEqual({ tall: true, topShown: true });
  });

  it("keeps the newest reply in view when the on-screen keyboard opens and the page shrinks", async ({
    skip,
  }) => {
    if (!hasBrowser()) return skip();
    const { page } = await openChat();
    await ask(page, "cach kich hoat vneid");
    await openMenu(page);
    await page.getByRole("navigation").getByRole("button", { name: "Hỏi", exact: true }).click();
    await expect.poll(() => lastBot(page).textContent()).toContain("Bạn cứ gõ câu hỏi");
    const newestInView = () =>
      page.evaluate(() => {
        const replies = document.querySelectorAll(".msg.bot");
        const newest = replies[replies.length - 1]?.getBoundingClientRect();
        const pane = document.getElementById("main")?.getBoundingClientRect();
        return Boolean(newest && pane && newest.top >= pane.top - 1 && newest.bottom <= pane.bottom + 1);
      });
    await expect.poll(newestInView).toBe(true);
    // Chrome on Android resizes the page for the keyboard (interactive-widget=resizes-content).
    await page.getByLabel("Tin nhắn của bạn").focus();
    await page.setViewportSize({ width: 360, height: 420 });
    await expect.poll(newestInView).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "web-keyboard-open-360.png") });
  });
});
