import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { vapidKeys } from "../../../src/channels/web/vapid.ts";
import { createHttpServer } from "../../../src/http/server.ts";
import { createPushOptIn } from "../../../src/learning/push-opt-in.ts";
import type { EmbeddedStore } from "../../../src/storage/embedded/embedded-store.ts";
import { httpDeps, tempStoreUnscoped, testAssistantWith } from "../../helpers/core.ts";
import { freePort, ROOT } from "../../helpers/process.ts";
import { ONBOARDING_INPUTS } from "./onboarding-inputs.ts";

export const ARTIFACTS = join(ROOT, "test-artifacts");

/** The HTTP server in this process, on a free loopback port, with its public URL pointing at itself. */
export interface WebChat {
  base: string;
  app: FastifyInstance;
  store: EmbeddedStore;
  close(): Promise<void>;
}

export async function startWebChat(options: { apiPerMinute?: number } = {}): Promise<WebChat> {
  const store = await tempStoreUnscoped();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const deps = await httpDeps(store);
  const assistant = await testAssistantWith(store, { publicUrl: base, certificates: deps.certificates });
  const app = createHttpServer({
    ...deps,
    publicUrl: base,
    assistant,
    health: async () => ({ status: "ok" }),
    push: { optIn: createPushOptIn(store), publicKey: async () => (await vapidKeys(store)()).publicKey },
    ...options,
  });
  await app.listen({ port, host: "127.0.0.1" });
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    base,
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** A chat turn straight to the API (to set a session up faster than by clicking). */
export async function post(base: string, body: object): Promise<void> {
  const response = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** Takes a web session through onboarding (consent, Người dân, no tổ, normal mode) through the API. */
export async function onboardSession(base: string, sessionId: string): Promise<void> {
  for (const input of ONBOARDING_INPUTS) await post(base, { sessionId, ...input });
}

/** A 360 × 740 phone in its own context, recording script errors, CSP violations and requests elsewhere. */
export async function phone(
  browser: Browser,
  base: string,
  options: { sessionId?: string; reducedMotion?: "reduce" | "no-preference" } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[]; elsewhere: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: "vi-VN",
    reducedMotion: options.reducedMotion ?? "no-preference",
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const elsewhere: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !/Failed to load resource/.test(m.text())) problems.push(m.text());
  });
  context.on("request", (r) => {
    if (!r.url().startsWith(base)) elsewhere.push(r.url());
  });
  await context.addInitScript((id) => {
    if (id) localStorage.setItem("hvs-session", id);
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective}`),
    );
  }, options.sessionId ?? "");
  return { context, page, problems, elsewhere };
}

/** The text of the newest reply of the assistant. */
export const lastBot = (page: Page) => page.locator(".msg.bot").last();

/**
 * Each option button of the newest reply is on screen and not covered (by the composer, the header or
 * anything else): the element at its centre is the button itself.
 */
export async function optionsCovered(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const replies = document.querySelectorAll(".msg.bot");
    const newest = replies[replies.length - 1];
    const covered: string[] = [];
    for (const button of newest?.querySelectorAll<HTMLElement>(".options button, .link-button") ?? []) {
      const box = button.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const top = document.elementFromPoint(x, box.top + 4);
      const bottom = document.elementFromPoint(x, box.bottom - 4);
      if (!button.contains(top) || !button.contains(bottom)) covered.push(button.textContent ?? "");
    }
    return covered;
  });
}
