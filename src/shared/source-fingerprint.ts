import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A short hash of every file under `folders` (paths and contents, in a fixed order) whose name matches
 * `pattern`: what a cache of derived data is keyed by, so it is never read back once its inputs change.
 * A folder that does not exist counts as empty.
 */
export async function fingerprintFiles(root: string, folders: string[], pattern: RegExp): Promise<string> {
  const files: string[] = [];
  for (const folder of folders) {
    const inside = await readdir(join(root, folder), { recursive: true }).catch(() => [] as string[]);
    files.push(...inside.filter((f) => pattern.test(f)).map((f) => join(folder, f)));
  }
  files.sort();
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(await readFile(join(root, file)));
  return hash.digest("hex").slice(0, 16);
}
