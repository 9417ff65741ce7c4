// The drivers' fast reader of date-time text (driver/date-time-text.ts) against the general
// parser it stands in for: the same instant for every text PostgreSQL and MySQL write, and the
// general parser's answer for everything else.
import { parseDateTimeText } from '../src/driver/date-time-text.js';
import { parseUtcDateTime } from '../src/values/codec.js';

const time = (d: Date) => d.getTime();

describe('parseDateTimeText', () => {
  it('reads what PostgreSQL and MySQL write as the general parser does', () => {
    const texts: string[] = [];
    for (const year of ['0000', '0001', '0004', '0050', '0099', '0100', '0999', '1000', '1900', '1970', '2000', '2024', '9999']) {
      for (const day of ['01-01', '02-28', '02-29', '03-01', '12-31']) {
        texts.push(`${year}-${day}`);
        for (const clock of ['00:00:00', '09:05:07', '23:59:59']) {
          for (const fraction of ['', '.1', '.12', '.123', '.1234', '.12345', '.123456', '.000', '.999999']) texts.push(`${year}-${day} ${clock}${fraction}`);
        }
      }
    }
    for (const text of texts) {
      const expected = parseUtcDateTime(text);
      const got = parseDateTimeText(text);
      if (Number.isNaN(expected.getTime())) expect([text, got.getTime()]).toEqual([text, NaN]);
      else expect([text, time(got)]).toEqual([text, time(expected)]);
    }
  });

  it('keeps years 0 to 99 (Date.UTC alone would add 1900)', () => {
    expect(parseDateTimeText('0050-03-01 10:00:00.123').toISOString()).toBe('0050-03-01T10:00:00.123Z');
    expect(parseDateTimeText('0004-02-29').toISOString()).toBe('0004-02-29T00:00:00.000Z');
    expect(parseDateTimeText('0000-02-29 01:02:03').toISOString()).toBe('0000-02-29T01:02:03.000Z');
  });

  it('hands every other text to the general parser', () => {
    for (const text of [
      '2024-05-01 10:00:00+02', // timestamptz text
      '2024-05-01 10:00:00.5-03:30',
      '2024-05-01T10:00:00Z',
      '2024-05-01 10:00:00 BC',
      '10000-01-01 00:00:00',
      '0000-00-00 00:00:00', // MySQL's zero date
      '0000-00-00',
      '2024-13-01 00:00:00',
      '2024-05-01 24:00:00',
      '2024-05-01 10:00:00.',
      '2024-05-01 10:0x:00',
      'infinity',
      '',
    ]) {
      const expected = parseUtcDateTime(text);
      const got = parseDateTimeText(text);
      expect([text, got.getTime()]).toEqual([text, expected.getTime()]);
    }
  });
});
