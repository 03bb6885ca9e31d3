/**
 * Attacks from the security review, replayed against the real server in process (Fastify inject) or the
 * real assistant: each must now fail safely. Numbers are those of the review (issue #18).
 */
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LearnerStore, UNCONSENTED_TTL_MS } from "../../src/learning/learner-store.ts";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { onboard, testAssistant } from "../helpers/core.ts";

describe("attacks on the running server", () => {
  it("8. after /xoadulieu, the embedded store's files no longer hold what was erased", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvs-erase-"));
    const store = await EmbeddedStore.open(dir);
    try {
      const assistant = await testAssistant(store);
      // The tổ survives in the anonymous report counts by design; the person does not.
      await onboard(assistant, "erase-disk", "nguoi-dan");
      const onDisk = async () =>
        (
          await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), "utf8").catch(() => "")))
        ).join("");
      expect(await onDisk()).toContain("web:erase-disk");
      await assistant.handle({ channel: "web", userId: "erase-disk", text: "/xoadulieu" });
      await assistant.handle({ channel: "web", userId: "erase-disk", action: "v1:erase:yes" });
      expect(await onDisk()).not.toContain("web:erase-disk");
    } finally {
      await store.close();
    }
  });

  it("9. a session that never consents leaves nothing behind after a day", async () => {
    let now = Date.parse("2026-12-02T08:00:00Z");
    const store = await EmbeddedStore.open(await mkdtemp(join(tmpdir(), "hvs-sessions-")), () => now);
    try {
      const assistant = await testAssistant(store, undefined, () => new Date(now));
      for (let i = 0; i < 20; i++)
        await assistant.handle({ channel: "web", userId: `drive-by-${i}`, text: "xin chào" });
      await assistant.handle({ channel: "web", userId: "drive-by-0", action: "v1:consent:no" });
      await onboard(assistant, "stays");
      now += UNCONSENTED_TTL_MS + 1000;
      const left = (await store.keys("")).filter((k) => k.includes("drive-by"));
      expect(left).toEqual([]);
      expect(await new LearnerStore(store).get("web:stays")).not.toBeNull();
    } finally {
      await store.close();
    }
  });
});
