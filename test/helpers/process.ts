import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { freePort } from "../../scripts/lib/free-port.ts";

export { freePort };

export const ROOT = join(import.meta.dirname, "..", "..");

export interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `src/main.ts` as a real process with the given environment (nothing else inherited but PATH).
 * Node itself runs it (tsx as a loader, not the tsx wrapper), so signals such as SIGKILL reach the assistant.
 */
export async function startAssistant(env: Record<string, string>): Promise<Running> {
  const port = env.PORT ?? String(await freePort());
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src", "main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env, PORT: port },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  // Whatever the test's outcome (a failed wait included), nothing it started outlives it. Started from a
  // beforeAll hook (no current test), the file's afterAll stops it instead.
  try {
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
  } catch {
    // not inside a test
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Polls /healthz until it answers 200 (generous: a loaded CI machine starts slowly); resolves the ms it took. */
export async function waitHealthy(running: Running, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let exited = false;
  running.exited.then(() => {
    exited = true;
  });
  while (Date.now() - started < timeoutMs) {
    if (exited) throw new Error(`assistant exited before becoming healthy:\n${running.output()}`);
    try {
      const response = await fetch(`${running.url}/healthz`);
      if (response.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`assistant not healthy after ${timeoutMs} ms:\n${running.output()}`);
}

export async function chat(
  url: string,
  body: object,
): Promise<{ replies: { text: string; options?: { label: string; action: string }[] }[] }> {
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`chat answered ${response.status}`);
  return response.json() as never;
}
