// Every scalar type round-trips through create and find with the documented JavaScript type:
// Decimal → exact string, BigInt → bigint, DateTime → Date (UTC, milliseconds), Json → parsed
// value, Bytes → Buffer, enums (also with @map) → value names, Boolean → boolean.
import { sqliteSchema } from './helpers/inline-schema.js';
import { byProvider, dbFixture, provider, type DbFixture } from './helpers/db.js';

const SCHEMA = sqliteSchema(`
enum Color {
  RED   @map("r")
  GREEN @map("g")
  BLUE
}

model V {
  id    Int       @id @default(autoincrement())
  tag   String?
  dec   Decimal?
  big   BigInt?
  at    DateTime?
  json  Json?
  bytes Bytes?
  color Color?
  flag  Boolean?
  fl    Float?
  int   Int?
}

model BigParent {
  id       BigInt     @id
  name     String
  children BigChild[]
}

model BigChild {
  id       Int       @id @default(autoincrement())
  parent   BigParent @relation(fields: [parentId], references: [id])
  parentId BigInt
}
`);

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
});
afterAll(() => f.close());

const v = () => f.db.m('v');
/** Creates a row with `data` and reads it back with a fresh query. */
async function roundTrip(data: Record<string, unknown>): Promise<any> {
  const created = await v().create({ data });
  const read = await v().findUnique({ where: { id: created.id } });
  expect(read).toEqual(created);
  return read;
}
/** A column as stored, read raw, with its storage type: SQLite's typeof(), PostgreSQL's pg_typeof(), MySQL's column DATA_TYPE. */
async function rawColumn(id: number, column: string): Promise<unknown> {
  const text = byProvider({
    sqlite: `SELECT "${column}" AS x, typeof("${column}") AS t FROM "V" WHERE "id" = ?`,
    postgresql: `SELECT "${column}" AS x, pg_typeof("${column}")::text AS t FROM "V" WHERE "id" = $1`,
    mysql: `SELECT \`${column}\` AS x, (SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'V' AND COLUMN_NAME = '${column}') AS t FROM V WHERE id = ?`,
  });
  const rows = (await f.db.$queryRawUnsafe(text, id)) as { x: unknown; t: string }[];
  return rows[0];
}

describe('Decimal', () => {
  it.each(['19.99', '0.1', '-0.5', '100', '0'])('%s round-trips as the same string', async (s) => {
    expect((await roundTrip({ dec: s })).dec).toBe(s);
  });

  it('a number or a bigint input comes back as a string', async () => {
    expect((await roundTrip({ dec: 19.99 })).dec).toBe('19.99');
    expect((await roundTrip({ dec: 10n })).dec).toBe('10');
  });

  // SQLite's DECIMAL column (NUMERIC affinity, as Prisma creates it) keeps 15 significant digits;
  // Kiln reads it back at that precision (docs/client.md, Values). PostgreSQL's and MySQL's
  // DECIMAL(65,30) are exact: every digit comes back.
  it('more digits than SQLite keeps are rounded to 15 significant digits there, exact elsewhere', async () => {
    const exact = provider !== 'sqlite';
    expect((await roundTrip({ dec: '12345678901234567890.123456789' })).dec).toBe(exact ? '12345678901234567890.123456789' : '12345678901234600000');
    expect((await roundTrip({ dec: '123456789012345' })).dec).toBe('123456789012345');
  });

  it('many decimal places are rounded to 15 significant digits on SQLite, exact elsewhere', async () => {
    const exact = provider !== 'sqlite';
    expect((await roundTrip({ dec: '0.1234567890123456789' })).dec).toBe(exact ? '0.1234567890123456789' : '0.123456789012346');
    expect((await roundTrip({ dec: '0.000000123' })).dec).toBe('0.000000123');
  });

  it('filters compare by numeric value', async () => {
    const a = await v().create({ data: { tag: 'dec-cmp', dec: '19.99' } });
    await v().create({ data: { tag: 'dec-cmp', dec: '2.5' } });
    const rows = await v().findMany({ where: { tag: 'dec-cmp', dec: { gt: '3' } }, select: { id: true } });
    expect(rows).toEqual([{ id: a.id }]);
    expect(await v().count({ where: { tag: 'dec-cmp', dec: '19.99' } })).toBe(1);
  });

  it('increment keeps decimal arithmetic exact', async () => {
    const a = await v().create({ data: { dec: '0.1' } });
    const u = await v().update({ where: { id: a.id }, data: { dec: { increment: '0.2' } } });
    expect(u.dec).toBe('0.3');
  });
});

