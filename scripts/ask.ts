/**
 * npm run --silent ask -- [--json] "câu hỏi"
 * npm run --silent ask -- --json --batch FILE     (JSONL lines {"q": "..."}, or plain lines of text → one
 *                                                   JSONL line per input)
 * Each answer: {"q", "refused", "answer", "sources": [{"module", "lesson", "score"}]} (best first).
 */
import { createReadStream } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { pino } from "pino";
import { loadConfig } from "../src/config/load-config.ts";
import { loadCurriculum } from "../src/knowledge/load-curriculum.ts";
import { buildIndex } from "../src/retrieval/build-index.ts";
import { createEmbeddings } from "../src/retrieval/create-embeddings.ts";
import { exitWithReadableError } from "../src/shared/process.ts";
import { createTutor } from "../src/tutor/create-tutor.ts";
import type { Tutor } from "../src/tutor/tutor.ts";

// Piped into `head` or a closed reader: stop quietly instead of printing a stack.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const batchAt = args.indexOf("--batch");
  const batchFile = batchAt >= 0 ? args[batchAt + 1] : undefined;
  const question = args
    .filter((a, i) => !a.startsWith("--") && !(batchAt >= 0 && i === batchAt + 1))
    .join(" ");
  if (batchAt >= 0 && !batchFile) throw usage("--batch needs a file");
  if (batchAt < 0 && !question.trim()) throw usage("give a question");

  const config = loadConfig();
  const curriculum = await loadCurriculum(config.KNOWLEDGE_DIR);
  const built = await buildIndex(curriculum, {
    cacheDir: join(config.DATA_DIR, "index"),
    embeddings: createEmbeddings(config),
  });
  const tutor = await createTutor({
    config,
    index: built.index,
    curriculum,
    wardName: curriculum.ward.name,
    logger: pino({ level: "silent" }),
  });

  if (batchFile) {
    const lines = createInterface({
      input: createReadStream(resolve(batchFile)),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      const q = questionOf(line);
      if (typeof q !== "string") {
        process.stderr.write(`ask: line ${lineNumber}: expected {"q": "..."}\n`);
        console.log(
          JSON.stringify({ q: null, refused: true, answer: "", sources: [], error: "invalid input line" }),
        );
        continue;
      }
      console.log(JSON.stringify(await answerOf(tutor, q)));
    }
    return;
  }
  const result = await answerOf(tutor, question);
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(result.answer);
    if (result.sources.length) console.log(`\n(nguồn: ${result.sources.map((s) => s.lesson).join(", ")})`);
  }
}

/**
 * The question on one batch line: `{"q": "..."}`, a JSON string, or — for a plain text file of questions,
 * one per line — the line itself. A JSON line without a text "q" is an error, not a question.
 */
function questionOf(line: string): unknown {
  const trimmed = line.trim();
  if (!trimmed.startsWith("{") && !trimmed.startsWith('"')) return trimmed;
  try {
    const parsed = JSON.parse(trimmed) as unknown;
    return typeof parsed === "string" ? parsed : (parsed as { q?: unknown } | null)?.q;
  } catch {
    return trimmed.startsWith("{") ? undefined : trimmed;
  }
}

async function answerOf(tutor: Tutor, q: string) {
  const answer = await tutor.answer(q);
  return {
    q,
    refused: answer.refused,
    answer: answer.text,
    sources: answer.sources.map((s) => ({ module: s.module, lesson: s.lesson, score: s.score })),
  };
}

function usage(problem: string): Error {
  return new Error(
    `${problem}. Usage: npm run --silent ask -- [--json] "câu hỏi" | --json --batch FILE.jsonl`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof Error && error.message.includes("Usage:")) {
    process.stderr.write(`ask: ${error.message}\n`);
    process.exit(2);
  }
  exitWithReadableError(error);
});
