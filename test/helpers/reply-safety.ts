import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Every line of the prompt templates (placeholders left out): none may reach a reply. */
export const PROMPT_LINES = ["answer-system.txt", "answer-human.txt"].flatMap((file) =>
  readFileSync(join(import.meta.dirname, "..", "..", "prompts", file), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !/\{\w+\}/.test(line)),
);

/** Control (except tab and newline), zero-width and bidi characters: none may be in a reply. */
export const invisibleIn = (text: string) =>
  [...text].filter((ch) => {
    const c = ch.codePointAt(0) ?? 0;
    return (
      (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2060 && c <= 0x2064) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c === 0xfeff
    );
  });

/** Half of a surrogate pair: a reply cut in the middle of an emoji. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
