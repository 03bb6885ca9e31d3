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

/** A parsed command and the text after it ("/lienket 123456" → {name: "link", args: "123456"}). */
export interface ParsedCommand {
  name: CommandName;
  args: string;
}

/**
 * A command a feature handles, and how it is spelled. A command shared by several features (/huy, /lienket)
 * is spelled once, by one of them; the others list only its name.
 */
export interface CommandSpelling {
  name: CommandName;
  /** Slash commands without the slash (Telegram: 1–32 of a-z, 0-9, _); the first is the one shown. */
  slash?: readonly string[];
  /**
   * Whole messages read as this command (folded: no accents, lower case). "Hỏi", "Học bài", "Kiểm tra" and
   * "Tiến độ" are also the texts of Telegram's big buttons in elderly mode, so each must stay.
   */
  words?: readonly string[];
  /** The command menu it is listed in (its line is catalog/assistant-commands.ts); absent: not listed. */
  menu?: "learners" | "organizers";
}
