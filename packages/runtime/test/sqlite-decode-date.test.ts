import { decodeDate } from '../src/dialects/sqlite/sqlite-codec.js';

/** What Date's own parser makes of the text, with SQLite's zone-less clock text read as UTC. */
const reference = (text: string): number => new Date(/^\d{4}-\d{2}-\d{2} /.test(text) ? `${text.replace(' ', 'T')}Z` : text).getTime();

describe('SQLite DateTime text', () => {
  test.each([
    '2024-02-29T23:59:59.999Z',
    '1970-01-01T00:00:00.000Z',
    '0050-06-15T12:00:00.000Z', // years 0 to 99 stay themselves
    '0000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '2024-02-30T00:00:00.000Z', // rolls over as Date does
    '2024-13-01T00:00:00.000Z', // invalid, as Date says
    '2024-05-01T10:00:00Z',
    '2024-05-01T10:00:00.000+02:00',
    '2024-05-01 10:00:00',
    '2024-05-01 10:00:00.123',
    '2O24-05-01T10:00:00.000Z', // a letter O: not digits
  ])('%s reads as Date reads it', (text) => {
    const got = decodeDate(text)!.getTime();
    const want = reference(text);
    if (Number.isNaN(want)) expect(got).toBeNaN();
    else expect(got).toBe(want);
  });

  test('epoch milliseconds and null', () => {
    expect(decodeDate(0)!.toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(decodeDate(null)).toBeNull();
  });
});
