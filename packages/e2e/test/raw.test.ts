// Raw SQL: tagged templates bind every interpolated value as a parameter; the Unsafe variants
// take `?` placeholders; statements resolve to the number of rows changed; errors are typed;
// `$on('query')` sees every statement.
import { KilnError, KilnUniqueConstraintError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { byProvider, dbFixture, provider, type DbFixture } from './helpers/db.js';

const SCHEMA = sqliteSchema(`
model Person {
  id    Int       @id @default(autoincrement())
  email String    @unique
  name  String?
  age   Int       @default(0)
  big   BigInt    @default(0)
  seen  DateTime?
}
`);

let f: DbFixture;
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  await f.db.m('person').createMany({
    data: [
      { email: 'ann@x.io', name: 'Ann', age: 30 },
      { email: 'bob@x.io', name: 'Bob', age: 40 },
      { email: 'cid@x.io', name: null, age: 50 },
    ],
  });
});
afterAll(() => f.close());

const HOSTILE = [`'; DROP TABLE "Person"; --`, `" OR 1=1 --`, `Robert'); DELETE FROM "Person"; --`, `\\'`, `?`, `$1`, `:name`, `%_!`];

describe('$queryRaw (tagged template)', () => {
  it('binds interpolated values as parameters', async () => {
    const rows = await f.db.$queryRaw(...f.q`SELECT "email", "age" FROM "Person" WHERE "age" >= ${40} AND "email" <> ${'cid@x.io'} ORDER BY "id"`);
    expect(rows).toEqual([{ email: 'bob@x.io', age: 40 }]);
  });

  it('an interpolated string is a value, never SQL or an identifier', async () => {
    const rows = await f.db.$queryRaw(...f.q`SELECT ${'email'} AS "v" FROM "Person" ORDER BY "id"`);
    expect(rows).toEqual([{ v: 'email' }, { v: 'email' }, { v: 'email' }]);
  });

  it.each(HOSTILE)('a hostile string %j matches nothing and harms nothing', async (s) => {
    expect(await f.db.$queryRaw(...f.q`SELECT * FROM "Person" WHERE "email" = ${s}`)).toEqual([]);
    expect(await f.db.$queryRaw(...f.q`SELECT ${s} AS "v"`)).toEqual([{ v: s }]);
    expect(await f.db.m('person').count()).toBe(3);
  });

  it('null, undefined, booleans, bigints and Dates as values', async () => {
    const [row] = (await f.db.$queryRaw(...f.q`SELECT ${null} AS "n", ${undefined} AS "u", ${true} AS "t", ${false} AS "f", ${9007199254740993n} = 9007199254740993 AS "b", ${new Date('2024-05-06T07:08:09.010Z')} AS "d"`)) as any[];
    // Raw results are the driver's. SQLite binds booleans as 1/0. PostgreSQL types a parameter
    // that nothing else types as text ('true'), and returns comparisons as booleans. MySQL binds
    // booleans as TINYINT, and a Date as DATETIME text in UTC.
    expect(row).toEqual(
      byProvider<unknown>({
        sqlite: { n: null, u: null, t: 1, f: 0, b: 1, d: '2024-05-06T07:08:09.010Z' },
        postgresql: { n: null, u: null, t: 'true', f: 'false', b: true, d: '2024-05-06T07:08:09.010Z' },
        mysql: { n: null, u: null, t: 1, f: 0, b: 1, d: '2024-05-06 07:08:09.010' },
      }),
    );
  });

  it('a Date value compares with DateTime columns written by the client', async () => {
    await f.db.m('person').update({ where: { email: 'ann@x.io' }, data: { seen: new Date('2024-01-01T00:00:00.500Z') } });
    const rows = await f.db.$queryRaw(...f.q`SELECT "email" FROM "Person" WHERE "seen" > ${new Date('2024-01-01T00:00:00.499Z')} AND "seen" < ${new Date('2024-01-01T00:00:00.501Z')}`);
    expect(rows).toEqual([{ email: 'ann@x.io' }]);
  });

  it('a Buffer value binds as a BLOB', async () => {
    const bytes = Buffer.from([0, 1, 254, 255]);
    const [row] = (await byProvider({
      sqlite: () => f.db.$queryRaw`SELECT hex(${bytes}) AS "h", typeof(${Buffer.from([1])}) AS "t"`,
      postgresql: () => f.db.$queryRaw`SELECT upper(encode(${bytes}, 'hex')) AS "h", pg_typeof(${Buffer.from([1])}::bytea)::text AS "t"`,
      mysql: () => f.db.$queryRaw`SELECT HEX(${bytes}) AS h, 'blob' AS t`,
    })()) as any[];
    expect(row).toEqual({ h: '0001FEFF', t: byProvider({ sqlite: 'blob', postgresql: 'bytea', mysql: 'blob' }) });
  });
});

