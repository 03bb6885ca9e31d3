/**
 * Residents chatting through POST /api/chat: the assistant runs as real processes (`src/main.ts`) on Redis,
 * one or two behind a round-robin client, and N residents (already onboarded) ask the dev split's questions
 * at once, each waiting a resident's think time between messages. Then the same residents without think
 * time, to find the throughput ceiling.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeLearnersInBulk } from "../../src/learning/bulk-learners.ts";
import type { Store } from "../../src/storage/store.ts";
import { freePort, percentile, ROOT, round, tempDir } from "./lib.ts";

export interface ChatOptions {
  residents: number;
  /** Messages each resident sends in the timed run. */
  turnsEach: number;
  /** A resident waits a random time in [min, max] ms before each message (reading, typing). */
  thinkMs: [number, number];
  instances: number;
  redisUrl: string;
  prefix: string;
}

export interface ChatResult {
  instances: number;
  turn_p50_ms: number;
  turn_p95_ms: number;
  turns_per_s: number;
  /** Without think time: every resident sends again as soon as answered. */
  max_turns_per_s: number;
  max_turn_p95_ms: number;
  errors: number;
  /** Why turns failed, by kind: an HTTP status, "no reply", or the fetch error code. */
  errorKinds: Record<string, number>;
  /** RSS of each assistant process after the runs (MB). */
  rss_mb: number[];
}

interface Instance {
  child: ChildProcess;
  url: string;
  remove: () => Promise<void>;
}

async function startInstance(redisUrl: string, prefix: string): Promise<Instance> {
  const data = await tempDir("chat");
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src", "main.ts")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      DATA_DIR: data.dir,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      WEB_RATE_PER_MINUTE: "0",
      FLOOD_PER_MINUTE: "0",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`assistant exited with ${child.exitCode}`);
    if (Date.now() - started > 90_000) throw new Error("assistant not healthy after 90 s");
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { child, url, remove: data.remove };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopInstance(instance: Instance): Promise<void> {
  if (instance.child.exitCode === null) {
    const exit = new Promise((r) => instance.child.once("exit", r));
    instance.child.kill("SIGTERM");
    const killer = setTimeout(() => instance.child.kill("SIGKILL"), 15_000);
    await exit;
    clearTimeout(killer);
  }
  await instance.remove();
}

async function rssMb(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
  return round(kb / 1024, 1);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs every resident's turns; returns each turn's latency and the wall time. */
async function run(
  instances: Instance[],
  sessions: string[],
  questions: readonly string[],
  turnsEach: number,
  thinkMs: [number, number],
): Promise<{ latencies: number[]; wallMs: number; errors: number; why: Record<string, number> }> {
  const latencies: number[] = [];
  let errors = 0;
  const why: Record<string, number> = {};
  const failed = (reason: string) => {
    errors++;
    why[reason] = (why[reason] ?? 0) + 1;
  };
  let n = 0;
  const started = performance.now();
  await Promise.all(
    sessions.map(async (sessionId, r) => {
      for (let t = 0; t < turnsEach; t++) {
        if (thinkMs[1] > 0) await sleep(thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0]));
        const instance = instances[n++ % instances.length] as Instance;
        const text = questions[(r * turnsEach + t) % questions.length] as string;
        const sent = performance.now();
        const response = await fetch(`${instance.url}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ sessionId, text }),
        }).catch((error: { cause?: { code?: string } }) => {
          failed(`fetch ${error.cause?.code ?? "error"}`);
          return null;
        });
        if (!response) continue;
        const body = (await response.json().catch(() => null)) as { replies?: unknown[] } | null;
        if (response.status !== 200) failed(`http ${response.status}`);
        else if (!body?.replies?.length) failed("no reply");
        else latencies.push(performance.now() - sent);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started, errors, why };
}

/** Starts the instances on `store`'s Redis prefix, onboards the residents there, runs, stops. */
export async function benchChat(
  store: Store,
  questions: readonly string[],
  options: ChatOptions,
): Promise<ChatResult> {
  const sessions = Array.from({ length: options.residents }, (_, i) => `bench-resident-${i}`);
  await writeLearnersInBulk(
    store,
    sessions.map((s, i) => ({
      id: `web:${s}`,
      group: "nguoi-dan" as const,
      to: `Tổ ${(i % 20) + 1}`,
      consentAt: new Date().toISOString(),
    })),
  );
  const instances: Instance[] = [];
  try {
    for (let i = 0; i < options.instances; i++)
      instances.push(await startInstance(options.redisUrl, options.prefix));
    await run(instances, sessions.slice(0, 20), questions, 5, [0, 0]); // warm-up
    const paced = await run(instances, sessions, questions, options.turnsEach, options.thinkMs);
    const ceiling = await run(
      instances,
      sessions,
      questions,
      Math.max(2, Math.ceil(options.turnsEach / 2)),
      [0, 0],
    );
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const p = (xs: number[], q: number) => round(percentile(sorted(xs), q), 1);
    return {
      instances: options.instances,
      turn_p50_ms: p(paced.latencies, 50),
      turn_p95_ms: p(paced.latencies, 95),
      turns_per_s: round(paced.latencies.length / (paced.wallMs / 1000), 1),
      max_turns_per_s: round(ceiling.latencies.length / (ceiling.wallMs / 1000), 1),
      max_turn_p95_ms: p(ceiling.latencies, 95),
      errors: paced.errors + ceiling.errors,
      errorKinds: Object.fromEntries(
        [...new Set([...Object.keys(paced.why), ...Object.keys(ceiling.why)])].map((k) => [
          k,
          (paced.why[k] ?? 0) + (ceiling.why[k] ?? 0),
        ]),
      ),
      rss_mb: await Promise.all(instances.map((i) => rssMb(i.child.pid))),
    };
  } finally {
    for (const instance of instances) await stopInstance(instance);
  }
}
