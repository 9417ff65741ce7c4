import { parseUtcDateTime } from '../values/codec.js';

/**
 * A date-time as the drivers read it from the server, holding UTC: PostgreSQL's `timestamp` and
 * `date` in the ISO DateStyle (pg's text), MySQL's `DATETIME`, `TIMESTAMP` and `DATE` (mysql2's
 * `dateStrings`), and the same inside PostgreSQL's JSON. That is `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` (or `T` for the space) with up to six fractional digits
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
        (text.charCodeAt(10) === 32 /* space */ || text.charCodeAt(10) === 84) /* T: the same, as JSON writes it */ &&
        text.charCodeAt(13) === 58 /* : */ &&
        text.charCodeAt(16) === 58 &&
        (n === 19 || text.charCodeAt(19) === 46 /* . */)))
  ) {
    // `.1` is 100 ms, `.12` 120 ms; digits past the third are below a millisecond.
    const ms = n <= 20 ? 0 : n === 21 ? digits(text, 20, 1) * 100 : n === 22 ? digits(text, 20, 2) * 10 : digits(text, 20, 3);
    const date = utcFromFixedFields(text, n > 10, ms);
    if (date !== null) return date;
  }
  return parseUtcDateTime(text);
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ`, the ISO text `Date#toISOString` writes (Kiln stores DateTime so on
 * SQLite), read digit by digit; `null` for any other text, for the caller's general parser.
 */
export function parseIsoInstantText(text: string): Date | null {
  if (
    text.length !== 24 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(23) !== 90 /* Z */ ||
    text.charCodeAt(4) !== 45 /* - */ ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(13) !== 58 /* : */ ||
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(19) !== 46 /* . */
  ) {
    return null;
  }
  return utcFromFixedFields(text, true, digits(text, 20, 3));
}

/**
 * The UTC instant of the date (and time) at their fixed offsets (`YYYY-MM-DD`, then `HH:MM:SS`
 * from offset 11, whatever separates them), or null when a field is not digits or out of range.
 * Years 0 to 99 stay themselves (`Date.UTC` alone would read them as 1900 to 1999).
 */
function utcFromFixedFields(text: string, withTime: boolean, ms: number): Date | null {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = withTime ? digits(text, 11, 2) : 0;
  const minute = withTime ? digits(text, 14, 2) : 0;
  const second = withTime ? digits(text, 17, 2) : 0;
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  if (year < 100) date.setUTCFullYear(year, month - 1, day);
  return date;
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
