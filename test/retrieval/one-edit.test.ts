import { describe, expect, it } from "vitest";
import { deletionIndex, nearKeysOf, swapsOf, withinOneEdit } from "../../src/retrieval/one-edit.ts";

describe("words one phone slip away", () => {
  it("types a letter on a key beside it with its marks kept, never on a far key", () => {
    expect(nearKeysOf("kàm")).toContain("làm");
    expect(nearKeysOf("kàm")).not.toContain("làn");
    expect(nearKeysOf("yoi")).toContain("toi");
    expect(nearKeysOf("qoi")).not.toContain("toi");
  });

  it("swaps letters written with marks as whole letters", () => {
    expect(swapsOf("noà")).toContain("nào");
    expect(swapsOf("ab")).toEqual(["ba"]);
  });

  it("finds the words a typed word left one letter out of", () => {
    const index = deletionIndex(["người", "không", "khôn"]);
    expect(index.get("ngưi")).toEqual(["người"]);
    expect(index.get("khôn")).toEqual(["không"]);
    expect(withinOneEdit("khôn", "không")).toBe(true);
  });
});
