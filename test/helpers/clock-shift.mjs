/**
 * Loaded with `node --import` into an assistant started by a system test: moves the wall clock by
 * TEST_CLOCK_SHIFT_MS (Date.now() and `new Date()`), so a test run at night in Vietnam can play a working
 * day (broadcasts and reminders keep quiet hours). Timers and performance.now() are untouched.
 * Plain JavaScript: it loads before tsx does.
 */
const shift = Number(process.env.TEST_CLOCK_SHIFT_MS ?? 0);
if (shift) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...args);
    }
    static now() {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate;
}
