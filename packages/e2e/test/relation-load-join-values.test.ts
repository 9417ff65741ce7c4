// relationLoadStrategy: 'join' returns values exactly as 'query' does (relation-load-join.test.ts
// runs the calls): every scalar type at its edges, hostile strings and names, every native type
// of the provider, PostgreSQL's scalar lists, a compound key; and servers that cannot build
// relations as JSON fall back to 'query'.
import { sqliteSchema } from './helpers/inline-schema.js';
import { COLUMNS, KEYED } from './helpers/native-columns.js';
import { nativeTypesFixture, type NativeTypesFixture } from './helpers/native-types-db.js';
import { same, strategies, type Case } from './helpers/relation-strategies.js';
import { dbFixture, provider, type DbFixture } from './helpers/db.js';

// ------------------------------------------------- values at the edges, hostile names

// Identifiers with quotes, backticks, spaces and non-ASCII letters: quoted everywhere.
const VALUES = sqliteSchema(`
enum Color {
  RED   @map("r")
  GREEN @map("it's")
  BLUE
}

model Holder {
  id    Int    @id @default(autoincrement()) @map("i\\"d \`x\`")
  name  String @map("na me's")
  items Item[]

  @@map("hol\`der \\"h\\" ü")
}

model Item {
  id       Int       @id @default(autoincrement())
  tag      String?   @map("t\`a\\"g ü")
  dec      Decimal?
  big      BigInt?
  at       DateTime?
  json     Json?
  bytes    Bytes?
  color    Color?
  flag     Boolean?
  fl       Float?
  int      Int?
  holder   Holder    @relation(fields: [holderId], references: [id])
  holderId Int       @map("hol der\`s \\"id\\"")

  @@map("it'em \`x\` \\"y\\"")
}

model Tenant {
  region  String
  code    Int
  name    String
  members Member[]

  @@id([region, code])
}

model Member {
  id           Int    @id @default(autoincrement())
  name         String
  tenantRegion String
  tenantCode   Int
  tenant       Tenant @relation(fields: [tenantRegion, tenantCode], references: [region, code])
}
`);

const HOSTILE = [
  "'",
  "''",
  '"',
  '`',
  '\\',
  "\\'",
  `'; DROP TABLE "Item"; --`,
  '/* x',
  'a\0b',
  '👩‍👩‍👧‍👦',
  'e\u0301',
  '\u00e9',
  'abc\u202Edef',
  '\u{10FFFF}',
  'a\r\nb\tc\n',
  '\u2028\u2029',
  '%_!',
  '? $1 :name @p',
  'NULL',
  '   ',
  '[1, 2]',
  '{"a": 1}',
].filter((v) => provider !== 'postgresql' || !v.includes('\0'));

const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
/** One row per value: each sets one field, the others stay NULL. */
const EDGES: Record<string, unknown>[] = [
  ...HOSTILE.map((tag) => ({ tag })),
  { big: 9223372036854775807n },
  { big: -9223372036854775808n },
  { big: 9007199254740993n },
  { big: 0n },
  { dec: '12345.123456789012345678901234567890' },
  { dec: '-0.000000000000000000000000000001' },
  { dec: '99999999999999999999999999999999999.999999999999999999999999999999' },
  { dec: '19.99' },
  { dec: '0' },
  { at: new Date('2024-02-29T23:59:59.999Z') },
  { at: new Date('1970-01-01T00:00:00.001Z') },
  { at: new Date('1000-01-01T00:00:00.000Z') },
  { at: new Date('9999-12-31T23:59:59.999Z') },
  { json: { text: 'ünïcødé 😀 "quoted" \\ back \u2028', n: 12.5, big: 9007199254740991, nested: { list: [1, 'two', null, true, { deep: [] }] }, empty: {} } },
  { json: 'just a string' },
  { json: '{"looks": "like an object"}' },
  { json: [1, [2, [3]]] },
  { json: 42.25 },
  { json: false },
  { bytes: Buffer.from([0, 255, 1, 2, 128]) },
  { bytes: Buffer.alloc(0) },
  { bytes: allBytes },
  { bytes: Buffer.alloc(100_000, 0xa5) },
  { color: 'RED' },
  { color: 'GREEN' },
  { color: 'BLUE' },
  { flag: true },
  { flag: false },
  { fl: 0.1 + 0.2 },
  { fl: 1.7976931348623157e308 },
  { fl: 2.2250738585072014e-308 },
  { fl: -1 / 3 },
  { fl: 0 },
  { int: 2147483647 },
  { int: -2147483648 },
];

