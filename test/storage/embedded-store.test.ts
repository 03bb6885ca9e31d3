import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmbeddedStore } from "../../src/storage/embedded/embedded-store.ts";
import { StoreUnavailableError } from "../../src/storage/store.ts";
import { describeStoreContract } from "./store-contract.ts";

let dir: string;
let store: EmbeddedStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "hvs-store-"));
  store = await EmbeddedStore.open(dir);
});
afterEach(async () => {
  await store.close().catch(() => {});
});

describeStoreContract("embedded", () => store);

describe("embedded store durability", () => {
  it("keeps every acknowledged write across a reopen", async () => {
    await store.set("a", "1");
    await store.hset("h", { x: "1", y: "2" });
    await store.incr("n", 7);
    await store.zadd("z", 3, "m");
    await store.rpush("l", "p", "q");
    await store.close();
    const reopened = await EmbeddedStore.open(dir);
    expect(await reopened.get("a")).toBe("1");
    expect(await reopened.hgetall("h")).toEqual({ x: "1", y: "2" });
    expect(await reopened.get("n")).toBe("7");
    expect(await reopened.zscore("z", "m")).toBe(3);
    expect(await reopened.lrange("l", 0, -1)).toEqual(["p", "q"]);
    await reopened.close();
  });

  it("recovers from the journal alone, as after a crash without a clean close", async () => {
    await store.set("crash", "yes");
    await store.incr("counter", 2);
    const copy = await mkdtemp(join(tmpdir(), "hvs-crash-"));
    for (const name of await readdir(dir)) await writeFile(join(copy, name), await readFile(join(dir, name)));
    const recovered = await EmbeddedStore.open(copy);
    expect(await recovered.get("crash")).toBe("yes");
    expect(await recovered.get("counter")).toBe("2");
    await recovered.close();
  });

  it("does not count an increment twice when the journal is replayed over a snapshot", async () => {
    await store.incr("c", 1);
    await store.close(); // snapshot with c=1, journal emptied
    const again = await EmbeddedStore.open(dir);
    await again.incr("c", 1);
    const copy = await mkdtemp(join(tmpdir(), "hvs-replay-"));
    for (const name of await readdir(dir)) await writeFile(join(copy, name), await readFile(join(dir, name)));
    await again.close();
    const replayed = await EmbeddedStore.open(copy);
    expect(await replayed.get("c")).toBe("2");
    await replayed.close();
  });

  it("drops a torn last journal line, which was never acknowledged", async () => {
    await store.set("kept", "1");
    const copy = await mkdtemp(join(tmpdir(), "hvs-torn-"));
    const journal = await readFile(join(dir, "store.journal"), "utf8");
    await writeFile(join(copy, "store.journal"), `${journal}{"q":99,"o":{"t":"set","k":"lost`);
    const recovered = await EmbeddedStore.open(copy);
    expect(await recovered.get("kept")).toBe("1");
    expect(await recovered.get("lost")).toBeNull();
    await recovered.set("after", "ok");
    await recovered.close();
    const again = await EmbeddedStore.open(copy);
    expect(await again.get("after")).toBe("ok");
    await again.close();
  });

  it("refuses a corrupt snapshot with a message naming the file, and keeps the file aside", async () => {
    await store.close();
    const bad = await mkdtemp(join(tmpdir(), "hvs-corrupt-"));
    await writeFile(join(bad, "store.snapshot.json"), "{ this is not json");
    const error = await EmbeddedStore.open(bad).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "corrupt-data" });
    expect(String((error as Error).message)).toContain(join(bad, "store.snapshot.json"));
    const files = await readdir(bad);
    const aside = files.find((f) => f.startsWith("store.snapshot.json.corrupt-"));
    expect(aside).toBeDefined();
    expect(await readFile(join(bad, aside as string), "utf8")).toBe("{ this is not json");
  });
});

describe("an embedded store that is closed", () => {
  it("rejects writes as unavailable, so a turn can answer 'busy'", async () => {
    await store.close();
    await expect(store.set("s:a", "1")).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.incr("s:n")).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
