/**
 * npm run knowledge:check — validates every file of knowledge/ and prints a plain-language report.
 * Exit code 1 when any problem is found; each problem is one line naming the file and the field.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  checkAsksAgainstEval,
  checkCurriculum,
  checkOutline,
  reportModules,
} from "../src/knowledge/check.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { checkQuotesAreUnits } from "../src/tutor/card-quotes-check.ts";

const dirFlag = process.argv.indexOf("--dir");
const dir = resolve(dirFlag > 0 ? (process.argv[dirFlag + 1] ?? "knowledge") : "knowledge");
const quiet = process.argv.includes("--quiet");

const { curriculum, issues } = await loadKnowledge(dir);
const all = [
  ...issues,
  ...checkOutline(curriculum),
  ...checkCurriculum(curriculum),
  ...checkQuotesAreUnits(curriculum),
  ...checkAsksAgainstEval(curriculum, evalQuestions(resolve("test", "fixtures", "eval"))),
];

/** Every message of every evaluation split (only compared with the asks, never printed). */
function evalQuestions(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(".jsonl"))
    .flatMap((name) =>
      readFileSync(join(root, name), "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => String((JSON.parse(line) as { q?: unknown }).q ?? "")),
    );
}

if (!quiet) {
  const rows = reportModules(curriculum);
  console.log("module                 lessons  words  questions  longest-correct  words/sentence");
  for (const r of rows) {
    console.log(
      `${r.module.padEnd(22)} ${String(r.lessons).padStart(7)} ${String(r.words).padStart(6)} ${String(r.questions).padStart(10)} ${`${Math.round(r.longestCorrect * 100)}%`.padStart(16)} ${r.wordsPerSentence.toFixed(1).padStart(15)}`,
    );
  }
  const words = rows.reduce((s, r) => s + r.words, 0);
  const sentences = rows.reduce((s, r) => s + r.sentences, 0);
  const meanWps = sentences ? rows.reduce((s, r) => s + r.wordsPerSentence * r.sentences, 0) / sentences : 0;
  console.log(
    `total: ${rows.length} modules, ${curriculum.lessons.size} lessons, ${words} words, ` +
      `${rows.reduce((s, r) => s + r.questions, 0)} questions, ${meanWps.toFixed(1)} words per sentence`,
  );
}

for (const issue of all) console.error(`knowledge/${issue.file}: ${issue.field}: ${issue.message}`);
if (all.length) {
  console.error(`knowledge:check failed: ${all.length} problem(s)`);
  process.exit(1);
}
console.log("knowledge:check ok");
