import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { checkQuotesAreUnits } from "../../src/tutor/card-quotes-check.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const CARDS = "cards/vneid/kich-hoat.yaml";
const UNIT = "Thẻ căn cước, để xem *số định danh cá nhân*. Đó là dãy 12 chữ số in trên thẻ.";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "hvs-quotes-"));
  await cp(join(ROOT, "knowledge"), dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function problems(): Promise<string[]> {
  const { curriculum } = await loadKnowledge(dir);
  return checkQuotesAreUnits(curriculum).map((i) => `${i.file}: ${i.field}`);
}

async function quoteInstead(replacement: string) {
  const path = join(dir, CARDS);
  const text = await readFile(path, "utf8");
  expect(text).toContain(`- ${UNIT}`);
  await writeFile(path, text.replace(`- ${UNIT}`, `- ${replacement}`));
}

describe("card quotes are whole units", () => {
  it("finds nothing to report in the curriculum as committed", async () => {
    expect(await problems()).toEqual([]);
  });

  it("reports a quote that drops the lesson's *marks*, though its words are all in the lesson", async () => {
    await quoteInstead(UNIT.replaceAll("*", ""));
    expect(await problems()).toContain(`${CARDS}: cards.4.quote.1`);
  });

  it("reports a quote that is only part of a bullet", async () => {
    await quoteInstead("Đó là dãy 12 chữ số in trên thẻ.");
    expect(await problems()).toContain(`${CARDS}: cards.4.quote.1`);
  });
});
