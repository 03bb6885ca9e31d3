import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHARED_NETWORK_BUSY } from "../../../src/catalog/http.ts";
import { axeViolations, launchChromium } from "../../helpers/browser.ts";
import {
  ARTIFACTS,
  lastBot,
  onboardSession,
  optionsCovered,
  phone,
  startWebChat,
  type WebChat,
} from "./web-server.ts";

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
/** A phone whose resident is past onboarding, on the chat page, welcomed back with the menu. */
async function readyPhone(b: Browser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const sessionId = `weak-line-${++sessions}-session`;
  await onboardSession(chat.base, sessionId);
  const { context, page, problems, elsewhere } = await phone(b, chat.base, { sessionId });
  contexts.push(context);
  await page.goto(chat.base);
  await expect.poll(() => lastBot(page).textContent()).toContain("Chào mừng bạn quay lại");
  expect(elsewhere).toEqual([]);
  return { context, page, problems };
}

const box = (page: Page) => page.getByLabel("Tin nhắn của bạn");
const mine = (page: Page) => page.locator(".msg.me");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the web chat on a weak line (360 × 740)", () => {
  it("queues a second message typed while the first waits on a slow API (2 s) and sends both, in order", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page, problems } = await readyPhone(browser);
    const calls: { text: string; start: number; end: number }[] = [];
    await page.route("**/api/chat", async (route) => {
      const call = { text: String(route.request().postDataJSON().text), start: Date.now(), end: 0 };
      calls.push(call);
      await sleep(2_000);
      await route.continue();
      call.end = Date.now();
    });

    await box(page).fill("cach kich hoat vneid");
    await box(page).press("Enter");
    await box(page).fill("mat khau vneid de quen thi lam sao");
    await box(page).press("Enter");
    expect(await box(page).inputValue()).toBe("");
    expect(await mine(page).last().textContent()).toContain("mat khau vneid de quen thi lam sao");
    await expect.poll(() => mine(page).last().locator(".note").textContent()).toBe("Đang chờ gửi…");
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("còn 1 tin chờ gửi");

    await expect.poll(() => mine(page).locator(".note").count(), { timeout: 15_000 }).toBe(0);
    expect(calls.map((c) => c.text)).toEqual(["cach kich hoat vneid", "mat khau vneid de quen thi lam sao"]);
    expect(calls[1]?.start).toBeGreaterThanOrEqual(calls[0]?.end ?? Number.POSITIVE_INFINITY);
    await expect.poll(() => lastBot(page).textContent()).toContain("Xem bài:");
    expect(await page.locator(".msg.bot", { hasText: "Xem bài:" }).count()).toBe(2);
    expect(problems).toEqual([]);
  }, 40_000);

  it("keeps a failed message with 'Gửi lại', gives the buttons back, and sends it (and what followed) on retry", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page } = await readyPhone(browser);
    const menuReply = page.locator(".msg.bot", { hasText: "Chào mừng bạn quay lại" });
    await page.route("**/api/chat", (route) => route.abort("failed"));

    await menuReply.getByRole("button", { name: "Học bài" }).click();
    const failed = page.locator(".msg.me", { hasText: "Học bài" });
    await expect.poll(() => failed.locator(".note").textContent()).toBe("Chưa gửi được.");
    expect(await failed.getByRole("button", { name: "Gửi lại" }).isVisible()).toBe(true);
    // The options are back, so the resident may also choose again.
    await expect.poll(() => menuReply.getByRole("button", { name: "Hỏi một câu" }).isEnabled()).toBe(true);
    expect(await page.getByRole("status").first().textContent()).toContain("Gửi lại");
    expect(await page.locator("body").textContent()).not.toContain("kiểm tra mạng");

    await box(page).fill("cach kich hoat vneid");
    await box(page).press("Enter");
    await expect.poll(() => mine(page).last().locator(".note").textContent()).toBe("Đang chờ gửi…");
    expect(await mine(page).last().locator(".text").textContent()).toBe("cach kich hoat vneid");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-failed-send-360.png") });

    await page.unroute("**/api/chat");
    await failed.getByRole("button", { name: "Gửi lại" }).click();
    await expect.poll(() => mine(page).locator(".note").count(), { timeout: 10_000 }).toBe(0);
    const texts = await page.locator(".msg.bot").allTextContents();
    const modules = texts.findIndex((t) => t.includes("Chọn một chủ đề để học"));
    const answer = texts.findIndex((t) => t.includes("Xem bài:"));
    expect(modules).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(modules);
  }, 30_000);

  it("restores the conversation after a reload mid-quiz and offers to continue the quiz", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page, problems } = await readyPhone(browser);
    await page.getByRole("button", { name: "☰ Menu" }).click();
    await page.getByRole("navigation").getByRole("button", { name: "Kiểm tra" }).click();
    // The quiz menu's reply, not the menu before it (whose buttons are disabled while the turn is pending):
    // on a loaded CI machine the turn can take a while.
    const live = page.locator(".msg.bot").last().locator(".options button:not(:disabled)");
    await expect.poll(() => live.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await live.first().click();
    await expect.poll(() => lastBot(page).textContent(), { timeout: 30_000 }).toContain("Câu 1/10");
    const firstQuestion = await lastBot(page).locator(".text").textContent();
    await lastBot(page).locator(".options button").first().click();
    await expect.poll(() => lastBot(page).textContent()).toContain("Câu 2/10");

    await page.reload();
    const offer = lastBot(page);
    await expect.poll(() => offer.textContent()).toMatch(/Bạn đang làm dở bài .*\(đến câu 2\/10\)/);
    expect(await page.locator(".msg.bot .text", { hasText: firstQuestion ?? "" }).count()).toBe(1);
    expect(await page.locator(".msg.old").count()).toBeGreaterThan(4);
    // Buttons of before the reload are stale; the offer's own are live and in view.
    expect(await page.locator(".msg.old .options button:not(:disabled)").count()).toBe(0);
    await expect.poll(() => optionsCovered(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-reload-quiz-360.png") });

    await offer.getByRole("button", { name: "Làm tiếp" }).click();
    await expect.poll(() => lastBot(page).textContent()).toContain("Câu 2/10");
    await expect.poll(() => optionsCovered(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);

  it("opens offline from the service worker, says so, and sends what was typed once the network is back", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { context, page } = await readyPhone(browser);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    await context.setOffline(true);
    await page.reload();
    const banner = page.getByText("Bạn đang mất mạng, tin nhắn sẽ được gửi khi có mạng", { exact: true });
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Trợ lý Bình dân học vụ số" }).isVisible()).toBe(true);
    expect(await page.locator(".msg.bot", { hasText: "Chào mừng bạn quay lại" }).count()).toBe(1);
    await box(page).fill("cach kich hoat vneid");
    await box(page).press("Enter");
    await expect.poll(() => mine(page).last().locator(".note").textContent()).toBe("Đang chờ gửi…");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-offline-360.png") });

    await context.setOffline(false);
    await expect.poll(() => lastBot(page).textContent(), { timeout: 10_000 }).toContain("Xem bài:");
    expect(await banner.isVisible()).toBe(false);
    expect(await mine(page).locator(".note").count()).toBe(0);
  }, 30_000);

  it("waits out a busy shared network (429) and resends by itself, without blaming the resident's network", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page } = await readyPhone(browser);
    let refused = 0;
    await page.route("**/api/chat", (route) => {
      if (refused++ > 0) return route.continue();
      return route.fulfill({
        status: 429,
        headers: { "retry-after": "2" },
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "rate-limited", message: SHARED_NETWORK_BUSY } }),
      });
    });
    await box(page).fill("cach kich hoat vneid");
    await box(page).press("Enter");
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Nhiều người đang dùng chung mạng này");
    expect(await page.getByRole("status").first().textContent()).toContain("tự gửi lại sau 2 giây");
    expect(await page.locator("body").textContent()).not.toContain("kiểm tra mạng");
    await expect.poll(() => lastBot(page).textContent(), { timeout: 10_000 }).toContain("Xem bài:");
    expect(refused).toBe(2);
  }, 30_000);
});
