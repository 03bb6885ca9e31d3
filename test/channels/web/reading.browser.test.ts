import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchChromium } from "../../helpers/browser.ts";
import { ARTIFACTS, lastBot, onboardSession, phone, startWebChat, type WebChat } from "./web-server.ts";

let browser: Browser | null = null;
let chat: WebChat;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  chat = await startWebChat();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await chat?.close();
});

let sessions = 0;
/** A phone on the chat page; onboarded unless told otherwise; `before` runs in the page before its scripts. */
async function openChat(
  b: Browser,
  options: { onboarded?: boolean; reducedMotion?: "reduce"; before?: () => void } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const sessionId = `reading-${++sessions}-session`;
  if (options.onboarded !== false) await onboardSession(chat.base, sessionId);
  const { context, page, problems } = await phone(b, chat.base, {
    sessionId,
    ...(options.reducedMotion ? { reducedMotion: options.reducedMotion } : {}),
  });
  contexts.push(context);
  if (options.before) await context.addInitScript(options.before);
  await page.goto(chat.base);
  await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(0);
  return { context, page, problems };
}

const rootFontSize = (page: Page) =>
  page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
const openMenu = (page: Page) => page.getByRole("button", { name: "☰ Menu" }).click();
const ask = async (page: Page, text: string) => {
  await page.getByLabel("Tin nhắn của bạn").fill(text);
  await page.keyboard.press("Enter");
  await expect.poll(() => lastBot(page).textContent(), { timeout: 10_000 }).toContain("Xem bài:");
};

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
  it("offers three text sizes and remembers the choice after a reload", async ({ skip }) => {
    if (!browser) return skip();
    const { page, problems } = await openChat(browser);
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

  it("reads a reply aloud with the phone's Vietnamese voice", async ({ skip }) => {
    if (!browser) return skip();
    const { page } = await openChat(browser, {
      before: () => {
        const spoken: { text: string; lang: string; voice?: string }[] = [];
        const voices = [
          { lang: "en-US", name: "English" },
          { lang: "vi-VN", name: "Tiếng Việt" },
        ];
        Object.assign(window, { spoken });
        Object.defineProperty(window, "speechSynthesis", {
          configurable: true,
          value: {
            getVoices: () => voices,
            speak: (u: { text: string; lang: string; voice?: { name: string } }) =>
              spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name }),
            cancel: () => {},
            addEventListener: () => {},
          },
        });
        Object.defineProperty(window, "SpeechSynthesisUtterance", {
          configurable: true,
          value: class {
            text: string;
            constructor(text: string) {
              this.text = text;
            }
          },
        });
      },
    });
    await ask(page, "cach kich hoat vneid");
    const listen = lastBot(page).getByRole("button", { name: "Nghe đọc tin này" });
    expect(await listen.isVisible()).toBe(true);
    expect(await listen.textContent()).toBe("🔊 Nghe");
    await listen.click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken);
    expect(spoken).toEqual([
      { text: expect.stringContaining("Xem bài:"), lang: "vi-VN", voice: "Tiếng Việt" },
    ]);
    expect(JSON.stringify(spoken)).not.toContain("*");
  });

  it("shows no 🔊 Nghe on a phone without a Vietnamese voice", async ({ skip }) => {
    if (!browser) return skip();
    const { page } = await openChat(browser, {
      before: () => {
        Object.defineProperty(window, "speechSynthesis", {
          configurable: true,
          value: {
            getVoices: () => [{ lang: "en-US", name: "English" }],
            speak: () => {},
            cancel: () => {},
            addEventListener: () => {},
          },
        });
      },
    });
    await ask(page, "cach kich hoat vneid");
    expect(await page.locator(".listen").count()).toBeGreaterThan(0);
    expect(await page.locator(".listen:visible").count()).toBe(0);
  });

  it("puts what was said into the message box (vi-VN) where the browser can listen, and hides 🎤 where it cannot", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page } = await openChat(browser, {
      before: () => {
        Object.assign(window, {
          SpeechRecognition: class {
            lang = "";
            onresult: ((e: unknown) => void) | null = null;
            onend: (() => void) | null = null;
            start() {
              Object.assign(window, { heardLang: this.lang });
              setTimeout(() => {
                this.onresult?.({ results: [[{ transcript: "cach kich hoat vneid" }]] });
                this.onend?.();
              }, 50);
            }
            stop() {}
          },
        });
      },
    });
    await page.getByRole("button", { name: "Nói thay vì gõ" }).click();
    await expect.poll(() => page.getByLabel("Tin nhắn của bạn").inputValue()).toBe("cach kich hoat vneid");
    expect(await page.evaluate(() => (window as unknown as { heardLang: string }).heardLang)).toBe("vi-VN");
    await page.getByRole("button", { name: "Gửi" }).click();
    await expect.poll(() => lastBot(page).textContent(), { timeout: 10_000 }).toContain("Xem bài:");

    const { page: other } = await openChat(browser, {
      before: () => {
        Object.defineProperty(window, "SpeechRecognition", { configurable: true, value: undefined });
        Object.defineProperty(window, "webkitSpeechRecognition", { configurable: true, value: undefined });
      },
    });
    expect(await other.locator("#mic").isHidden()).toBe(true);
  });

  it("keeps high contrast after a reload, with no accessibility violation", async ({ skip }) => {
    if (!browser) return skip();
    const { page } = await openChat(browser);
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
    if (!browser) return skip();
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

    const reduced = await openChat(browser, { reducedMotion: "reduce", before: recordScrolls });
    await ask(reduced.page, "cach kich hoat vneid");
    expect(await behaviours(reduced.page)).not.toContain("smooth");

    const moving = await openChat(browser, { before: recordScrolls });
    await ask(moving.page, "cach kich hoat vneid");
    expect(await behaviours(moving.page)).toContain("smooth");
  });

  it("opens a long lesson at its start, not its end", async ({ skip }) => {
    if (!browser) return skip();
    const { page } = await openChat(browser);
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
    if (!browser) return skip();
    const { page } = await openChat(browser);
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

  it("can be used with the keyboard alone: onboarding, a question, the menu and Escape", async ({ skip }) => {
    if (!browser) return skip();
    const { page, problems } = await openChat(browser, { onboarded: false });
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
