import { describe, expect, it } from "vitest";
import { inQuietHours, vietnamDate, vietnamDayOf, vietnamDayStart } from "../../src/shared/vietnam-time.ts";

describe("Vietnam time (UTC+7, no daylight saving)", () => {
  it("starts a Vietnam day at 17:00 UTC the day before", () => {
    expect(new Date(vietnamDayStart("2026-12-02")).toISOString()).toBe("2026-12-01T17:00:00.000Z");
    expect(vietnamDayStart("2/12/2026")).toBeNaN();
  });

  it("puts 23:30 UTC in the next Vietnam day, and finds that day's start", () => {
    const late = Date.parse("2026-12-01T23:30:00Z");
    expect(vietnamDate(new Date(late))).toBe("2026-12-02");
    expect(vietnamDayOf(late)).toBe(vietnamDayStart("2026-12-02"));
  });

  it("keeps quiet from 21:00 to 07:00 Vietnam time", () => {
    expect(inQuietHours(new Date("2026-12-02T14:00:00Z"))).toBe(true); // 21:00
    expect(inQuietHours(new Date("2026-12-02T13:59:00Z"))).toBe(false); // 20:59
    expect(inQuietHours(new Date("2026-12-02T00:00:00Z"))).toBe(false); // 07:00
  });
});
