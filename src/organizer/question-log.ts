import { vietnamDate } from "../shared/vietnam-time.ts";
import type { Store } from "../storage/store.ts";
import { redactPersonalData } from "../tutor/redact.ts";

const SETTING = "settings:question-log";
const monthKey = (month: string) => `qlog:${month}`;
const KEEP_MS = 400 * 86_400_000;
const MAX_CHARS = 300;

/** One logged question: no person, no channel, personal data redacted. */
export interface LoggedQuestion {
  day: string;
  text: string;
  refused: boolean;
  /** The lesson the answer cited, when one was found. */
  lesson?: string;
}

/**
 * Anonymised question logs for improving lessons. Off unless an organizer turns them on: while off, no
 * message text is stored anywhere. While on, each question is kept without who asked it, with ID numbers,
 * phone numbers, OTP codes, bank accounts, card numbers and e-mail addresses redacted, for about 13 months.
 */
export class QuestionLog {
  constructor(private readonly store: Store) {}

  async enabled(): Promise<boolean> {
    return (await this.store.get(SETTING)) === "on";
  }

  async setEnabled(on: boolean): Promise<void> {
    if (on) await this.store.set(SETTING, "on");
    else await this.store.del(SETTING);
  }

  /** Records a question when the log is on; does nothing otherwise. */
  async record(text: string, answer: { refused: boolean; lesson?: string }, now: Date): Promise<void> {
    if (!(await this.enabled())) return;
    const day = vietnamDate(now);
    const entry: LoggedQuestion = {
      day,
      text: redactPersonalData(text).text.slice(0, MAX_CHARS),
      refused: answer.refused,
      ...(answer.lesson ? { lesson: answer.lesson } : {}),
    };
    await this.store.rpush(monthKey(day.slice(0, 7)), JSON.stringify(entry));
    await this.store.expire(monthKey(day.slice(0, 7)), KEEP_MS);
  }

  /** The month's questions (`YYYY-MM`), oldest first. */
  async month(month: string): Promise<LoggedQuestion[]> {
    return (await this.store.lrange(monthKey(month), 0, -1)).map((raw) => JSON.parse(raw) as LoggedQuestion);
  }
}
