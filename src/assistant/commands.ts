import { commandDescriptions } from "../catalog/assistant-commands.ts";
import { foldForMatch } from "./input.ts";

/** Everything a person can ask for by command; channels map their own syntax onto these names. */
export type CommandName =
  | "start"
  | "restart"
  | "help"
  | "learn"
  | "ask"
  | "menu"
  | "quiz"
  | "review"
  | "progress"
  | "certificate"
  | "classes"
  | "export"
  | "erase"
  | "cancel"
  | "link"
  | "create-class"
  | "attendance"
  | "broadcast"
  | "broadcast-status"
  | "report"
  | "dashboard"
  | "question-log"
  | "roles"
  | "revoke-certificate"
  | "unknown";

export interface CommandInfo {
  /** The slash command, without the slash (Telegram: 1–32 of a-z, 0-9, _). */
  command: string;
  name: CommandName;
  /** Vietnamese description shown in command menus. */
  description: string;
}

/** Commands every learner sees, in menu order. */
export const LEARNER_COMMANDS: readonly CommandInfo[] = [
  { command: "start", name: "start", description: commandDescriptions.start },
  { command: "hoc", name: "learn", description: commandDescriptions.hoc },
  { command: "kiemtra", name: "quiz", description: commandDescriptions.kiemtra },
  { command: "ontap", name: "review", description: commandDescriptions.ontap },
  { command: "tiendo", name: "progress", description: commandDescriptions.tiendo },
  { command: "chungnhan", name: "certificate", description: commandDescriptions.chungnhan },
  { command: "lichhoc", name: "classes", description: commandDescriptions.lichhoc },
  { command: "trogiup", name: "help", description: commandDescriptions.trogiup },
  { command: "huy", name: "cancel", description: commandDescriptions.huy },
  { command: "lienket", name: "link", description: commandDescriptions.lienket },
  { command: "dulieu", name: "export", description: commandDescriptions.dulieu },
  { command: "xoadulieu", name: "erase", description: commandDescriptions.xoadulieu },
];

/** Commands shown only to organizers (and admins); the assistant checks the role on every use. */
export const ORGANIZER_COMMANDS: readonly CommandInfo[] = [
  { command: "taolop", name: "create-class", description: commandDescriptions.taolop },
  { command: "diemdanh", name: "attendance", description: commandDescriptions.diemdanh },
  { command: "thongbao", name: "broadcast", description: commandDescriptions.thongbao },
  { command: "baocaogui", name: "broadcast-status", description: commandDescriptions.baocaogui },
  { command: "baocao", name: "report", description: commandDescriptions.baocao },
  { command: "quantri", name: "dashboard", description: commandDescriptions.quantri },
  { command: "nhatky", name: "question-log", description: commandDescriptions.nhatky },
  { command: "phanquyen", name: "roles", description: commandDescriptions.phanquyen },
  { command: "thuhoicn", name: "revoke-certificate", description: commandDescriptions.thuhoicn },
];

const HIDDEN: Record<string, CommandName> = { batdau: "restart", help: "help", menu: "menu" };

const BY_COMMAND = new Map<string, CommandName>([
  ...[...LEARNER_COMMANDS, ...ORGANIZER_COMMANDS].map((c) => [c.command, c.name] as const),
  ...Object.entries(HIDDEN),
]);

/**
 * Whole messages read as commands (folded: no accents, lower case). "Hỏi", "Học bài", "Kiểm tra" and
 * "Tiến độ" are also the texts of Telegram's big buttons in elderly mode, so each must stay here.
 */
const WORDS: Record<string, CommandName> = {
  "tro giup": "help",
  "huong dan": "help",
  help: "help",
  menu: "menu",
  "bat dau": "restart",
  hoi: "ask",
  "hoc bai": "learn",
  huy: "cancel",
  "kiem tra": "quiz",
  "on tap": "review",
  "tien do": "progress",
  "chung nhan": "certificate",
  "lich hoc": "classes",
};

/** A parsed command and the text after it ("/lienket 123456" → {name: "link", args: "123456"}). */
export interface ParsedCommand {
  name: CommandName;
  args: string;
}

export function parseCommand(text: string): ParsedCommand | null {
  const slash = /^\/([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (slash) {
    return {
      name: BY_COMMAND.get((slash[1] ?? "").toLowerCase()) ?? "unknown",
      args: (slash[2] ?? "").trim(),
    };
  }
  const folded = foldForMatch(text);
  // Own keys only: a message such as "constructor" must not find Object's prototype.
  const word = Object.hasOwn(WORDS, folded) ? WORDS[folded] : undefined;
  return word ? { name: word, args: "" } : null;
}
