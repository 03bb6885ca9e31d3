import { describe, expect, it } from "vitest";
import { askTargets, chunkLessons } from "../../src/retrieval/chunk.ts";
import { ScopeBank } from "../../src/retrieval/scope-bank.ts";
import { learnWordModels, learnWordModelsAside, stateOf } from "../../src/retrieval/word-models.ts";
import { testCurriculum } from "../helpers/core.ts";

async function wordModelsInput() {
  const curriculum = await testCurriculum();
  const lessons = [...curriculum.lessons.values()];
  const chunks = chunkLessons(lessons);
  return {
    lessons,
    texts: chunks.map((c) => c.indexText),
    askTexts: askTargets(chunks).map((a) => a.text),
    outsideTexts: ScopeBank.texts(curriculum.outOfScope),
  };
}

/** Maps, sets and typed arrays written out in order, so that equal models give the same text. */
const asText = (value: unknown) =>
  JSON.stringify(value, (_key, v) =>
    v instanceof Map || v instanceof Set ? [...v] : ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v,
  );

describe("word models", () => {
  it("learns on a worker thread exactly what it learns on this one", async () => {
    const input = await wordModelsInput();
    const learning = learnWordModelsAside(input);
    const here = stateOf(learnWordModels(input));
    const aside = await learning;
    // Lexical postings, the spelling and accent models and the scope words: all of it, value for value (written
    // out as text: a deep comparison of these maps takes many seconds).
    expect(Object.keys(aside).sort()).toEqual(Object.keys(here).sort());
    for (const key of Object.keys(here) as (keyof typeof here)[])
      expect(asText(aside[key]) === asText(here[key]), key).toBe(true);
  }, 60_000); // two learnings of the whole curriculum's words, one in a fresh thread: slow on a loaded machine
});
