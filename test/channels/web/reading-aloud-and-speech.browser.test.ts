import { describe, expect, it } from "vitest";
import { ask, readingPhones } from "./reading-phones.ts";
import { lastBot } from "./web-server.ts";

const { hasBrowser, openChat } = readingPhones();

describe("reading and hearing the web chat (360 × 740)", () => {
  it("reads a reply aloud with the phone's Vietnamese voice", async ({ skip }) => {
    if (!hasBrowser()) return skip();
    const { page } = await openChat({
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
    if (!hasBrowser()) return skip();
    const { page } = await openChat({
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
    if (!hasBrowser()) return skip();
    const { page } = await openChat({
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

    const { page: other } = await openChat({
      before: () => {
        Object.defineProperty(window, "SpeechRecognition", { configurable: true, value: undefined });
        Object.defineProperty(window, "webkitSpeechRecognition", { configurable: true, value: undefined });
      },
    });
    expect(await other.locator("#mic").isHidden()).toBe(true);
  });
});
