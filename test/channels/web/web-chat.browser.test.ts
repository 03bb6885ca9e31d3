import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../helpers/browser.ts";
import { ROOT, type Running, startAssistant, waitHealthy } from "../../helpers/process.ts";

let browser: Browser | null = null;
let running: Running;

beforeAll(async () => {
  running = await startAssistant({ DATA_DIR: await mkdtemp(join(tmpdir(), "hvs-web-")) });
  await waitHealthy(running);
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  running.child.kill("SIGTERM");
  await running.exited;
});

describe("web chat in a phone-sized browser", () => {
  it("completes onboarding by clicking, asks a question and shows a cited reply", async ({ skip }) => {
    if (!browser) return skip();
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(running.url);

    await page.getByRole("button", { name: "Đồng ý", exact: true }).click();
    await page.getByRole("button", { name: "Người dân" }).click();
    await page.getByLabel("Tin nhắn của bạn").fill("5");
    await page.getByRole("button", { name: "Gửi" }).click();
    await page.getByRole("button", { name: "Không, bình thường" }).click();
    await expect.poll(() => page.locator(".msg.bot").last().textContent()).toContain("Tổ 5");

    await page.getByLabel("Tin nhắn của bạn").fill("cach kich hoat tai khoan vneid");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator(".msg.bot").last().textContent(), { timeout: 10_000 })
      .toContain("Xem bài:");

    // The answer offers the lesson's questions; one is answered with a button carrying its own wording.
    await page.getByRole("button", { name: "Làm 3 câu hỏi về bài này" }).last().click();
    await page.locator(".msg.bot").last().getByRole("button", { name: /^A\. / }).click();
    await expect
      .poll(() => page.locator(".msg.bot").allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/Đúng rồi|Chưa đúng/)]));

    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    expect(requests.every((url) => url.startsWith(running.url))).toBe(true);

    await mkdir(join(ROOT, "test-artifacts"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "test-artifacts", "web-chat-360.png"), fullPage: true });
    await page.close();
  });

  it("disables the buttons of an answered question so they cannot be reused", async ({ skip }) => {
    if (!browser) return skip();
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(running.url);
    await page.getByRole("button", { name: "Đồng ý", exact: true }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "Đồng ý", exact: true }).isDisabled())
      .toBe(true);
    await page.close();
  });
});
