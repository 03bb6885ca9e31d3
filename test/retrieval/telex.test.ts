import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SpellCorrector } from "../../src/retrieval/spelling.ts";
import { foldedFromTelex } from "../../src/retrieval/telex.ts";

describe("Telex a keyboard left unconverted", () => {
  it("reads the tone key, doubled vowels, dd and w as the folded word", () => {
    expect(foldedFromTelex("tieenf")).toBe("tien");
    expect(foldedFromTelex("chuyeenr")).toBe("chuyen");
    expect(foldedFromTelex("nguwowif")).toBe("nguoi");
    expect(foldedFromTelex("dduwowcj")).toBe("duoc");
    expect(foldedFromTelex("tiefn")).toBe("tien");
    // The tone key pressed twice.
    expect(foldedFromTelex("theess")).toBe("the");
  });

  it("leaves words with nothing of Telex in them, and words with marks, alone", () => {
    expect(foldedFromTelex("vneid")).toBeNull();
    expect(foldedFromTelex("tien")).toBeNull();
    expect(foldedFromTelex("tiền")).toBeNull();
  });

  it("never throws and never lengthens a word", () => {
    fc.assert(
      fc.property(fc.string(), (word) => {
        const read = foldedFromTelex(word);
        expect(read === null || read.length < word.length).toBe(true);
      }),
    );
  });

  it("corrects a Telex word only to a word the lessons use, and knows it", () => {
    const spelling = SpellCorrector.fromTexts(["tôi muốn chuyển tiền", "apps"]);
    expect(spelling.correct("tooi muoons chuyeenr tieenf")).toBe("toi muon chuyen tien");
    expect(spelling.has("tieenf")).toBe(true);
    expect(spelling.untelex("Tooi muoons xyzs")).toBe("toi muon xyzs");
    // A word the lessons use as typed is never read as Telex.
    expect(spelling.correct("apps")).toBe("apps");
  });
});