describe('$executeRaw', () => {
  it('resolves to the number of rows changed', async () => {
    expect(await f.db.$executeRaw(...f.q`UPDATE "Person" SET "age" = "age" + ${1} WHERE "age" < ${45}`)).toBe(2);
    expect(await f.db.$executeRaw(...f.q`UPDATE "Person" SET "age" = "age" - ${1} WHERE "age" < ${46}`)).toBe(2);
    expect(await f.db.$executeRaw(...f.q`DELETE FROM "Person" WHERE "email" = ${'nobody'}`)).toBe(0);
  });

  it('an INSERT of hostile text stores it unchanged', async () => {
    const s = HOSTILE.join(' | ');
    expect(await f.db.$executeRaw(...f.q`INSERT INTO "Person" ("email", "name") VALUES (${'hostile@x.io'}, ${s})`)).toBe(1);
    expect((await f.db.m('person').findUnique({ where: { email: 'hostile@x.io' } })).name).toBe(s);
    expect(await f.db.$executeRaw(...f.q`DELETE FROM "Person" WHERE "name" = ${s}`)).toBe(1);
  });

  it('a BigInt beyond 2^53 written raw reads back exactly through the client', async () => {
    await f.db.$executeRaw(...f.q`UPDATE "Person" SET "big" = ${9007199254740993n} WHERE "email" = ${'bob@x.io'}`);
    expect((await f.db.m('person').findUnique({ where: { email: 'bob@x.io' } })).big).toBe(9007199254740993n);
  });
});

describe('raw results', () => {
  it('an integer beyond 2^53 read by $queryRaw keeps its exact value', async () => {
    await f.db.m('person').update({ where: { email: 'cid@x.io' }, data: { big: 2n ** 63n - 1n } });
    const [row] = (await f.db.$queryRaw(...f.q`SELECT "big" FROM "Person" WHERE "email" = ${'cid@x.io'}`)) as { big: unknown }[];
    expect(typeof row!.big === 'bigint' || typeof row!.big === 'string').toBe(true);
    expect(BigInt(row!.big as bigint)).toBe(2n ** 63n - 1n);
    await f.db.m('person').update({ where: { email: 'cid@x.io' }, data: { big: 0 } });
  });
});

describe('$queryRawUnsafe / $executeRawUnsafe', () => {
  it('? placeholders take the values in order', async () => {
    // `IS NOT ?` is SQLite's null-safe comparison; the others spell it differently.
    const isNot = byProvider({ sqlite: '"name" IS NOT ?', postgresql: '"name" IS DISTINCT FROM ?', mysql: 'NOT ("name" <=> ?)' });
    const rows = await f.db.$queryRawUnsafe(f.sql(`SELECT "email" FROM "Person" WHERE "age" > ? AND ${isNot} ORDER BY "id"`), 35, null);
    expect(rows).toEqual([{ email: 'bob@x.io' }]);
  });

  it('hostile values stay values', async () => {
    for (const s of HOSTILE) expect(await f.db.$queryRawUnsafe(f.sql('SELECT ? AS "v"'), s)).toEqual([{ v: s }]);
    expect(await f.db.m('person').count()).toBe(3);
  });

  it('$executeRawUnsafe resolves to the number of rows changed', async () => {
    expect(await f.db.$executeRawUnsafe(f.sql('UPDATE "Person" SET "name" = ? WHERE "name" IS NULL'), 'Cid')).toBe(1);
    expect(await f.db.$executeRawUnsafe(f.sql('UPDATE "Person" SET "name" = NULL WHERE "name" = ?'), 'Cid')).toBe(1);
  });
});

describe('raw errors and logging', () => {
  it('a syntax error is a KilnError with code P2010', async () => {
    const e = await rejectionOf(f.db.$queryRawUnsafe('SELEC nonsense'));
    expect(e).toBeInstanceOf(KilnError);
    expect(e.code).toBe('P2010');
  });

  it('a unique violation in raw SQL is P2002 naming the model and field', async () => {
    const e = await rejectionOf(f.db.$executeRaw(...f.q`INSERT INTO "Person" ("email") VALUES (${'ann@x.io'})`));
    expect(e).toBeInstanceOf(KilnUniqueConstraintError);
    expect(e.model).toBe('Person');
    expect(e.fields).toEqual(['email']);
  });

  it("$on('query') receives each statement with its parameters", async () => {
    const g = await dbFixture(SCHEMA);
    try {
      const events: { query: string; params: string; duration: number }[] = [];
      g.db.$on('query', (e: { query: string; params: string; duration: number }) => events.push(e));
      await g.db.m('person').findMany({ where: { email: 'x@y.z' } });
      await g.db.$executeRaw(...g.q`DELETE FROM "Person" WHERE "age" = ${77}`);
      expect(events).toHaveLength(2);
      expect(events[0]!.query).toMatch(/^SELECT /);
      expect(JSON.parse(events[0]!.params)).toEqual(['x@y.z']);
      expect(events[1]!.query).toBe(g.sql('DELETE FROM "Person" WHERE "age" = ?'));
      expect(JSON.parse(events[1]!.params)).toEqual([77]);
      expect(typeof events[1]!.duration).toBe('number');
    } finally {
      await g.close();
    }
  });
});