describe('BigInt', () => {
  it.each([9007199254740993n, 2n ** 63n - 1n, -(2n ** 63n), 0n, -1n])('%p round-trips exactly', async (b) => {
    const r = await roundTrip({ big: b });
    expect(typeof r.big).toBe('bigint');
    expect(r.big).toBe(b);
  });

  it('a number input comes back as a bigint', async () => {
    expect((await roundTrip({ big: 42 })).big).toBe(42n);
  });

  it('filters beyond 2^53 are exact', async () => {
    const a = await v().create({ data: { tag: 'big-cmp', big: 9007199254740993n } });
    await v().create({ data: { tag: 'big-cmp', big: 9007199254740992n } });
    expect(await v().findMany({ where: { tag: 'big-cmp', big: 9007199254740993n }, select: { id: true } })).toEqual([{ id: a.id }]);
    expect(await v().findMany({ where: { tag: 'big-cmp', big: { gt: 9007199254740992n } }, select: { id: true } })).toEqual([{ id: a.id }]);
  });

  it('other integer columns stay numbers when a BigInt is selected beside them', async () => {
    const r = await roundTrip({ big: 5n, int: 7 });
    expect(r.int).toBe(7);
    expect(r.id).toEqual(expect.any(Number));
  });

  it('a BigInt key beyond 2^53 joins relations exactly', async () => {
    const id = 2n ** 60n + 1n;
    await f.db.m('bigParent').create({ data: { id, name: 'near' } });
    await f.db.m('bigParent').create({ data: { id: id + 1n, name: 'other' } });
    await f.db.m('bigChild').create({ data: { parentId: id } });
    const p = await f.db.m('bigParent').findUnique({ where: { id }, include: { children: true } });
    expect(p.children).toHaveLength(1);
    expect(p.children[0].parentId).toBe(id);
    const c = await f.db.m('bigChild').findFirst({ include: { parent: true } });
    expect(c.parent).toEqual({ id, name: 'near' });
    expect(await f.db.m('bigParent').count({ where: { children: { some: {} } } })).toBe(1);
  });
});

