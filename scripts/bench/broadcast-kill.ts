/**
 * A broadcast to N recipients through real sending processes (scripts/bench/broadcast-child.ts): injected
 * 429s, and the first process killed (SIGKILL) part-way; a second process takes the lease over and finishes.
 * Efficiency = recipients delivered / sending time (the lease takeover excluded, reported apart) / configured
 * rate. Duplicates: recipients the channel got twice. Lost: neither delivered nor reported "ambiguous" (a send
 * in flight at the kill, which the outbox reports and never resends).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { Outbox } from "../../src/organizer/outbox.ts";
import type { Store } from "../../src/storage/store.ts";
import { progress, ROOT, round, tempDir } from "./lib.ts";

export interface KillBroadcastOptions {
  recipients: number;
  ratePerSecond: number;
  rateLimitEvery: number;
  retryAfterMs: number;
  chatSpacingMs: number;
  /** Share of recipients delivered when the first process is killed. */
  killAt: number;
  /** Where the children find the store: Redis (url, prefix) or an embedded store directory. */
  target: { redisUrl: string; prefix: string } | { dataDir: string };
}

const ID_BASE = 8_000_000_000; // ten digits: every line of the delivery file is 11 bytes
const BROADCAST_ID = "bench-kill";

function spawnSender(
  options: KillBroadcastOptions,
  outFile: string,
): { child: ChildProcess; line: (prefix: string) => Promise<string> } {
  const t = options.target;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "scripts", "bench", "broadcast-child.ts")],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        BROADCAST_ID,
        OUT_FILE: outFile,
        RATE: String(options.ratePerSecond),
        RATE_LIMIT_EVERY: String(options.rateLimitEvery),
        RETRY_AFTER_MS: String(options.retryAfterMs),
        CHAT_SPACING_MS: String(options.chatSpacingMs),
        ...("redisUrl" in t ? { REDIS_URL: t.redisUrl, REDIS_PREFIX: t.prefix } : { DATA_DIR: t.dataDir }),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  const line = async (prefix: string) => {
    for (;;) {
      const found = out.split("\n").find((l) => l.startsWith(prefix));
      if (found) return found;
      if (child.exitCode !== null || child.signalCode) throw new Error(`sender exited before "${prefix}"`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { child, line };
}

const delivered = async (file: string) => Math.floor(((await stat(file).catch(() => null))?.size ?? 0) / 11);

/** Queues the broadcast on `store` (closed by the caller before the children open an embedded one). */
export async function queueKillBroadcast(store: Store, recipients: number): Promise<void> {
  const pages = function* () {
    for (let i = 0; i < recipients; i += 1000)
      yield Array.from({ length: Math.min(1000, recipients - i) }, (_, j) => `telegram:${ID_BASE + i + j}`);
  };
  await new Outbox(store).createFrom(
    {
      kind: "notice",
      text: "Thông báo: lớp học kỹ năng số tối thứ Bảy tại nhà văn hóa tổ dân phố.",
      audienceLabel: "bench",
      createdBy: "system",
      sendAt: new Date(Date.now() - 1000),
      urgent: true, // the bench must not depend on the clock (quiet hours 21:00–07:00)
    },
    pages(),
    new Date(),
    { id: BROADCAST_ID },
  );
}

export async function benchKillBroadcast(options: KillBroadcastOptions) {
  const dir = await tempDir("kill");
  const outFile = join(dir.dir, "delivered.txt");
  try {
    const first = spawnSender(options, outFile);
    await first.line("ready");
    const started = performance.now();
    const killAt = Math.floor(options.recipients * options.killAt);
    while ((await delivered(outFile)) < killAt) {
      if (first.child.exitCode !== null) throw new Error("first sender ended before the kill");
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill("SIGKILL");
    const killedAt = performance.now();
    await new Promise((r) => first.child.once("exit", r));
    const atKill = await delivered(outFile);
    progress(`  broadcast: killed the first sender after ${atKill} deliveries`);
    const second = spawnSender(options, outFile);
    let resumedAt = 0;
    const watch = setInterval(async () => {
      if (!resumedAt && (await delivered(outFile)) > atKill) resumedAt = performance.now();
    }, 10);
    const done = JSON.parse((await second.line("done ")).slice(5)) as { ambiguous?: number };
    const finishedAt = performance.now();
    clearInterval(watch);
    await new Promise((r) => (second.child.exitCode === null ? second.child.once("exit", r) : r(null)));
    const counts = new Map<string, number>();
    for (const id of (await readFile(outFile, "utf8")).split("\n"))
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    const ambiguous = done.ambiguous ?? 0;
    const sendingMs = killedAt - started + (finishedAt - (resumedAt || finishedAt));
    return {
      broadcast_efficiency: round(counts.size / (sendingMs / 1000) / options.ratePerSecond, 3),
      broadcast_duplicates: [...counts.values()].filter((n) => n > 1).length,
      broadcast_lost: Math.max(0, options.recipients - counts.size - ambiguous),
      broadcast_ambiguous: ambiguous,
      broadcast_achieved_per_s: round(counts.size / (sendingMs / 1000), 1),
      broadcast_takeover_ms: Math.round((resumedAt || finishedAt) - killedAt),
      broadcast_ms: Math.round(finishedAt - started),
      broadcast_killed_after: atKill,
    };
  } finally {
    await dir.remove();
  }
}
