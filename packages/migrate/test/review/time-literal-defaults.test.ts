import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable } from '../helpers/databases.js';
import { phantomChanges } from './helpers/round-trip.js';

/*
 * Review finding (ddl-fragments.ts dateTimeLiteral and its PostgreSQL/MySQL hooks): a DateTime
 * default is rendered as a full instant whatever the column's native type. On a TIME column:
 *   PostgreSQL: `DEFAULT '1970-01-01T10:11:12.500Z'` on TIME/TIMETZ is refused ("invalid input
 *   syntax for type time"), so a valid schema cannot be created or migrated;
 *   MySQL/MariaDB: the server keeps `'10:11:12.500'`, which introspection reads back as an
 *   expression, so `db push`/drift plan a MODIFY on every run.
 * The literal should follow the column: the time of day for TIME (and TIMETZ with its offset),
 * the date for DATE.
 */

const pg = await serverAvailable('postgresql');
const my = await serverAvailable('mysql');

(pg ? test : test.skip)(
  'PostgreSQL: DateTime literal defaults on TIME and TIMETZ columns create, and read back unchanged',
  async () => {
    const body = `
model T {
  id Int      @id
  t  DateTime @db.Time(3) @default("1970-01-01T10:11:12.500Z")
  z  DateTime @db.Timetz(3) @default("1970-01-01T10:11:12.500Z")
}
`;
    expect(await phantomChanges('postgresql', body)).toEqual([]);
  },
  DB_TIMEOUT,
);

(my ? test : test.skip)(
  'MySQL: a DateTime literal default on a TIME column reads back unchanged',
  async () => {
    const body = `
model T {
  id Int      @id
  t  DateTime @db.Time(3) @default("1970-01-01T10:11:12.500Z")
}
`;
    expect(await phantomChanges('mysql', body)).toEqual([]);
  },
  DB_TIMEOUT,
);