let values: DbFixture;
const v = strategies(() => values.db);
beforeAll(async () => {
  values = await dbFixture(VALUES);
  const holder = await values.db.m('holder').create({ data: { name: "it's \"one\"" } });
  await values.db.m('holder').create({ data: { name: 'empty' } });
  for (const data of EDGES) await values.db.m('item').create({ data: { ...data, holderId: holder.id } });
  await values.db.m('item').create({ data: { holderId: holder.id, tag: 'every field', dec: '-1.5', big: 5n, at: new Date(5), json: { a: [1] }, bytes: Buffer.from('hi'), color: 'BLUE', flag: true, fl: 1.5, int: 7 } });
  await values.db.m('tenant').create({ data: { region: 'eu', code: 1, name: 'EU 1', members: { create: [{ name: 'm1' }, { name: 'm2' }] } } });
  await values.db.m('tenant').create({ data: { region: 'eu', code: 2, name: 'EU 2' } });
  await values.db.m('tenant').create({ data: { region: 'us', code: 1, name: 'US 1', members: { create: [{ name: 'm3' }] } } });
});
afterAll(() => values?.close());

describe('values at the edges come back exactly as with "query"', () => {
  it('every scalar type inside a list relation', async () => {
    const rows = (await same(v, ['', 'holder', 'findMany', { orderBy: { id: 'asc' }, include: { items: { orderBy: { id: 'asc' } } } }])) as any[];
    const items = rows[0].items;
    // Checked against what was written too, not only against 'query'.
    expect(items.slice(0, HOSTILE.length).map((i: { tag: string }) => i.tag)).toEqual(HOSTILE);
    const big = items.filter((i: { big: bigint | null }) => i.big !== null).map((i: { big: bigint }) => i.big);
    expect(big).toEqual([9223372036854775807n, -9223372036854775808n, 9007199254740993n, 0n, 5n]);
    const at = items.filter((i: { at: Date | null }) => i.at !== null).map((i: { at: Date }) => i.at.toISOString());
    expect(at).toEqual(['2024-02-29T23:59:59.999Z', '1970-01-01T00:00:00.001Z', '1000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00.005Z']);
    const dec = items.filter((i: { dec: string | null }) => i.dec !== null).map((i: { dec: string }) => i.dec);
    if (provider !== 'sqlite') expect(dec).toEqual(['12345.12345678901234567890123456789', '-0.000000000000000000000000000001', '99999999999999999999999999999999999.999999999999999999999999999999', '19.99', '0', '-1.5']);
    const bytes = items.filter((i: { bytes: Buffer | null }) => i.bytes !== null).map((i: { bytes: Buffer }) => i.bytes);
    expect(bytes).toEqual([Buffer.from([0, 255, 1, 2, 128]), Buffer.alloc(0), allBytes, Buffer.alloc(100_000, 0xa5), Buffer.from('hi')]);
    expect(Buffer.isBuffer(bytes[0])).toBe(true);
    const json = items.filter((i: { json: unknown }) => i.json !== null).map((i: { json: unknown }) => i.json);
    expect(json).toEqual([EDGES.find((e) => typeof e.json === 'object')!.json, 'just a string', '{"looks": "like an object"}', [1, [2, [3]]], 42.25, false, { a: [1] }]);
    expect(items.filter((i: { fl: number | null }) => i.fl !== null).map((i: { fl: number }) => i.fl)).toEqual([0.1 + 0.2, 1.7976931348623157e308, 2.2250738585072014e-308, -1 / 3, 0, 1.5]);
    expect(items.filter((i: { color: string | null }) => i.color !== null).map((i: { color: string }) => i.color)).toEqual(['RED', 'GREEN', 'BLUE', 'BLUE']);
    expect(items.filter((i: { flag: boolean | null }) => i.flag !== null).map((i: { flag: boolean }) => i.flag)).toEqual([true, false, true]);
    expect(rows[1].items).toEqual([]);
  });

  it('every scalar type inside a to-one relation, and hostile names on both sides', async () => {
    await same(v, ['', 'item', 'findMany', { orderBy: { id: 'asc' }, include: { holder: true } }]);
    await same(v, ['', 'item', 'findMany', { orderBy: { id: 'desc' }, take: 3, skip: 2, select: { tag: true, holder: { select: { name: true, items: { where: { tag: { not: null } }, orderBy: { id: 'asc' }, take: 2, select: { tag: true } } } } } }]);
  });

  it.each(['tag', 'dec', 'big', 'at', 'bytes', 'color', 'flag', 'fl', 'int', 'holderId'])('ordered and paged by %s inside the relation', async (field) => {
    for (const sort of ['asc', 'desc']) {
      await same(v, ['', 'holder', 'findMany', { orderBy: { id: 'asc' }, include: { items: { where: { [field]: { not: null } }, orderBy: [{ [field]: sort }, { id: 'asc' }], select: { id: true, [field]: true } } } }]);
      await same(v, ['', 'holder', 'findMany', { orderBy: { id: 'asc' }, include: { items: { orderBy: [{ [field]: { sort, nulls: 'last' } }, { id: 'desc' }], skip: 3, take: 5, select: { id: true } } } }]);
    }
  });

  it('filters on every type inside the relation, with values bound as parameters', async () => {
    const where = { OR: [{ tag: { in: HOSTILE.slice(0, 8) } }, { big: { gt: 9007199254740992n } }, { dec: { lt: '0' } }, { at: { gte: new Date('9999-01-01T00:00:00Z') } }, { bytes: { equals: Buffer.from([0, 255, 1, 2, 128]) } }, { color: 'GREEN' }] };
    const rows = (await same(v, ['', 'holder', 'findFirst', { orderBy: { id: 'asc' }, include: { items: { where, orderBy: { id: 'asc' }, select: { id: true } } } }])) as { items: unknown[] };
    expect(rows.items.length).toBeGreaterThanOrEqual(8 + 2 + 2 + 1 + 1 + 1);
  });

  it('a relation over a compound key (which "query" does not load yet)', async () => {
    const rows = await v.db().m('tenant').findMany({ relationLoadStrategy: 'join', orderBy: [{ region: 'asc' }, { code: 'asc' }], include: { members: { orderBy: { id: 'asc' }, select: { name: true } } } });
    expect(rows).toEqual([
      { region: 'eu', code: 1, name: 'EU 1', members: [{ name: 'm1' }, { name: 'm2' }] },
      { region: 'eu', code: 2, name: 'EU 2', members: [] },
      { region: 'us', code: 1, name: 'US 1', members: [{ name: 'm3' }] },
    ]);
    const members = await v.db().m('member').findMany({ relationLoadStrategy: 'join', orderBy: { id: 'asc' }, select: { name: true, tenant: { select: { name: true, _count: true } } } });
    expect(members).toEqual([
      { name: 'm1', tenant: { name: 'EU 1', _count: { members: 2 } } },
      { name: 'm2', tenant: { name: 'EU 1', _count: { members: 2 } } },
      { name: 'm3', tenant: { name: 'US 1', _count: { members: 1 } } },
    ]);
  });
});

