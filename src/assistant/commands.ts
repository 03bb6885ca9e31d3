import { foldForMatch } from "./input.ts";

/** Maps slash commands and a few plain words to command names. */
export type CommandName = "start" | "restart" | "help" | "learn" | "menu" | "unknown";

const COMMANDS: Record<string, CommandName> = {
  start: "start",
  batdau: "restart",
  trogiup: "help",
  help: "help",
  hoc: "learn",
  menu: "menu",
};

const WORDS: Record<string, CommandName> = {
  "tro giup": "help",
  "huong dan": "help",
  help: "help",
  menu: "menu",
  "bat dau": "restart",
};

export function parseCommand(text: string): { name: CommandName } | null {
  const slash = /^\/([a-z]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim());
  if (slash) return { name: COMMANDS[(slash[1] ?? "").toLowerCase()] ?? "unknown" };
  const folded = foldForMatch(text);
  const word = WORDS[folded];
  return word ? { name: word } : null;
}