describe('DateTime', () => {
  it('keeps milliseconds', async () => {
    const d = new Date('2024-02-29T23:59:59.999Z');
    expect((await roundTrip({ at: d })).at).toEqual(d);
  });

  it('is stored as UTC whatever offset the input had', async () => {
    const r = await roundTrip({ at: '2024-03-10T02:30:00.123-05:00' });
    expect(r.at).toEqual(new Date('2024-03-10T07:30:00.123Z'));
    // Stored as the UTC wall clock: ISO text on SQLite, a zoneless timestamp elsewhere (read raw:
    // a Date on PostgreSQL through the pool's UTC parser, DATETIME text on MySQL).
    expect(await rawColumn(r.id, 'at')).toEqual(
      byProvider<unknown>({
        sqlite: { x: '2024-03-10T07:30:00.123Z', t: 'text' },
        postgresql: { x: new Date('2024-03-10T07:30:00.123Z'), t: 'timestamp without time zone' },
        mysql: { x: '2024-03-10 07:30:00.123', t: 'datetime' },
      }),
    );
  });

  it('does not depend on the process time zone', async () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      const r = await v().create({ data: { at: new Date(Date.UTC(2024, 6, 1, 12, 0, 0, 5)) } });
      process.env.TZ = 'America/Los_Angeles';
      const read = await v().findUnique({ where: { id: r.id } });
      expect(read.at.toISOString()).toBe('2024-07-01T12:00:00.005Z');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('dates before 1970 and far in the future', async () => {
    for (const s of ['1900-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z']) {
      expect((await roundTrip({ at: new Date(s) })).at.toISOString()).toBe(s);
    }
  });

  it('reads SQLite CURRENT_TIMESTAMP text as UTC and integer milliseconds as an instant', async () => {
    if (provider !== 'sqlite') {
      // A zoneless timestamp written by plain SQL is read as UTC too.
      await f.db.$executeRawUnsafe(f.sql(`INSERT INTO "V" ("tag", "at") VALUES ('ts-text', '2024-01-02 03:04:05')`));
      expect(await v().findMany({ where: { tag: 'ts-text' }, select: { at: true } })).toEqual([{ at: new Date('2024-01-02T03:04:05.000Z') }]);
      return;
    }
    await f.db.$executeRawUnsafe(`INSERT INTO "V" ("tag", "at") VALUES ('ts-text', '2024-01-02 03:04:05'), ('ts-ms', 1700000000123)`);
    const rows = await v().findMany({ where: { tag: { in: ['ts-text', 'ts-ms'] } }, orderBy: { tag: 'desc' }, select: { at: true } });
    expect(rows).toEqual([{ at: new Date('2024-01-02T03:04:05.000Z') }, { at: new Date(1700000000123) }]);
  });
});

describe('DateTime values written by the database default', () => {
  let g: DbFixture;
  beforeAll(async () => {
    g = await dbFixture(sqliteSchema(`
model Stamp {
  id  Int      @id @default(autoincrement())
  tag String
  at  DateTime @default(now())
}
`));
  });
  afterAll(() => g.close());

  it('rows inserted by plain SQL get ISO text from now(), so they filter and sort with the client’s', async () => {
    const before = new Date(Date.now() - 60_000);
    const after = new Date(Date.now() + 60_000);
    await g.db.$executeRawUnsafe(g.sql(`INSERT INTO "Stamp" ("tag") VALUES ('sql')`));
    await g.db.m('stamp').create({ data: { tag: 'early', at: before } });
    await g.db.m('stamp').create({ data: { tag: 'late', at: after } });
    const [raw] = await g.db.$queryRawUnsafe(g.sql(`SELECT "at" FROM "Stamp" WHERE "tag" = 'sql'`));
    // The database's default: ISO text on SQLite; elsewhere a timestamp in the session's UTC.
    if (provider === 'postgresql') expect((raw as { at: unknown }).at).toBeInstanceOf(Date);
    else if (provider === 'mysql') expect((raw as { at: string }).at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
    else expect((raw as { at: string }).at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const between = await g.db.m('stamp').findMany({ where: { at: { gt: before, lt: after } }, select: { tag: true } });
    expect(between).toEqual([{ tag: 'sql' }]);
    const ordered = await g.db.m('stamp').findMany({ orderBy: { at: 'asc' }, select: { tag: true } });
    expect(ordered.map((r: { tag: string }) => r.tag)).toEqual(['early', 'sql', 'late']);
  });
});

describe('Json', () => {
  it.each([
    ['an object', { a: 1, b: [true, null, 'x'], c: { d: 'é🙂' } }],
    ['an array', [1, 'two', { three: 3 }, []]],
    ['a string', 'hello'],
    ['a string that looks like JSON', '{"a":1}'],
    ['a number', 12.5],
    ['a boolean', false],
    ['an empty object', {}],
  ])('%s round-trips as the same value', async (_name, value) => {
    expect((await roundTrip({ json: value })).json).toEqual(value);
  });

  it('null stores no value', async () => {
    const r = await roundTrip({ json: null });
    expect(r.json).toBeNull();
  });

  it('equals compares a whole JSON value', async () => {
    const a = await v().create({ data: { tag: 'json-eq', json: { k: 'v', n: [1, 2] } } });
    await v().create({ data: { tag: 'json-eq', json: { k: 'other' } } });
    expect(await v().findMany({ where: { tag: 'json-eq', json: { equals: { k: 'v', n: [1, 2] } } }, select: { id: true } })).toEqual([{ id: a.id }]);
  });
});

describe('Bytes', () => {
  it('a Buffer with every byte value round-trips', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const r = await roundTrip({ bytes });
    expect(Buffer.isBuffer(r.bytes) || r.bytes instanceof Uint8Array).toBe(true);
    expect(Buffer.from(r.bytes).equals(bytes)).toBe(true);
    expect(await rawColumn(r.id, 'bytes')).toMatchObject({ t: byProvider({ sqlite: 'blob', postgresql: 'bytea', mysql: 'longblob' }) });
  });

  it('a Uint8Array input and an empty value', async () => {
    const r = await roundTrip({ bytes: new Uint8Array([0, 0, 7]) });
    expect([...r.bytes]).toEqual([0, 0, 7]);
    const e = await roundTrip({ bytes: Buffer.alloc(0) });
    expect(e.bytes.length).toBe(0);
  });
});

describe('enums with @map', () => {
  it('store the mapped value, read and filter by value name', async () => {
    const red = await roundTrip({ tag: 'enum', color: 'RED' });
    const blue = await roundTrip({ tag: 'enum', color: 'BLUE' });
    expect(red.color).toBe('RED');
    const enumType = byProvider({ sqlite: 'text', postgresql: '"Color"', mysql: 'enum' });
    expect(await rawColumn(red.id, 'color')).toEqual({ x: 'r', t: enumType });
    expect(await rawColumn(blue.id, 'color')).toEqual({ x: 'BLUE', t: enumType });
    expect(await v().findMany({ where: { tag: 'enum', color: { in: ['RED', 'GREEN'] } }, select: { color: true } })).toEqual([{ color: 'RED' }]);
    expect(await v().findMany({ where: { tag: 'enum', color: { not: 'RED' } }, select: { color: true } })).toEqual([{ color: 'BLUE' }]);
  });

  it('groupBy and aggregate return value names', async () => {
    const groups = await v().groupBy({ by: ['color'], where: { tag: 'enum' }, _count: { _all: true }, orderBy: { color: 'asc' } });
    // SQLite stores enums as text and sorts the stored values ('BLUE' < 'r'). PostgreSQL and
    // MySQL have native enums that sort in declaration order (RED, GREEN, BLUE); MAX follows that
    // order on PostgreSQL, but compares the stored strings on MySQL.
    // https://dev.mysql.com/doc/refman/8.0/en/enum.html#enum-sorting
    const declared = provider !== 'sqlite';
    expect(groups).toEqual(
      declared
        ? [
            { color: 'RED', _count: { _all: 1 } },
            { color: 'BLUE', _count: { _all: 1 } },
          ]
        : [
            { color: 'BLUE', _count: { _all: 1 } },
            { color: 'RED', _count: { _all: 1 } },
          ],
    );
    expect(await v().aggregate({ where: { tag: 'enum' }, _max: { color: true } })).toEqual({ _max: { color: provider === 'postgresql' ? 'BLUE' : 'RED' } });
  });
});

describe('Boolean, Float, Int, String', () => {
  it('booleans are booleans, stored as 1 and 0', async () => {
    const t = await roundTrip({ flag: true });
    const f2 = await roundTrip({ flag: false });
    expect(t.flag).toBe(true);
    expect(f2.flag).toBe(false);
    expect(await rawColumn(t.id, 'flag')).toEqual(byProvider<unknown>({ sqlite: { x: 1, t: 'integer' }, postgresql: { x: true, t: 'boolean' }, mysql: { x: 1, t: 'tinyint' } }));
  });

  it('floats keep their bits', async () => {
    for (const x of [0.1, -1e-300, 1.7976931348623157e308, 123456.789]) expect((await roundTrip({ fl: x })).fl).toBe(x);
  });

  it('Int extremes of 32 bits', async () => {
    expect((await roundTrip({ int: 2147483647 })).int).toBe(2147483647);
    expect((await roundTrip({ int: -2147483648 })).int).toBe(-2147483648);
  });

  it('an empty string is not null', async () => {
    const r = await roundTrip({ tag: '' });
    expect(r.tag).toBe('');
    expect(await v().count({ where: { id: r.id, tag: null } })).toBe(0);
  });

  it('unset optional fields are null', async () => {
    const r = await roundTrip({});
    expect(r).toEqual({ id: r.id, tag: null, dec: null, big: null, at: null, json: null, bytes: null, color: null, flag: null, fl: null, int: null });
  });
});
