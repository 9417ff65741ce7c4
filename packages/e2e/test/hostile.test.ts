// Hostile strings round-trip unchanged through create, find, where (equals, contains), update
// and raw queries; hostile names in argument keys and words are refused, never spliced into SQL.
import { KilnValidationError } from '@kiln/runtime';
import { rejectionOf } from './helpers/expect-error.js';
import { sqliteSchema } from './helpers/inline-schema.js';
import { byProvider, dbFixture, provider, type DbFixture } from './helpers/db.js';

// String is VARCHAR(191) on MySQL (as Prisma creates it): the 1 MB body needs LONGTEXT there.
const SCHEMA = sqliteSchema(`
model Note {
  id    Int     @id @default(autoincrement())
  body  String${provider === 'mysql' ? ' @db.LongText' : ''}
  label String?
}
`);

const HOSTILE: [string, string][] = [
  ['a single quote', "'"],
  ['two single quotes', "''"],
  ['a double quote', '"'],
  ['a backtick', '`'],
  ['a backslash', '\\'],
  ['backslash quote', "\\'"],
  ['a DROP TABLE injection', `'; DROP TABLE "Note"; --`],
  ['an OR injection', `" OR ""="`],
  ['a comment opener', '/* x'],
  ['a NUL character', '\0'],
  ['text around a NUL', 'a\0b'],
  ['a trailing NUL', 'end\0'],
  ['an emoji ZWJ sequence', '👩‍👩‍👧‍👦'],
  ['a combining accent', 'e\u0301'],
  ['the precomposed accent', '\u00e9'],
  ['a right-to-left override', 'abc\u202Edef'],
  ['the last code point', '\u{10FFFF}'],
  ['line breaks and tabs', 'a\r\nb\tc\n'],
  ['LIKE wildcards', '%_!'],
  ['placeholders', '? $1 :name @p'],
  ['the word NULL', 'NULL'],
  ['only spaces', '   '],
];

// PostgreSQL text cannot hold NUL (U+0000) at all: those strings are refused with a validation
// error naming the field (tested below), and the others must round-trip.
const STORED = provider === 'postgresql' ? HOSTILE.filter(([, s]) => !s.includes('\0')) : HOSTILE;
/** MySQL compares strings by the column's collation, not byte for byte. */
const collated = provider === 'mysql';

let f: DbFixture;
const idOf = new Map<string, number>();
beforeAll(async () => {
  f = await dbFixture(SCHEMA);
  for (const [, s] of STORED) idOf.set(s, (await f.db.m('note').create({ data: { body: s, label: s } })).id);
});
afterAll(() => f.close());

const note = () => f.db.m('note');

describe.each(STORED)('%s', (_name, s) => {
  it('create returns it and findUnique reads it back unchanged', async () => {
    const id = idOf.get(s)!;
    const row = await note().findUnique({ where: { id } });
    expect(row).toEqual({ id, body: s, label: s });
  });

  it('where equals finds exactly its row', async () => {
    const rows = await note().findMany({ where: { body: s }, select: { id: true } });
    if (collated) {
      // MySQL compares by the column's collation (utf8mb4_unicode_ci): a combining accent equals
      // its precomposed form, NUL is ignorable and trailing spaces do not count, so equal strings
      // under the collation match too.
      expect(rows).toContainEqual({ id: idOf.get(s) });
      return;
    }
    expect(rows).toEqual([{ id: idOf.get(s) }]);
  });

  it('contains finds its row, and only rows that really contain it', async () => {
    if (s.includes('\0') && provider === 'sqlite') {
      // SQLite's LIKE stops reading a pattern at NUL: the search is refused, not answered wrongly.
      // (MySQL's strings are length-counted: NUL is an ordinary character there.)
      await expect(note().findMany({ where: { body: { contains: s } } })).rejects.toMatchObject({ code: 'P2009', path: 'where.body.contains' });
      return;
    }
    const rows = await note().findMany({ where: { body: { contains: s } }, select: { id: true, body: true } });
    expect(rows.map((r: { id: number }) => r.id)).toContain(idOf.get(s));
    // (On MySQL, LIKE matches by the collation too.)
    if (!collated) for (const r of rows) expect((r as { body: string }).body.includes(s)).toBe(true);
  });

  it('raw queries bind it and return it unchanged', async () => {
    const id = idOf.get(s)!;
    expect(await f.db.$queryRaw(...f.q`SELECT "body" FROM "Note" WHERE "id" = ${id}`)).toEqual([{ body: s }]);
    if (collated) {
      expect(await f.db.$queryRaw(...f.q`SELECT "id" FROM "Note" WHERE "body" = ${s}`)).toContainEqual({ id });
      expect(await f.db.$queryRawUnsafe(f.sql('SELECT "id" FROM "Note" WHERE "label" = ?'), s)).toContainEqual({ id });
      return;
    }
    expect(await f.db.$queryRaw(...f.q`SELECT "id" FROM "Note" WHERE "body" = ${s}`)).toEqual([{ id }]);
    expect(await f.db.$queryRawUnsafe(f.sql('SELECT "id" FROM "Note" WHERE "label" = ?'), s)).toEqual([{ id }]);
  });

  it('update writes it unchanged', async () => {
    const id = idOf.get(s)!;
    const u = await note().update({ where: { id }, data: { label: `[${s}]` } });
    expect(u.label).toBe(`[${s}]`);
    expect((await note().findUnique({ where: { id } })).label).toBe(`[${s}]`);
  });
});

