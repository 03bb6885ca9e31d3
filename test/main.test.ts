import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chat, startAssistant, waitHealthy } from "./helpers/process.ts";
import { REDIS_URL, REQUIRE_REDIS } from "./helpers/redis.ts";

const dataDir = () => mkdtemp(join(tmpdir(), "hvs-main-"));

describe("the assistant process", () => {
  it("starts with no configuration, serves /healthz and the chat, and stops cleanly on SIGTERM", async () => {
    const running = await startAssistant({ DATA_DIR: await dataDir() });
    const ms = await waitHealthy(running);
    console.info(`  cold start to healthy /healthz: ${ms} ms`);
    const health = await (await fetch(`${running.url}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", store: "embedded" });
    const page = await fetch(`${running.url}/`);
    expect(page.status).toBe(200);
    running.child.kill("SIGTERM");
    expect(await running.exited).toEqual({ code: 0, signal: null });
  });

  it("refuses a bad setting with one readable line and no stack trace", async () => {
    const running = await startAssistant({ PORT: "abc" });
    expect((await running.exited).code).toBe(1);
    const output = running.output().trim();
    expect(output).toBe(
      'hocvuso: Invalid configuration: PORT="abc": expected a whole number from 1 to 65535',
    );
  });

  it("keeps an acknowledged answer after kill -9", async () => {
    const DATA_DIR = await dataDir();
    const first = await startAssistant({ DATA_DIR });
    await waitHealthy(first);
    await chat(first.url, { sessionId: "durable-1", text: "xin chào" });
    await chat(first.url, { sessionId: "durable-1", action: "v1:consent:yes" });
    await chat(first.url, { sessionId: "durable-1", action: "v1:group:hoc-sinh" });
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await startAssistant({ DATA_DIR });
    await waitHealthy(second);
    await chat(second.url, { sessionId: "durable-1", text: "12" });
    const after = await chat(second.url, { sessionId: "durable-1", action: "v1:mode:normal" });
    expect(after.replies[0]?.text).toContain("Học sinh, Tổ 12");
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
  });

  it("stops on a corrupt data file, names it, and keeps it aside", async () => {
    const DATA_DIR = await dataDir();
    await mkdir(join(DATA_DIR, "store"), { recursive: true });
    await writeFile(join(DATA_DIR, "store", "store.snapshot.json"), "\u0000garbage");
    const running = await startAssistant({ DATA_DIR });
    expect((await running.exited).code).toBe(1);
    expect(running.output()).toContain(join(DATA_DIR, "store", "store.snapshot.json"));
    expect(running.output()).not.toContain("    at ");
    const files = await readdir(join(DATA_DIR, "store"));
    expect(files.some((f) => f.startsWith("store.snapshot.json.corrupt-"))).toBe(true);
  });

  it("runs on Redis when REDIS_URL is set", async ({ skip }) => {
    const running = await startAssistant({
      DATA_DIR: await dataDir(),
      REDIS_URL,
      REDIS_PREFIX: `test-main-${Date.now()}:`,
    });
    try {
      await waitHealthy(running);
    } catch (error) {
      running.child.kill("SIGKILL");
      if (!REQUIRE_REDIS) skip();
      throw error;
    }
    const health = await (await fetch(`${running.url}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", store: "redis" });
    const replies = await chat(running.url, { sessionId: "redis-session-1", text: "xin chào" });
    expect(replies.replies.at(-1)?.options?.[0]?.action).toBe("v1:consent:yes");
    running.child.kill("SIGTERM");
    expect((await running.exited).code).toBe(0);
  });
});
