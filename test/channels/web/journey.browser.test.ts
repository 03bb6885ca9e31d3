import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Curriculum } from "../../../src/knowledge/types.ts";
import { Identities } from "../../../src/learning/identity.ts";
import { ProgressStore } from "../../../src/learning/progress-store.ts";
import { axeViolations, launchChromium } from "../../helpers/browser.ts";
import { testCurriculum } from "../../helpers/core.ts";
import { ARTIFACTS, lastBot, optionsCovered, phone, startWebChat, type WebChat } from "./web-server.ts";

const QUIZ_MODULE = "vneid";

let browser: Browser | null = null;
let chat: WebChat;
let curriculum: Curriculum;

beforeAll(async () => {
  chat = await startWebChat();
  curriculum = await testCurriculum();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await chat?.close();
});

/** Every required module of Người dân but one passed, and a Telegram account linked (a person the ward knows). */
async function almostCertified(sessionId: string): Promise<void> {
  const identities = new Identities(chat.store);
  const person = await identities.personOf("web", sessionId);
  const progress = new ProgressStore(chat.store);
  for (const module of curriculum.paths.groups["nguoi-dan"].required)
    if (module !== QUIZ_MODULE) await progress.recordQuiz(person, module, 1, true, new Date());
  await identities.redeemLinkCode("telegram", "5550123", await identities.createLinkCode(person));
}

/** The right answer's button of the question now shown, found from the question bank like a learner would. */
async function rightAnswer(page: Page): Promise<string> {
  const text = (await lastBot(page).locator(".text").textContent()) ?? "";
  const question = curriculum.quizzes.get(QUIZ_MODULE)?.find((q) => text.includes(q.question));
  const right = question?.options.find((o) => o.correct)?.text;
  if (!right) throw new Error(`question not in the bank: ${text}`);
  return right;
}

const menu = async (page: Page, item: string) => {
  await page.getByRole("button", { name: "☰ Menu" }).click();
  await page.getByRole("navigation").getByRole("button", { name: item, exact: true }).click();
};

describe("a resident's whole journey on a 360 × 740 phone", () => {
  it("onboards, asks, takes a quiz to the end with every option in view, sees progress and opens the certificate", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { context, page, problems, elsewhere } = await phone(browser, chat.base);
    const loaded: { url: string; bytes: number }[] = [];
    page.on("response", async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      loaded.push({ url: response.url(), bytes: body.length });
    });
    await page.goto(chat.base);
    await page.getByRole("button", { name: "Đồng ý", exact: true }).click();

    // The whole first visit, page and all its files, weighs under 100 KB.
    const pageBytes = loaded.filter((r) => !r.url.includes("/api/")).reduce((sum, r) => sum + r.bytes, 0);
    expect(pageBytes).toBeGreaterThan(10_000);
    expect(pageBytes).toBeLessThan(100_000);
    console.info(`web chat page weight: ${(pageBytes / 1024).toFixed(1)} KB`);

    await page.getByRole("button", { name: "Người dân" }).click();
    await page.getByLabel("Tin nhắn của bạn").fill("5");
    await page.getByRole("button", { name: "Gửi" }).click();
    await page.getByRole("button", { name: "Không, bình thường" }).click();
    await expect.poll(() => lastBot(page).textContent()).toContain("Tổ 5");
    // Everything offered after onboarding is in view above the composer, the placement quiz included.
    await expect.poll(() => optionsCovered(page)).toEqual([]);
    expect(await lastBot(page).getByRole("button").allTextContents()).toContain("Kiểm tra nhanh trình độ");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-onboarded-360.png") });

    await page.getByLabel("Tin nhắn của bạn").fill("cach kich hoat tai khoan vneid");
    await page.keyboard.press("Enter");
    await expect.poll(() => lastBot(page).textContent(), { timeout: 10_000 }).toContain("Xem bài:");

    const sessionId = await page.evaluate(() => localStorage.getItem("hvs-session"));
    await almostCertified(sessionId ?? "");

    await menu(page, "Kiểm tra");
    const title = curriculum.modules.find((m) => m.slug === QUIZ_MODULE)?.title ?? "";
    await lastBot(page).getByRole("button", { name: title }).click();
    for (let n = 1; n <= 10; n++) {
      await expect.poll(() => lastBot(page).textContent()).toContain(`Câu ${n}/10`);
      await expect.poll(() => optionsCovered(page)).toEqual([]);
      const buttons = lastBot(page).locator(".options button");
      const labels = await buttons.allTextContents();
      expect(labels.length).toBeGreaterThanOrEqual(2);
      for (const [i, label] of labels.entries()) expect(label).toMatch(new RegExp(`^${"ABCD"[i]}\\. .{3,}`));
      if (n === 5) {
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: join(ARTIFACTS, "web-quiz-360.png") });
      }
      const right = await rightAnswer(page);
      await buttons.filter({ hasText: new RegExp(`^[A-D]\\. ${escapeRegExp(right)}$`) }).click();
    }
    await expect
      .poll(() => page.locator(".msg.bot").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining("Xong! Bạn trả lời đúng 10/10 câu.")]));
    await expect.poll(() => lastBot(page).textContent()).toContain("in tên nào trên chứng nhận");
    await page.getByLabel("Tin nhắn của bạn").fill("Nguyễn Thị Lan");
    await page.keyboard.press("Enter");
    const certificateButton = lastBot(page).getByRole("link", { name: /Xem, in chứng nhận/ });
    await expect.poll(() => certificateButton.isVisible()).toBe(true);
    await expect.poll(() => optionsCovered(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-certificate-reply-360.png") });

    await menu(page, "Tiến độ");
    await expect.poll(() => lastBot(page).textContent()).toContain("Tiến độ của bạn (Người dân): đạt 8/8");

    await page.locator(".msg.bot .link-button").last().click();
    await page.waitForURL(/\/chung-nhan\/HVS-/);
    expect(await page.getByText("✓ Hợp lệ").isVisible()).toBe(true);
    expect(await page.getByText("Nguyễn Thị Lan").isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "web-certificate-page-360.png") });

    // Back to the chat: the conversation is still there.
    await page.goBack();
    await expect
      .poll(() => page.locator(".msg.bot").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining("Xong! Bạn trả lời đúng 10/10 câu.")]));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