// ------------------------------------------------------------------------- native types

// Every native type of the provider (helpers/native-columns.ts, as native-types.test.ts writes
// them), inside a list relation and beside a to-one relation; and keys of native types.
const NATIVE = COLUMNS[provider];
const NATIVE_SCHEMA = `datasource db {
  provider = "${provider}"
  url      = "unused"
}

model Box {
  id    Int           @id @default(autoincrement())
  items NativeTypes[]
}

model NativeTypes {
  id    Int  @id @default(autoincrement())
  box   Box? @relation(fields: [boxId], references: [id])
  boxId Int?
${NATIVE.map((c) => `  ${c.field} ${c.type}? ${c.native ?? ''}`).join('\n')}
}
${KEYED[provider]}`;

let native: NativeTypesFixture;
const n = strategies(() => native.db);
beforeAll(async () => {
  native = await nativeTypesFixture(NATIVE_SCHEMA);
  const box = await native.db.m('box').create({ data: {} });
  for (const c of NATIVE) for (const sample of c.samples) await native.db.m('nativeTypes').create({ data: { boxId: box.id, [c.field]: sample.write } });
  if (KEYED[provider]) {
    const keys: unknown[] = provider === 'postgresql' ? [undefined, undefined] : [18446744073709551615n, 9223372036854775808n];
    for (const [i, key] of keys.entries()) await native.db.m('owner').create({ data: { ...(key === undefined ? {} : { id: key }), name: `o${i}`, items: { create: [{}, {}] } } });
  }
}, 60_000);
afterAll(() => native?.close());

