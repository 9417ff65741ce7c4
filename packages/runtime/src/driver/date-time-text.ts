import { parseUtcDateTime } from '../values/codec.js';

/**
 * A date-time as the drivers read it from the server, holding UTC: PostgreSQL's `timestamp` and
 * `date` in the ISO DateStyle (pg's text), MySQL's `DATETIME`, `TIMESTAMP` and `DATE` (mysql2's
 * `dateStrings`). That is `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` with up to six fractional digits
 * (milliseconds are kept, as `Date` does), and no zone.
 *
 * Read digit by digit: about three times faster than the general parser, which a result with
 * relations multiplies (200 posts hold 600 timestamps). Any other text (a zone, a year past
 * 9999, `BC`, MySQL's zero date `0000-00-00`) goes to the general parser, unchanged.
 * Years 0 to 99 stay themselves (`Date.UTC` alone would read them as 1900 to 1999).
 */
export function parseDateTimeText(text: string): Date {
  const n = text.length;
  if (
    text.charCodeAt(4) === 45 /* - */ &&
    text.charCodeAt(7) === 45 &&
    (n === 10 ||
      (n >= 19 &&
        n <= 26 &&
        n !== 20 &&
        text.charCodeAt(10) === 32 /* space */ &&
        text.charCodeAt(13) === 58 /* : */ &&
        text.charCodeAt(16) === 58 &&
        (n === 19 || text.charCodeAt(19) === 46 /* . */)))
  ) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    let hour = 0;
    let minute = 0;
    let second = 0;
    let ms = 0;
    if (n > 10) {
      hour = digits(text, 11, 2);
      minute = digits(text, 14, 2);
      second = digits(text, 17, 2);
      // `.1` is 100 ms, `.12` 120 ms; digits past the third are below a millisecond.
      if (n > 20) ms = n === 21 ? digits(text, 20, 1) * 100 : n === 22 ? digits(text, 20, 2) * 10 : digits(text, 20, 3);
    }
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0) {
      const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
      if (year < 100) date.setUTCFullYear(year, month - 1, day);
      return date;
    }
  }
  return parseUtcDateTime(text);
}

/** The decimal number in `text[at, at + count)`, or -1 when a character is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
