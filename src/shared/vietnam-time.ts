/** Vietnam time: UTC+7 all year (no daylight saving). */
export const VN_OFFSET_MS = 7 * 3600_000;

/** The Vietnam calendar date of an instant, `YYYY-MM-DD`. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Vietnam calendar date (`YYYY-MM-DD`) begins, in ms; NaN for anything else. */
export function vietnamDayStart(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS : Number.NaN;
}

/** The start of the Vietnam day an instant falls in, in ms. */
export function vietnamDayOf(ms: number): number {
  const DAY_MS = 86_400_000;
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS;
}

/** No reminders or non-urgent notices from 21:00 to 07:00, Vietnam time. */
export function inQuietHours(now: Date): boolean {
  const hour = new Date(now.getTime() + VN_OFFSET_MS).getUTCHours();
  return hour >= 21 || hour < 7;
}