describe(`${provider}: native types come back exactly as with "query"`, () => {
  it('every native type inside a list relation', async () => {
    const boxes = (await same(n, ['', 'box', 'findMany', { include: { items: { orderBy: { id: 'asc' } } } }])) as { items: Record<string, unknown>[] }[];
    // And as written (native-types.test.ts checks the same values read directly).
    const items = boxes[0]!.items;
    let at = 0;
    for (const c of NATIVE) {
      for (const sample of c.samples) {
        const want = sample.readOn ? sample.readOn[native.mysqlFlavor!] : sample.read === undefined ? sample.write : sample.read;
        expect({ field: c.field, note: sample.note, value: items[at++]![c.field] }).toEqual({ field: c.field, note: sample.note, value: want });
      }
    }
  });

  it('every native type beside a to-one relation, paged', async () => {
    await same(n, ['', 'nativeTypes', 'findMany', { orderBy: { id: 'desc' }, skip: 1, take: 50, include: { box: { include: { _count: true } } } }]);
  });

  if (KEYED[provider]) it('a relation keyed by a native type', async () => {
    await same(n, ['', 'owner', 'findMany', { orderBy: { name: 'asc' }, include: { items: { orderBy: { id: 'asc' } } } }]);
    await same(n, ['', 'item', 'findMany', { orderBy: { id: 'asc' }, include: { owner: true } }]);
  });
});

// --------------------------------------------------------- PostgreSQL's scalar lists

const LISTS = `datasource db {
  provider = "postgresql"
  url      = "unused"
}

enum Mood {
  HAPPY @map("h'appy")
  SAD
}

model Shelf {
  id    Int    @id @default(autoincrement())
  lists List[]
}

model List {
  id      Int        @id @default(autoincrement())
  shelf   Shelf      @relation(fields: [shelfId], references: [id])
  shelfId Int
  ints    Int[]
  texts   String[]
  bigs    BigInt[]
  decs    Decimal[]
  dates   DateTime[]
  times   DateTime[] @db.Time(3)
  blobs   Bytes[]
  docs    Json[]
  flags   Boolean[]
  floats  Float[]
  moods   Mood[]
}
`;

