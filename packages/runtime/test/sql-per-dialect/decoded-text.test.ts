// How the dialect codecs read the text some native types come back as (docs/native-types.md):
// PostgreSQL's money in the session's lc_monetary locale, TIME/TIMETZ text on every server, and
// MySQL's 4-byte FLOAT widened to a double. The e2e suite covers these on real servers in the
// locale they run (C); the other locales' spellings are checked here.
import { shortestFloat32 } from '../../src/dialects/mysql/mysql-codec.js';
import { parseMoney } from '../../src/dialects/postgres/postgres-codec.js';
import { parseTimeOfDay } from '../../src/values/codec.js';

describe('PostgreSQL money text', () => {
  it.each([
    ['$1,234.56', '1234.56'],
    ['-$1,234.56', '-1234.56'],
    ['($1,234.56)', '-1234.56'],
    ['$92,233,720,368,547,758.07', '92233720368547758.07'],
    ['-$92,233,720,368,547,758.08', '-92233720368547758.08'],
    ['$0.00', '0'],
    ['-$0.01', '-0.01'],
    ['$5', '5'],
    ['1.234,56 €', '1234.56'],
    ['-1.234,56 €', '-1234.56'],
    ['1 234,56 €', '1234.56'],
    ["Fr. 1'234.56", '1234.56'],
    ['￥1,235', '1235'],
    ['￥1,234,567', '1234567'],
  ])('%s reads as %s', (text, value) => {
    expect(parseMoney(text)).toBe(value);
  });
});

describe('TIME text', () => {
  it.each([
    ['10:11:12', '1970-01-01T10:11:12.000Z'],
    ['10:11:12.345678', '1970-01-01T10:11:12.345Z'],
    ['10:11:12.5', '1970-01-01T10:11:12.500Z'],
    ['10:11:12+02', '1970-01-01T08:11:12.000Z'],
    ['01:00:00.5-05:30', '1970-01-01T06:30:00.500Z'],
    ['23:30:00-01', '1970-01-01T00:30:00.000Z'],
    ['00:00:00+14', '1970-01-01T10:00:00.000Z'],
    ['24:00:00', '1970-01-02T00:00:00.000Z'],
    ['838:59:59', '1970-02-04T22:59:59.000Z'],
    ['-01:00:00', '1969-12-31T23:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parseTimeOfDay(text).toISOString()).toBe(iso);
  });

  it('text that is no time is an invalid Date, never a wrong one', () => {
    expect(Number.isNaN(parseTimeOfDay('2024-01-01').getTime())).toBe(true);
  });
});

describe('MySQL FLOAT read as a double', () => {
  it.each([
    [Math.fround(0.1), 0.1],
    [Math.fround(Math.PI), 3.1415927],
    [Math.fround(3.4e38), 3.4e38],
    [Math.fround(1e-40), 1e-40],
    [0.5, 0.5],
    [-0, -0],
  ])('%p reads as %p', (stored, value) => {
    expect(shortestFloat32(stored)).toBe(value);
  });

  it('a double that is no float (an AVG) is left as it is', () => {
    expect(shortestFloat32(35 / 3)).toBe(35 / 3);
    expect(shortestFloat32(Number.NaN)).toBeNaN();
  });
});
