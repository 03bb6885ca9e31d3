import { commandDescriptions, type DescribedCommand } from "../catalog/assistant-commands.ts";
import type { CommandName, CommandSpelling, ParsedCommand } from "./command-names.ts";
import type { Feature } from "./feature.ts";
import { FEATURES } from "./feature-list.ts";
import { foldForMatch } from "./input.ts";

export type { CommandName, ParsedCommand } from "./command-names.ts";

export interface CommandInfo {
  /** The slash command, without the slash (Telegram: 1–32 of a-z, 0-9, _). */
  command: string;
  name: CommandName;
  /** Vietnamese description shown in command menus. */
  description: string;
}

const spellings = (features: readonly Feature[]): CommandSpelling[] =>
  features.flatMap((f) => f.commands ?? []);

/** A menu's commands, as the features declare them, in the catalog's order (catalog/assistant-commands.ts). */
function menu(features: readonly Feature[], which: "learners" | "organizers"): CommandInfo[] {
  const order = Object.keys(commandDescriptions);
  return spellings(features)
    .filter((s) => s.menu === which)
    .map((s) => {
      const command = s.slash?.[0] ?? "";
      if (!Object.hasOwn(commandDescriptions, command)) throw new Error(`no menu line for /${command}`);
      return { command, name: s.name, description: commandDescriptions[command as DescribedCommand] };
    })
    .sort((a, b) => order.indexOf(a.command) - order.indexOf(b.command));
}

/** Commands every learner sees, in menu order. */
export const LEARNER_COMMANDS: readonly CommandInfo[] = menu(FEATURES, "learners");

/** Commands shown only to organizers (and admins); the assistant checks the role on every use. */
export const ORGANIZER_COMMANDS: readonly CommandInfo[] = menu(FEATURES, "organizers");

/** Slash commands or whole-message words → command names; a spelling claimed twice is a mistake. */
function lookup(features: readonly Feature[], field: "slash" | "words"): Map<string, CommandName> {
  const table = new Map<string, CommandName>();
  for (const spelling of spellings(features)) {
    for (const written of spelling[field] ?? []) {
      if (table.has(written)) throw new Error(`"${written}" is spelled by two commands`);
      table.set(written, spelling.name);
    }
  }
  return table;
}

const BY_SLASH = lookup(FEATURES, "slash");
const BY_WORDS = lookup(FEATURES, "words");

export function parseCommand(text: string): ParsedCommand | null {
  const slash = /^\/([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (slash) {
    return {
      name: BY_SLASH.get((slash[1] ?? "").toLowerCase()) ?? "unknown",
      args: (slash[2] ?? "").trim(),
    };
  }
  // A Map, so a message such as "constructor" cannot find Object's prototype.
  const word = BY_WORDS.get(foldForMatch(text));
  return word ? { name: word, args: "" } : null;
}
