import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throwaway Redis Cluster of three masters on loopback, started by a test and always stopped by it. */
export interface LocalCluster {
  ports: number[];
  /** `127.0.0.1:a,127.0.0.1:b,127.0.0.1:c` — the REDIS_CLUSTER_NODES form. */
  nodes: string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** True when redis-server and redis-cli are installed (the cluster tests skip, or fail under REQUIRE_REDIS). */
export function clusterToolsPresent(): boolean {
  return !spawnSync("redis-server", ["--version"]).error && !spawnSync("redis-cli", ["--version"]).error;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A port whose cluster-bus twin (port + 10000) is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.has(port) || taken.has(port + 10_000) || taken.has(port - 10_000)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) return port;
  }
  throw new Error("no free port pair for a cluster node");
}

function cli(args: string[]): string {
  const run = spawnSync("redis-cli", args, { encoding: "utf8", timeout: 30_000 });
  return `${run.stdout ?? ""}${run.stderr ?? ""}`;
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (check()) return;
    await sleep(100);
  }
  throw new Error(`${what} after ${timeoutMs} ms`);
}

/**
 * Starts three `redis-server --cluster-enabled yes` on loopback (no persistence, config in a temp folder),
 * joins them with `redis-cli --cluster create` and waits until every node says cluster_state:ok. Callers
 * stop it in afterAll / onTestFinished; a failed start stops what it started before throwing.
 */
export async function startLocalCluster(): Promise<LocalCluster> {
  const dir = await mkdtemp(join(tmpdir(), "hvs-cluster-"));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await Promise.all(
      children.map((child) =>
        child.exitCode === null && child.signalCode === null
          ? new Promise((resolve) => child.once("exit", resolve))
          : null,
      ),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i++) {
      const port = await clusterPort(new Set(ports));
      ports.push(port);
      // biome-ignore format: one option per line pair reads best
      children.push(spawn("redis-server", [
        "--port", String(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
        "--cluster-config-file", join(dir, `nodes-${port}.conf`), "--dir", dir,
        "--save", "", "--appendonly", "no", "--cluster-node-timeout", "5000",
      ], { stdio: "ignore" }));
    }
    for (const port of ports)
      await waitFor(
        `redis-server on ${port} did not answer`,
        () => cli(["-p", String(port), "ping"]).includes("PONG"),
        20_000,
      );
    const created = cli([
      "--cluster",
      "create",
      ...ports.map((p) => `127.0.0.1:${p}`),
      "--cluster-replicas",
      "0",
      "--cluster-yes",
    ]);
    if (!created.includes("All 16384 slots covered")) throw new Error(`cluster create failed:\n${created}`);
    for (const port of ports)
      await waitFor(
        `node ${port} not cluster_state:ok`,
        () => cli(["-p", String(port), "cluster", "info"]).includes("cluster_state:ok"),
        30_000,
      );
  } catch (error) {
    await stop();
    throw error;
  }
  return { ports, nodes: ports.map((p) => `127.0.0.1:${p}`).join(","), stop };
}
