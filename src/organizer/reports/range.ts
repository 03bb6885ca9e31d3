import { VN_OFFSET_MS, vietnamDate } from "../../shared/vietnam-time.ts";

const DAY_MS = 86_400_000;

/** A report period: whole Vietnam calendar days, `from` to `to` inclusive (`YYYY-MM-DD`). */
export interface ReportRange {
  from: string;
  to: string;
}

export type RangeResult =
  | { ok: true; range: ReportRange }
  | { ok: false; error: "format" | "end-before-start"; text?: string };

/** Reads "2026-05-15", "15/05/2026", "15/5/2026" or "15-05-2026" as a calendar date; null when impossible. */
export function parseReportDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  if (date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The period from two optional dates: `from` defaults to 1 January of this year and `to` to today
 * (a later `to` is cut to today, since nothing after today is known).
 */
export function parseReportRange(
  fromText: string | undefined,
  toText: string | undefined,
  now: Date,
): RangeResult {
  const today = vietnamDate(now);
  const from = fromText ? parseReportDate(fromText) : `${today.slice(0, 4)}-01-01`;
  if (!from) return { ok: false, error: "format", text: fromText };
  const to = toText ? parseReportDate(toText) : today;
  if (!to) return { ok: false, error: "format", text: toText };
  if (to < from) return { ok: false, error: "end-before-start" };
  // ISO dates sort as text: cut `to` at today, but never before `from`.
  const known = [to, today].sort()[0] as string;
  return { ok: true, range: { from, to: [known, from].sort()[1] as string } };
}

/** The instants bounding a period: [start, end) with `end` the midnight after `to`, Vietnam time. */
export function rangeBounds(range: ReportRange): { start: number; end: number } {
  const start = Date.parse(`${range.from}T00:00:00Z`) - VN_OFFSET_MS;
  const end = Date.parse(`${range.to}T00:00:00Z`) - VN_OFFSET_MS + DAY_MS;
  return { start, end };
}

/** "15/05/2026" from "2026-05-15". */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