if (provider === 'postgresql') {
  describe('NUL on PostgreSQL', () => {
    it('a string holding NUL is refused as a value, in data and in filters, naming the argument', async () => {
      for (const [call, path] of [
        [note().create({ data: { body: 'a\0b' } }), 'data.body'],
        [note().findMany({ where: { body: 'a\0b' } }), 'where.body'],
        [note().findMany({ where: { body: { contains: '\0' } } }), 'where.body.contains'],
      ] as const) {
        const e = await rejectionOf(call);
        expect(e).toBeInstanceOf(KilnValidationError);
        expect(e.path).toBe(path);
        expect(e.message).toMatch(/NUL/);
      }
    });
  });
}

describe('the table is intact', () => {
  it('every row is still there', async () => {
    expect(await note().count()).toBe(STORED.length);
  });

  it('a combining accent and its precomposed form are different strings (equal under MySQL’s collation)', async () => {
    expect(await note().count({ where: { body: 'e\u0301' } })).toBe(collated ? 2 : 1);
    expect(await note().count({ where: { body: '\u00e9' } })).toBe(collated ? 2 : 1);
  });
});

describe('a 1 MB string', () => {
  const big = 'x'.repeat(1024 * 1024 - 8) + "'\";--🙂";
  let id: number;

  it('round-trips through create and findUnique', async () => {
    id = (await note().create({ data: { body: big } })).id;
    const row = await note().findUnique({ where: { id } });
    expect(row.body.length).toBe(big.length);
    expect(row.body === big).toBe(true);
  });

  it('is found by equals and by contains of its tail', async () => {
    expect(await note().findMany({ where: { body: big }, select: { id: true } })).toEqual([{ id }]);
    expect(await note().findMany({ where: { body: { endsWith: "'\";--🙂" } }, select: { id: true } })).toEqual([{ id }]);
  });

  it('is bound whole by raw queries', async () => {
    // Characters, not bytes (MySQL's LENGTH counts bytes); the comparison is a boolean on PostgreSQL.
    const rows = (await (provider === 'mysql'
      ? f.db.$queryRaw`SELECT CHAR_LENGTH(body) AS n, body = ${big} AS same FROM Note WHERE id = ${id}`
      : f.db.$queryRaw`SELECT length("body") AS n, "body" = ${big} AS same FROM "Note" WHERE "id" = ${id}`)) as { n: number; same: unknown }[];
    expect(rows).toEqual([{ n: big.length - 1, same: byProvider<unknown>({ sqlite: 1, postgresql: true, mysql: 1 }) }]);
  });
});

describe('hostile text where Kiln expects names or words', () => {
  const inj = `email" = '' OR 1=1 --`;

  it('as a field name in where, select, orderBy and data', async () => {
    for (const call of [
      note().findMany({ where: { [inj]: 1 } }),
      note().findMany({ select: { [inj]: true } }),
      note().findMany({ orderBy: { [inj]: 'asc' } }),
      note().create({ data: { body: 'b', [inj]: 1 } }),
    ]) {
      const e = await rejectionOf(call);
      expect(e).toBeInstanceOf(KilnValidationError);
      expect(e.path).toContain(inj);
    }
  });

  it('as a sort direction, a nulls order, a mode and a distinct field', async () => {
    for (const call of [
      note().findMany({ orderBy: { body: 'asc; DROP TABLE "Note"' } }),
      note().findMany({ orderBy: { label: { sort: 'asc', nulls: 'last; --' } } }),
      note().findMany({ where: { body: { contains: 'a', mode: "insensitive' --" } } }),
      note().findMany({ distinct: [inj] }),
    ]) {
      expect(await rejectionOf(call)).toBeInstanceOf(KilnValidationError);
    }
    expect(await note().count()).toBe(STORED.length + 1);
  });
});
