/** Memory figure of the embedded store: RSS of a fresh process holding N synthetic learners. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT, tempDir } from "./lib.ts";

export interface RssResult {
  rss_mb: number;
  heap_used_mb: number;
  baseline_rss_mb: number;
  write_ms: number;
  learners: number;
  gc: boolean;
}

/** Spawns scripts/bench/rss-child.ts with --expose-gc on a fresh temp dir; its stderr progress is passed on. */
export async function benchRss(learners: number): Promise<RssResult> {
  const data = await tempDir("rss");
  try {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        join(ROOT, "scripts", "bench", "rss-child.ts"),
        data.dir,
        String(learners),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error(`rss child exited with ${code}:\n${stderr}`);
    return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as RssResult;
  } finally {
    await data.remove();
  }
}
