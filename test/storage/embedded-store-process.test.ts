import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";

describe("one process per data directory", () => {
  it("refuses a second process on the same directory, naming the holder, and takes over a dead one's lock", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hvs-lock-"));
    const held = await EmbeddedStore.open(dir);
    await held.set("k", "v");
    const open = `import("./src/storage/embedded/embedded-store.ts").then((m) => m.EmbeddedStore.open(${JSON.stringify(dir)})).then(() => console.log("opened"), (e) => console.log(e.message))`;
    const second = spawnSync(process.execPath, ["--import", "tsx", "-e", open], { encoding: "utf8" });
    expect(second.stdout).toContain(`is in use by process ${process.pid}`);
    await held.close();
    // A lock whose process is gone (as after kill -9) does not stop the next start.
    await writeFile(join(dir, "LOCK"), "999999999");
    const reopened = await EmbeddedStore.open(dir);
    expect(await reopened.get("k")).toBe("v");
    await reopened.close();
    expect(await readdir(dir)).not.toContain("LOCK");
  });
});
