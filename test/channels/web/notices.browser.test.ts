/**
 * Notices on the web chat at 360 × 740: the one-tap opt-in in the menu, and the service worker showing a
 * notice it is pushed. Headless Chromium has no push service to subscribe with (PushManager.subscribe needs
 * Google's, which no test may reach), so the push message is delivered to the service worker through the
 * DevTools protocol (ServiceWorker.deliverPushMessage) with the payload the server's sender encrypts, and the
 * notification is read back with registration.getNotifications(); the open chat shows the notice with its
 * buttons. (A non-incognito profile's subscribe()
 * waits on Google's push service and never settles offline; playwright's contexts are incognito, where
 * Chromium refuses at once.) The opt-in's own round trip is tested with the browser's subscribe() standing in
 * for a push service, returning a subscription as Chrome would.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushPayload } from "../../../src/channels/web/push-sender.ts";
import { PushSubscriptions } from "../../../src/learning/push-subscriptions.ts";
import { axeViolations, launchChromium } from "../../helpers/browser.ts";
import { lastBot, onboardSession, phone, startWebChat, type WebChat } from "./web-server.ts";

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

describe("notices on the web chat (360 × 740)", () => {
  it("offers notices in the menu; a push to the service worker shows the ward's notice, in Vietnamese", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const sessionId = "notices-browser-session";
    await onboardSession(chat.base, sessionId);
    const { context, page, problems, elsewhere } = await phone(browser, chat.base, { sessionId });
    contexts.push(context);
    await context.grantPermissions(["notifications"], { origin: chat.base });
    const cdp = await context.newCDPSession(page);
    const registrations = new Map<string, string>();
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: list }) => {
      for (const r of list) if (!r.isDeleted) registrations.set(r.scopeURL, r.registrationId);
    });
    const activated = new Set<string>();
    cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      for (const v of versions) if (v.status === "activated") activated.add(v.registrationId);
    });
    await cdp.send("ServiceWorker.enable");

    await page.goto(chat.base);
    await expect.poll(() => lastBot(page).textContent()).toContain("Chào mừng bạn quay lại");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // The one tap: in the menu, a toggle that is off until the learner turns it on.
    await page.getByRole("button", { name: "☰ Menu" }).click();
    const toggle = page.getByRole("button", { name: "🔔 Nhận thông báo trên điện thoại này" });
    await expect.poll(() => toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await axeViolations(page)).toEqual([]);
    await toggle.click();
    const status = page.locator("#status");
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/thông báo/);
    const said = (await status.textContent()) ?? "";
    const subscribed = await new PushSubscriptions(chat.store).get(sessionId);
    if (said.startsWith("Đã bật")) {
      // A browser with a push service: the subscription reached the server.
      expect(subscribed?.endpoint).toMatch(/^https:\/\//);
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    } else {
      // Headless Chromium without a push service: the learner is told, and nothing half-made is kept.
      expect(said).toBe("Chưa bật được thông báo trên máy này. Bạn thử lại sau nhé.");
      expect(subscribed).toBeNull();
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    }

    // The service worker shows what the server pushes.
    const registrationId = registrations.get(`${chat.base}/`);
    expect(registrationId).toBeDefined();
    // A push sent to a worker that is still installing is dropped: wait until its version is activated.
    await expect.poll(() => activated.has(registrationId as string), { timeout: 30_000 }).toBe(true);
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: chat.base,
      registrationId: registrationId as string,
      data: pushPayload([
        {
          text: "📢 Họp tổ 5 lúc *19:30* tối nay tại nhà văn hóa.",
          options: [
            { label: "Tham gia", action: "v1:rsvp:abc234.y" },
            { label: "Không tham gia", action: "v1:rsvp:abc234.n" },
          ],
        },
      ]),
    });
    const shown = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          lang: n.lang,
          icon: n.icon,
        })),
      );
    await expect.poll(shown, { timeout: 30_000 }).toHaveLength(1);
    expect((await shown())[0]).toEqual({
      title: "Trợ lý Bình dân học vụ số",
      body: "📢 Họp tổ 5 lúc 19:30 tối nay tại nhà văn hóa.",
      lang: "vi",
      icon: `${chat.base}/icon-192.png`,
    });
    // The open chat shows the notice too, with its buttons, once.
    await expect.poll(() => lastBot(page).textContent()).toContain("Họp tổ 5 lúc 19:30 tối nay");
    expect(await lastBot(page).getByRole("button", { name: "Tham gia", exact: true }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => lastBot(page).textContent()).toContain("Chào mừng bạn quay lại");
    expect(await page.locator(".msg.bot", { hasText: "Họp tổ 5 lúc 19:30" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const incognito = /does not support the Push API in incognito mode/;
    expect(problems.filter((p) => !incognito.test(p))).toEqual([]);
    expect(elsewhere).toEqual([]);

    // Tapping the notification: with the chat open, the worker brings that window forward rather than
    // opening a second chat; with none open, it opens the chat. Only a real tap may do either, so outside
    // one the browser refuses, and its refusal names which of the two the worker asked for.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    const tapOutcome = () =>
      worker.evaluate(() =>
        (self as unknown as { openChat: () => Promise<unknown> }).openChat().then(
          () => "done",
          (error: Error) => error.message,
        ),
      );
    expect(await tapOutcome()).toMatch(/focus a window/);
    await page.goto("about:blank");
    expect(await tapOutcome()).toMatch(/open a window/);
  }, 60_000);

  it("one tap subscribes and hands the subscription to the server, a second tap turns notices off; never before consent", async ({
    skip,
  }) => {
    if (!browser) return skip();
    const { context, page, problems, elsewhere } = await phone(browser, chat.base, {
      sessionId: "notices-optin-session",
    });
    contexts.push(context);
    await context.grantPermissions(["notifications"], { origin: chat.base });
    // The browser's push service, standing in: subscribe() answers as Chrome does, with an FCM endpoint.
    await context.addInitScript(() => {
      const fake = {
        endpoint: "https://fcm.googleapis.com/fcm/send/stand-in-token",
        expirationTime: null,
        keys: { p256dh: `B${"A".repeat(86)}`, auth: "AAAAAAAAAAAAAAAAAAAAAA" },
      };
      let current: object | null = null;
      const subscription = {
        ...fake,
        toJSON: () => fake,
        unsubscribe: async () => {
          current = null;
          return true;
        },
      };
      PushManager.prototype.subscribe = async () => {
        current = subscription;
        return subscription as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async () => current as PushSubscription | null;
    });
    const subscriptions = new PushSubscriptions(chat.store);
    const status = page.locator("#status");
    const toggle = page.getByRole("button", { name: "🔔 Nhận thông báo trên điện thoại này" });
    const tap = async () => {
      if (!(await toggle.isVisible())) await page.getByRole("button", { name: "☰ Menu" }).click();
      await status.evaluate((el) => {
        el.textContent = "";
      });
      await toggle.click();
      await expect.poll(() => status.textContent()).toMatch(/thông báo/);
      return status.textContent();
    };

    // Before agreeing to anything, nothing is kept.
    await page.goto(chat.base);
    await expect.poll(() => lastBot(page).textContent()).toContain("Bạn có đồng ý không?");
    expect(await tap()).toContain("Bạn cần đồng ý");
    expect(await subscriptions.get("notices-optin-session")).toBeNull();

    await onboardSession(chat.base, "notices-optin-session");
    expect(await tap()).toContain("Đã bật thông báo");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await subscriptions.get("notices-optin-session")).toEqual({
      endpoint: "https://fcm.googleapis.com/fcm/send/stand-in-token",
      keys: { p256dh: `B${"A".repeat(86)}`, auth: "AAAAAAAAAAAAAAAAAAAAAA" },
    });
    // A reload remembers it is on.
    await page.reload();
    await page.getByRole("button", { name: "☰ Menu" }).click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");

    expect(await tap()).toContain("Đã tắt thông báo");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await subscriptions.get("notices-optin-session")).toBeNull();
    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  }, 60_000);
});