// Registered only where they apply: CI counts a skipped test as a failure to test.
const postgresOnly: (name: string, body: () => void) => void = provider === 'postgresql' ? describe : () => undefined;
postgresOnly('PostgreSQL scalar lists come back exactly as with "query"', () => {
  let lists: DbFixture;
  const l = strategies(() => lists.db);
  beforeAll(async () => {
    lists = await dbFixture(LISTS);
    const shelf = await lists.db.m('shelf').create({ data: {} });
    await lists.db.m('list').create({
      data: {
        shelfId: shelf.id,
        ints: [1, -2147483648, 2147483647],
        texts: ['a', '', 'q"u\'o`te \\ ü 😀', 'NULL', '{1,2}'],
        bigs: [9223372036854775807n, -9223372036854775808n, 0n],
        decs: ['12345.123456789012345678901234567890', '-0.5', '0'],
        dates: [new Date('2024-02-29T23:59:59.999Z'), new Date('1970-01-01T00:00:00.001Z')],
        times: [new Date('1970-01-01T10:11:12.345Z')],
        blobs: [Buffer.from([0, 255, 92, 120]), Buffer.alloc(0)],
        docs: [{ a: [1, 'x'] }, 'text', 42, [null]],
        flags: [true, false],
        floats: [0.1 + 0.2, 1.7976931348623157e308, -1 / 3],
        moods: ['HAPPY', 'SAD'],
      },
    });
    await lists.db.m('list').create({ data: { shelfId: shelf.id, ints: [], texts: [], bigs: [], decs: [], dates: [], times: [], blobs: [], docs: [], flags: [], floats: [], moods: [] } });
  });
  afterAll(() => lists?.close());

  // Both strategies return exactly the values written, Decimal[] and enum lists included.
  const without = (rows: Record<string, unknown>[]) => rows;

  it('every list type inside a relation, also empty', async () => {
    const { query, join, statements } = await l.both('shelf', 'findMany', { include: { lists: { orderBy: { id: 'asc' } } } });
    expect(statements).toHaveLength(1);
    expect(join.map((s: { lists: Record<string, unknown>[] }) => without(s.lists))).toStrictEqual(query.map((s: { lists: Record<string, unknown>[] }) => without(s.lists)));
    const [first, empty] = join[0].lists;
    expect(first.bigs).toEqual([9223372036854775807n, -9223372036854775808n, 0n]);
    expect(first.decs).toEqual(['12345.12345678901234567890123456789', '-0.5', '0']);
    expect(query[0].lists[0].decs).toEqual(['12345.12345678901234567890123456789', '-0.5', '0']);
    expect(query[0].lists[0].moods).toEqual(['HAPPY', 'SAD']);
    expect(first.blobs).toEqual([Buffer.from([0, 255, 92, 120]), Buffer.alloc(0)]);
    expect(first.moods).toEqual(['HAPPY', 'SAD']);
    expect(first.times).toEqual([new Date('1970-01-01T10:11:12.345Z')]);
    expect(first.texts).toEqual(['a', '', 'q"u\'o`te \\ ü 😀', 'NULL', '{1,2}']);
    expect(empty).toMatchObject({ ints: [], decs: [], moods: [], blobs: [] });
  });

  it('beside a to-one relation', async () => {
    const { query, join, statements } = await l.both('list', 'findMany', { orderBy: { id: 'asc' }, include: { shelf: { include: { lists: { select: { id: true, ints: true, bigs: true } } } } } });
    expect(statements).toHaveLength(1);
    expect(join).toStrictEqual(query);
  });
});

// ------------------------------------------------------------------ fallback by server

describe('servers that cannot', () => {
  const mysqlOnly: (name: string, body: () => Promise<void>, timeout?: number) => void = provider === 'mysql' ? it : () => undefined;

  mysqlOnly('MariaDB before 10.5 (no JSON_ARRAYAGG) loads relations by query, and says so', async () => {
    const old = values.client({ serverVersion: '10.4.32-MariaDB' });
    const sent: string[] = [];
    const info: string[] = [];
    old.$on('query', (e: { query: string }) => sent.push(e.query));
    old.$on('info', (e: { message: string }) => info.push(e.message));
    try {
      const args = { orderBy: { id: 'asc' }, include: { items: { orderBy: { id: 'asc' }, take: 3, include: { holder: { select: { name: true } } } } } };
      const join = await old.m('holder').findMany({ ...args, relationLoadStrategy: 'join' });
      expect(sent).toHaveLength(3);
      expect(sent.join('\n')).not.toMatch(/JSON_ARRAYAGG/);
      expect(info).toEqual(["Holder.findMany: relationLoadStrategy 'join' falls back to 'query': MariaDB before 10.5 has no JSON_ARRAYAGG"]);
      expect(join).toStrictEqual(await values.db.m('holder').findMany(args));
      expect(join[0].items).toHaveLength(3);
    } finally {
      await old.$disconnect();
    }
  });

  mysqlOnly('an order MySQL cannot sort in memory (a Json field) loads relations by query there', async () => {
    const c: Case = ['', 'holder', 'findMany', { orderBy: { id: 'asc' }, include: { items: { where: { json: { not: null } }, orderBy: [{ json: 'asc' }, { id: 'asc' }], select: { id: true } } } }];
    const { query, join, statements } = await v.both(c[1], c[2], c[3]);
    expect(join).toStrictEqual(query);
    const mysql8 = !!process.env.KILN_TEST_MYSQL_SERVER_VERSION;
    expect(statements).toHaveLength(mysql8 ? 2 : 1);
    if (mysql8) expect(v.info.at(-1)).toMatch(/falls back to 'query': Item cannot be sorted in memory by json/);
  });
});
