import { organizerWords } from "../catalog/organizer.ts";
import { fold } from "../retrieval/normalize.ts";
import { VN_OFFSET_MS } from "../shared/vietnam-time.ts";

const DAY_MS = 86_400_000;

export type ParsedWhen =
  | { ok: true; start: Date; end?: Date }
  | { ok: false; error: "format" | "past" | "far" | "end-before-start" };

/** Vietnam local parts of an instant (UTC+7, no daylight saving). */
function local(date: Date) {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function instant(y: number, m: number, d: number, h: number, min: number): Date | null {
  const utc = Date.UTC(y, m - 1, d, h, min);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - VN_OFFSET_MS);
}

/**
 * Reads a Vietnamese date and time: "20/12 19:30", "20/12/2026 19h30", "19h 20-12", "20/12 19h-21h".
 * A date without a year is this year (next year when it passed more than 60 days ago). Rejects
 * the past, more than a year ahead, impossible dates and an end before the start.
 */
export function parseVietnamDateTime(text: string, now: Date): ParsedWhen {
  const folded = fold(text).toLowerCase();
  const date = /(?<![\d:h])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?(?!\d)/.exec(folded);
  if (!date) return { ok: false, error: "format" };
  const rest = `${folded.slice(0, date.index)} ${folded.slice(date.index + date[0].length)}`;
  const times = [...rest.matchAll(/(\d{1,2})\s*(?:h|:|gio|g)\s*(\d{2})?/g)].map((m) => ({
    h: Number(m[1]),
    min: Number(m[2] ?? 0),
  }));
  const [startTime, endTime] = times;
  if (!startTime || times.length > 2) return { ok: false, error: "format" };
  if ([startTime, endTime].some((t) => t && (t.h > 23 || t.min > 59))) return { ok: false, error: "format" };
  const day = Number(date[1]);
  const month = Number(date[2]);
  const yearText = date[3];
  let year = yearText
    ? yearText.length === 2
      ? 2000 + Number(yearText)
      : Number(yearText)
    : local(now).year;
  let start = instant(year, month, day, startTime.h, startTime.min);
  if (!start) return { ok: false, error: "format" };
  if (!yearText && start.getTime() < now.getTime() - 60 * DAY_MS) {
    year += 1;
    start = instant(year, month, day, startTime.h, startTime.min);
    if (!start) return { ok: false, error: "format" };
  }
  if (start.getTime() <= now.getTime()) return { ok: false, error: "past" };
  if (start.getTime() > now.getTime() + 366 * DAY_MS) return { ok: false, error: "far" };
  if (!endTime) return { ok: true, start };
  const end = instant(year, month, day, endTime.h, endTime.min);
  if (!end || end.getTime() <= start.getTime()) return { ok: false, error: "end-before-start" };
  return { ok: true, start, end };
}

/** "19:30 ngày 20/12/2026" in Vietnam time. */
export function formatVietnamDateTime(date: Date): string {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return organizerWords.timeOnDay(
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
  );
}

/** "19:30" in Vietnam time. */
export function formatVietnamTime(date: Date): string {
  return formatVietnamDateTime(date).slice(0, 5);
}

/** The next 07:00 Vietnam time at or after `now` (when quiet hours end). */
export function nextMorning(now: Date): Date {
  const d = new Date(now.getTime() + VN_OFFSET_MS);
  const seven = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 7) - VN_OFFSET_MS;
  return new Date(seven >= now.getTime() ? seven : seven + DAY_MS);
}
