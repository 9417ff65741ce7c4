import type { Provider } from '@kiln/schema';
import { planFromEmpty, renderChanges } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable } from '../helpers/databases.js';
import { phantomChanges } from '../review/helpers/round-trip.js';
import { schemaOf } from './helpers/migrate.js';

/*
 * DateTime literal defaults follow the column's type (docs/migrate.md, "Defaults"): the instant
 * for timestamps, the UTC date for DATE, the UTC time of day for TIME (and TIMETZ, with +00),
 * written as each catalog reports them back, so a database created from a schema and read by
 * introspection plans nothing.
 */

const BODY = `
model T {
  id  Int      @id
  ts  DateTime @default("2024-03-01T12:34:56.789+02:00")
  day DateTime @db.Date @default("2024-03-01T23:30:00Z")
  t0  DateTime @db.Time(0) @default("1970-01-01T10:11:12.987Z")
  t3  DateTime @db.Time(3) @default("1970-01-01T10:11:12.500Z")
  t6  DateTime @db.Time(6) @default("2001-02-03T04:05:06Z")
}
`;
const PG_BODY = `${BODY.slice(0, -2)}  tz  DateTime @db.Timetz(3) @default("1970-01-01T10:11:12.500Z")\n  tsz DateTime @db.Timestamptz(6) @default("2024-03-01T12:00:00Z")\n}\n`;
const MY_BODY = `${BODY.slice(0, -2)}  dt0 DateTime @db.DateTime(0) @default("2024-03-01T12:34:56.789Z")\n  dt6 DateTime @db.DateTime(6) @default("2024-03-01T12:34:56.789Z")\n}\n`;

const defaultsOf = (provider: Provider, body: string) => {
  const [create] = renderChanges(planFromEmpty(schemaOf(provider, body).ir), provider).flatMap((r) => r.sql);
  return [...create!.matchAll(/^\s+\S+ .*?DEFAULT (.*?)(,)?$/gm)].map((m) => m[1]);
};

test('PostgreSQL: the instant, the date, the time of day without trailing zeros, +00 for TIMETZ', () => {
  expect(defaultsOf('postgresql', PG_BODY)).toEqual([
    `'2024-03-01T10:34:56.789Z'`,
    `'2024-03-01'`,
    `'10:11:12.987'`,
    `'10:11:12.5'`,
    `'04:05:06'`,
    `'10:11:12.5+00'`,
    `'2024-03-01T12:00:00.000Z'`,
  ]);
});

test('MySQL: the UTC date and time with the fractional digits the column keeps, cut rather than rounded', () => {
  expect(defaultsOf('mysql', MY_BODY)).toEqual([
    `'2024-03-01 10:34:56.789'`,
    `'2024-03-01'`,
    `'10:11:12'`,
    `'10:11:12.500'`,
    `'04:05:06.000000'`,
    `'2024-03-01 12:34:56'`,
    `'2024-03-01 12:34:56.789000'`,
  ]);
});

const pg = await serverAvailable('postgresql');
const my = await serverAvailable('mysql');

(pg ? test : test.skip)('PostgreSQL: created, read back, nothing to change', async () => expect(await phantomChanges('postgresql', PG_BODY)).toEqual([]), DB_TIMEOUT);
(my ? test : test.skip)('MySQL: created, read back, nothing to change', async () => expect(await phantomChanges('mysql', MY_BODY)).toEqual([]), DB_TIMEOUT);
