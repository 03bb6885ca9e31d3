import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { AppError } from "../shared/app-error.ts";
import { fingerprintFiles } from "../shared/source-fingerprint.ts";
import { checkCurriculum, checkOutline } from "./check.ts";
import { loadKnowledge } from "./load.ts";
import type { Curriculum } from "./types.ts";

/**
 * Loads knowledge/ for the running assistant; refuses to start on any problem, naming the first one.
 * With `cacheDir`, a curriculum that loaded and passed its checks is kept there and read back while neither
 * knowledge/ nor the code that reads it has changed (parsing and checking take about half a second).
 */
export async function loadCurriculum(dir: string, options: { cacheDir?: string } = {}): Promise<Curriculum> {
  const { cacheDir } = options;
  const key = cacheDir ? await sourcesKey(dir) : "";
  const cached = cacheDir ? await readCached(join(cacheDir, `${key}-curriculum.v8`)) : null;
  if (cached) return cached;
  const { curriculum, issues } = await loadKnowledge(dir);
  const all = [...issues, ...checkOutline(curriculum), ...checkCurriculum(curriculum)];
  const first = all[0];
  if (first) {
    throw new AppError(
      "knowledge",
      `Curriculum problem in ${dir}/${first.file} (${first.field}): ${first.message}` +
        (all.length > 1 ? ` (and ${all.length - 1} more; run npm run knowledge:check)` : ""),
    );
  }
  if (cacheDir) await writeCached(cacheDir, `${key}-curriculum.v8`, curriculum);
  return curriculum;
}

/** knowledge/'s files, and the code that reads and checks them (this folder, the catalog, shared/). */
async function sourcesKey(dir: string): Promise<string> {
  const content = await fingerprintFiles(dir, ["."], /\.(md|ya?ml)$/);
  const code = await fingerprintFiles(
    join(import.meta.dirname, ".."),
    ["knowledge", "catalog", "shared"],
    /\.ts$/,
  );
  return `${content}-${code}`;
}

async function readCached(path: string): Promise<Curriculum | null> {
  try {
    return deserialize(await readFile(path)) as Curriculum;
  } catch {
    return null;
  }
}

async function writeCached(dir: string, name: string, curriculum: Curriculum): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.tmp`), serialize(curriculum));
  await rename(join(dir, `${name}.tmp`), join(dir, name));
}
