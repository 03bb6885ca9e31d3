/** Cold start: spawn the assistant as `npm start` does (node with tsx's loader) on a DATA_DIR until /healthz answers 200. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, ROOT, tempDir } from "./lib.ts";

const TIMEOUT_MS = 60_000;

/**
 * Milliseconds from spawn to the first 200 of /healthz; the child is stopped with SIGTERM after. Without
 * `dataDir`, a fresh one (no index cache) is used and removed; with it, what is cached there is reused.
 */
export async function benchColdStart(dataDir?: string): Promise<number> {
  const data = dataDir ? { dir: dataDir, remove: async () => {} } : await tempDir("cold");
  const port = await freePort();
  let output = "";
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src", "main.ts")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      DATA_DIR: data.dir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  try {
    for (;;) {
      if (exited) throw new Error(`assistant exited before becoming healthy:\n${output}`);
      if (performance.now() - started > TIMEOUT_MS)
        throw new Error(`assistant not healthy after ${TIMEOUT_MS} ms:\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.status === 200) return Math.round(performance.now() - started);
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (!exited) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exit;
      clearTimeout(killer);
    }
    await data.remove();
  }
}
