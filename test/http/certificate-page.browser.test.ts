import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCertificatePage } from "../../src/http/routes/certificate-page.ts";
import { type Certificate, Certificates, shortKey } from "../../src/learning/certificates.ts";
import type { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { axeViolations, launchChromium } from "../helpers/browser.ts";
import { tempStoreUnscoped, testCurriculum } from "../helpers/core.ts";
import { ROOT } from "../helpers/process.ts";

const ARTIFACTS = join(ROOT, "test-artifacts");
const PUBLIC_URL = "https://hocvuso.example.vn";

let browser: Browser | null = null;
let app: FastifyInstance;
let store: EmbeddedStore;
let base: string;
let valid: Certificate;
let revoked: Certificate;

beforeAll(async () => {
  store = await tempStoreUnscoped();
  const curriculum = await testCurriculum();
  const certificates = new Certificates(store, "browser-secret");
  const details = {
    group: "nguoi-dan" as const,
    to: "Tổ 5",
    modules: curriculum.paths.groups["nguoi-dan"].required,
  };
  const now = new Date("2026-03-14T03:00:00Z");
  valid = (await certificates.issue("web:lan", { name: "Nguyễn Thị Phương Lan", ...details }, now))
    .certificate;
  revoked = (await certificates.issue("web:binh", { name: "Trần Văn Bình", ...details }, now)).certificate;
  await certificates.revoke(revoked.id, "Cấp nhầm người", now);

  app = Fastify();
  registerCertificatePage(app, {
    certificates,
    curriculum,
    wardName: "phường Thử Nghiệm",
    publicUrl: PUBLIC_URL,
  });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
});

/** A 360 px phone page that records CSP violations and console errors, with window.print stubbed. */
async function phonePage(): Promise<{ page: Page; problems: string[] }> {
  if (!browser) throw new Error("no browser");
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective}`),
    );
  });
  return { page, problems };
}

describe("certificate page in a phone-sized browser", () => {
  it("shows a valid certificate readably at 360 px with no accessibility violation, prints with the button, and hides it on paper", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page, problems } = await phonePage();
    const response = await page.goto(`${base}/chung-nhan/${valid.id}?k=${shortKey(valid)}`);
    expect(response?.status()).toBe(200);

    expect(await page.getByText("✓ Hợp lệ").isVisible()).toBe(true);
    expect(await page.getByText("Nguyễn Thị Phương Lan").isVisible()).toBe(true);
    expect(await page.locator(".qr svg").isVisible()).toBe(true);
    const qrBox = await page.locator(".qr svg").boundingBox();
    expect(qrBox?.width).toBeGreaterThanOrEqual(120); // big enough to scan from a phone screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const fontSize = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);

    // The print button is revealed by the hash-allowed script and calls window.print().
    const button = page.getByRole("button", { name: "In chứng nhận" });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, "certificate-360.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ media: "print" });
    expect(await button.isVisible()).toBe(false);
    expect(await page.getByText("Dùng chức năng In của trình duyệt").isVisible()).toBe(false);
    expect(await page.getByText("✓ Hợp lệ").isVisible()).toBe(true);
    expect(await page.locator(".qr svg").isVisible()).toBe(true);
    expect(await page.getByText("binhdanhocvuso.gov.vn").isVisible()).toBe(true);

    expect(problems).toEqual([]);
    await page.close();
  });

  it("fits on one printed page, A4 and A5", async ({ skip }) => {
    if (!browser) return skip();
    const { page, problems } = await phonePage();
    await page.goto(`${base}/chung-nhan/${valid.id}?k=${shortKey(valid)}`);
    for (const format of ["A4", "A5"] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length;
      expect(pages, format).toBe(1);
      if (format === "A4") await writeFile(join(ARTIFACTS, "certificate-a4.pdf"), pdf);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("follows the QR link to the same record, and shows revoked and unknown certificates plainly and accessibly", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { page, problems } = await phonePage();
    await page.goto(`${base}/chung-nhan/${valid.id}?k=${shortKey(valid)}`);
    const link = (await page.locator(".url").textContent()) ?? "";
    expect(link).toBe(`${PUBLIC_URL}/chung-nhan/${valid.id}?k=${shortKey(valid)}`);
    expect((await page.goto(link.replace(PUBLIC_URL, base)))?.status()).toBe(200);
    expect(await page.getByText("✓ Hợp lệ").isVisible()).toBe(true);

    expect((await page.goto(`${base}/chung-nhan/${revoked.id}?k=${shortKey(revoked)}`))?.status()).toBe(200);
    expect(await page.getByText("✗ Đã thu hồi").isVisible()).toBe(true);
    expect(await page.getByText("Cấp nhầm người").isVisible()).toBe(true);
    expect(await page.getByText("Hợp lệ").count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "certificate-revoked-360.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    expect((await page.goto(`${base}/chung-nhan/${valid.id}?k=0000000000000000`))?.status()).toBe(404);
    expect(await page.getByRole("status").textContent()).toBe("Không tìm thấy chứng nhận hợp lệ");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    expect(problems.filter((p) => !/404/.test(p))).toEqual([]); // the 404 itself is logged by Chromium
    await page.close();
  });
});
