import { mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganizerServices } from "../../src/organizer/organizer.ts";
import type { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { axeViolations, launchChromium } from "../helpers/browser.ts";
import { tempStoreUnscoped } from "../helpers/core.ts";
import { dashboardServer } from "../helpers/dashboard.ts";
import { ROOT } from "../helpers/process.ts";
import { NOW, POPULATION_CSV, seedWard } from "../organizer/reports/seed-ward.ts";

const ARTIFACTS = join(ROOT, "test-artifacts");
const SCREENSHOT = join(ARTIFACTS, "dashboard.png");
const ADMIN = "tg:admin";

let browser: Browser | null = null;
let app: FastifyInstance;
let store: EmbeddedStore;
let org: OrganizerServices;
let base: string;

beforeAll(async () => {
  store = await tempStoreUnscoped();
  await seedWard(store);
  ({ app, org } = await dashboardServer(store, { adminIds: [ADMIN], now: () => NOW }));
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

/** A 360 × 780 phone page that records CSP violations, console errors and script errors. */
async function phonePage(): Promise<{ page: Page; problems: string[] }> {
  if (!browser) throw new Error("no browser");
  const page = await browser.newPage({
    viewport: { width: 360, height: 780 },
    locale: "vi-VN",
    acceptDownloads: true,
  });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective}`),
    );
  });
  return { page, problems };
}

const pageWidth = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));

describe("the organizers' dashboard on a phone", () => {
  it("logs in with a code from the bot, shows charts and numbers at 360 px, and downloads the CSV", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page, problems } = await phonePage();

    await page.goto(`${base}/quan-tri`);
    expect(new URL(page.url()).pathname).toBe("/quan-tri/dang-nhap");
    expect(await page.getByText("để nhận mã đăng nhập").isVisible()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-login.png"), fullPage: true });

    await page.getByLabel("Mã đăng nhập").fill(await org.dashboard.issueCode(ADMIN));
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${base}/quan-tri`);

    await page.getByLabel("Từ ngày").fill("2026-01-01");
    await page.getByLabel("Đến ngày").fill("2026-04-30");
    await page.getByRole("button", { name: "Xem báo cáo" }).click();
    await page.waitForURL(/from=2026-01-01&to=2026-04-30/);
    expect(await page.getByText("từ 01/01/2026 đến 30/04/2026").isVisible()).toBe(true);

    // The per-tổ chart: one bar for Tổ 1 and the ward, a hatched box for the hidden tổ, the 90% line.
    const chart = page.locator("svg[role=img]").first();
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator("title").textContent()).toContain("Tổ 1 15,8%");
    expect(await chart.locator("rect[fill='#2e8b47'], rect[fill='#17552a']").count()).toBe(2);
    expect(await chart.locator("rect[fill^='url(']").count()).toBe(2); // Tổ 2 and Tổ 3 are "< 5"
    expect(await chart.locator("text", { hasText: "Mục tiêu 90%" }).count()).toBe(1);
    const chartBox = await chart.boundingBox();
    expect(chartBox?.width).toBeGreaterThan(280);
    expect(await page.locator("svg[role=img]").count()).toBe(2);

    // The numbers, in the tables (which scroll inside their own box).
    const wardRow = page.locator("#by-to-h + .hint + .scroll tr.total");
    expect(await wardRow.locator("th").textContent()).toBe("Toàn phường");
    expect(await wardRow.locator("td").nth(1).textContent()).toBe("31");
    expect(await wardRow.locator("td").nth(7).textContent()).toBe("8,1");
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);

    // The population file picker, revealed and wired by the hash-allowed script, fills the textarea.
    await page.locator("#csv-file").setInputFiles({
      name: "dan-so.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(POPULATION_CSV),
    });
    await expect.poll(() => page.locator("#csv").inputValue()).toContain("Tổ 3,20,5,2,8");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("bao-cao-2026-01-01-2026-04-30.csv");
    const csv = await readFile((await download.path()) ?? "", "utf8");
    expect(csv).toMatch(/Toàn phường[,;]161[,;]31[,;]/);
    expect(csv).toContain("8.1");

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(30_000);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("has no accessibility violation on the login, dashboard and contacts pages, with targets ≥ 44 px and text ≥ 16 px", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page, problems } = await phonePage();
    await page.goto(`${base}/quan-tri`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);

    await page.getByLabel("Mã đăng nhập").fill(await org.dashboard.issueCode(ADMIN));
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${base}/quan-tri`);
    await page.goto(`${base}/quan-tri?from=2026-01-01&to=2026-04-30`);
    for (const details of await page.locator("details").all()) await details.locator("summary").click();
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);

    await page.goto(`${base}/quan-tri/lien-he`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Thông tin liên hệ tại phường");
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(await smallText(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});

/** Links, buttons, fields and disclosure toggles shorter than 44 px (WCAG 2.5.5), by their text. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("a, button, input, select, textarea, summary")]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden")
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map(
        (el) =>
          `${el.tagName} "${(el.textContent || el.getAttribute("name") || "").trim().slice(0, 40)}" ${Math.round(el.getBoundingClientRect().height)}px`,
      ),
  );
}

/**
 * Visible text rendered smaller than 16 px. A chart's SVG scales as a picture, so its labels count at
 * their drawn size: the font size times the ratio of the SVG's width on screen to its viewBox width.
 */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest("script, style, title")) continue;
      if (parent.getClientRects().length === 0) continue;
      const svg = parent.closest("svg");
      const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
      const size = Number.parseFloat(getComputedStyle(parent).fontSize) * scale;
      if (size < 16)
        small.add(
          `${parent.tagName}.${parent.getAttribute("class") ?? ""} ${Math.round(size * 10) / 10}px "${node.textContent.trim().slice(0, 30)}"`,
        );
    }
    return [...small];
  });
}
