import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCurriculum } from "../../src/knowledge/load-curriculum.ts";

const KNOWLEDGE = join(import.meta.dirname, "..", "..", "knowledge");

async function knowledgeCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hvs-knowledge-"));
  await cp(KNOWLEDGE, dir, { recursive: true });
  return dir;
}

describe("loading the curriculum with a cache", () => {
  it("reads back the same curriculum it loaded, and loads again when a lesson changes", async () => {
    const dir = await knowledgeCopy();
    const cacheDir = await mkdtemp(join(tmpdir(), "hvs-cache-"));
    const loaded = await loadCurriculum(dir, { cacheDir });
    expect((await readdir(cacheDir)).filter((f) => f.endsWith("-curriculum.v8"))).toHaveLength(1);
    expect(await loadCurriculum(dir, { cacheDir })).toEqual(loaded);

    const file = join(dir, "lessons", "vneid", "tien-ich.md");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("## Ghi nhớ", "Thêm một câu mới.\n\n## Ghi nhớ"),
    );
    const changed = await loadCurriculum(dir, { cacheDir });
    expect(changed.lessons.get("vneid/tien-ich")?.body).toContain("Thêm một câu mới.");
    expect((await readdir(cacheDir)).filter((f) => f.endsWith("-curriculum.v8"))).toHaveLength(2);
  }, 30_000);

  it("still refuses a broken curriculum that an earlier, valid one was cached for", async () => {
    const dir = await knowledgeCopy();
    const cacheDir = await mkdtemp(join(tmpdir(), "hvs-cache-"));
    await loadCurriculum(dir, { cacheDir });
    const file = join(dir, "lessons", "vneid", "tien-ich.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^title: .*$/m, "title: ''"));
    await expect(loadCurriculum(dir, { cacheDir })).rejects.toThrow(/Curriculum problem/);
  }, 30_000);
});
