/**
 * npm run chat — the same assistant in the terminal. Options are shown as numbers; type the number to
 * choose one, anything else is a message. /thoat (or Ctrl+C) leaves. Log lines go to a file in DATA_DIR
 * (chat.log), never between the lines of the conversation.
 */
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { pino } from "pino";
import { TERMINAL_GOODBYE, TERMINAL_INTRO } from "../../catalog/cli.ts";
import { loadConfig } from "../../config/load-config.ts";
import { createCore } from "../../core.ts";
import { typedChoice } from "../../messaging/choice.ts";
import type { ReplyOption } from "../../messaging/message.ts";
import { createLogger } from "../../shared/logger.ts";
import { exitWithReadableError } from "../../shared/process.ts";
import { renderForTerminal } from "./render.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const logFile = pino.destination({ dest: join(config.DATA_DIR, "chat.log"), mkdir: true, sync: true });
  const logger = createLogger(process.env.LOG_LEVEL ?? "warn", logFile);
  process.stdout.write(`${TERMINAL_INTRO}\n\n`);
  const core = await createCore(config, logger);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const userId = process.env.USER ? `terminal-${process.env.USER}` : "terminal";
  let options: ReplyOption[] = [];

  const send = async (input: { text?: string; action?: string }) => {
    const replies = await core.assistant.handle({ channel: "cli", userId, ...input });
    const rendered = renderForTerminal(replies);
    options = rendered.options;
    process.stdout.write(`${rendered.text}\n> `);
  };

  const lines = rl[Symbol.asyncIterator](); // created first, so piped input is not lost while we answer
  await send({ action: "v1:back" });
  try {
    for await (const line of { [Symbol.asyncIterator]: () => lines }) {
      const text = line.trim();
      if (text === "/thoat" || text === "/exit") break;
      const choice = typedChoice(text, options);
      await send(choice ? { action: choice } : { text: line });
    }
  } finally {
    process.stdout.write(`\n${TERMINAL_GOODBYE}\n`);
    rl.close();
    await core.store.close();
    logFile.flushSync();
  }
}

main().catch(exitWithReadableError);
