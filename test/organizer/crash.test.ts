import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONCURRENCY } from "../../src/organizer/broadcast-worker.ts";
import { Outbox } from "../../src/organizer/outbox.ts";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { ROOT } from "../helpers/process.ts";

const FIXTURE = join(import.meta.dirname, "fixtures", "sender-process.ts");

function runSender(env: Record<string, string>) {
  let output = "";
  // node itself (not the tsx wrapper, whose node child would survive a SIGKILL of the wrapper).
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => {
    output += d;
  });
  child.stderr.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const lines = (file: string) =>
  existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];

describe("a broadcast survives kill -9 of the sending process", () => {
  it("resumes after SIGKILL with no duplicate and nobody lost; the in-flight sends are reported ambiguous", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvs-crash-"));
    const env = { DATA_DIR: join(dir, "store"), OUT_FILE: join(dir, "sent.txt"), COUNT: "600" };
    const first = runSender(env);
    const started = Date.now();
    while (lines(env.OUT_FILE).length < 150) {
      if (Date.now() - started > 15_000) throw new Error(`sender made no progress:\n${first.output()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill("SIGKILL");
    await first.exited;
    const beforeRestart = lines(env.OUT_FILE).length;
    const inspect = await EmbeddedStore.open(env.DATA_DIR);
    const inFlight = Object.values(await new Outbox(inspect).states("crash1")).filter(
      (s) => s === "sending",
    ).length;
    await inspect.close();
    expect(beforeRestart).toBeLessThan(600);

    const second = runSender(env);
    expect(await second.exited).toBe(0);
    const final = JSON.parse(second.output().trim().split("done ")[1] ?? "{}");
    const delivered = lines(env.OUT_FILE);
    const unique = new Set(delivered);
    expect(delivered.length).toBe(unique.size); // nobody got it twice
    expect(final.ambiguous).toBe(inFlight); // exactly the sends in flight at the kill
    expect(final.ambiguous).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);
    expect(final.sent + final.ambiguous).toBe(600); // nobody lost
    expect(unique.size).toBeGreaterThanOrEqual(final.sent);
    expect(unique.size).toBeLessThanOrEqual(final.sent + final.ambiguous);
    console.info(
      `  crash test: ${beforeRestart} sent before SIGKILL, ${inFlight} in flight, ${final.ambiguous} ambiguous (reported, not resent), ${unique.size}/600 delivered once`,
    );
  }, 40_000);
});
