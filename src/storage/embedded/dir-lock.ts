import { mkdir, open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../../shared/app-error.ts";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One process per data directory: two processes on one embedded store would each overwrite the other's
 * writes when they compact. A lock left by a process that died (kill -9, power cut) is taken over.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, "LOCK");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await unlink(path).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (owner === process.pid) return async () => {};
      if (Number.isInteger(owner) && owner > 0 && alive(owner))
        throw new AppError(
          "store-locked",
          `The data directory ${dir} is in use by process ${owner}. Stop it first (or use REDIS_URL to share data between processes).`,
        );
      await unlink(path).catch(() => {});
    }
  }
  throw new AppError("store-locked", `Could not lock the data directory ${dir}.`);
}
