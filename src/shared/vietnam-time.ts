/** Vietnam time: UTC+7 all year (no daylight saving). */
export const VN_OFFSET_MS = 7 * 3600_000;

/** The Vietnam calendar date of an instant, `YYYY-MM-DD`. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** No reminders or non-urgent notices from 21:00 to 07:00, Vietnam time. */
export function inQuietHours(now: Date): boolean {
  const hour = (now.getUTCHours() + 7) % 24;
  return hour >= 21 || hour < 7;
}
