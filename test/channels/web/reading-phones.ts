/** The web chat and Chromium for the reading tests (360 × 740 phones), and what those tests do on the page. */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchChromium } from "../../helpers/browser.ts";
import { lastBot, onboardSession, phone, startWebChat, type WebChat } from "./web-server.ts";

/**
 * One web chat server and one Chromium for a file's tests, closed after the last; `hasBrowser()` is false
 * where Chromium cannot start, and the tests skip.
 */
export function readingPhones() {
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
  /** A phone on the chat page (opened only where `hasBrowser()`); onboarded unless told otherwise; `before` runs in the page before its scripts. */
  async function openChat(
    options: { onboarded?: boolean; reducedMotion?: "reduce"; before?: () => void } = {},
  ): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    if (!browser) throw new Error("no Chromium: the test should have skipped");
    const sessionId = `reading-${++sessions}-session`;
    if (options.onboarded !== false) await onboardSession(chat.base, sessionId);
    const { context, page, problems } = await phone(browser, chat.base, {
      sessionId,
      ...(options.reducedMotion ? { reducedMotion: options.reducedMotion } : {}),
    });
    contexts.push(context);
    if (options.before) await context.addInitScript(options.before);
    await page.goto(chat.base);
    await expect.poll(() => page.locator(".msg.bot").count()).toBeGreaterThan(0);
    return { context, page, problems };
  }

  return { hasBrowser: () => browser !== null, openChat };
}

export const rootFontSize = (page: Page) =>
  page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
export const openMenu = (page: Page) => page.getByRole("button", { name: "☰ Menu" }).click();
export const ask = async (page: Page, text: string) => {
  await page.getByLabel("Tin nhắn của bạn").fill(text);
  await page.keyboard.press("Enter");
  await expect.poll(() => lastBot(page).textContent(), { timeout: 10_000 }).toContain("Xem bài:");
};
