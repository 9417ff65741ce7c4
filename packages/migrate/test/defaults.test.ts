import type { Provider } from '@kiln/schema';
import { applyPlan, planFromEmpty, renderChanges, type DatabaseConnection } from '../src/index.js';
import { readCatalog } from './helpers/catalog.js';
import { availableProviders, withTestDatabase } from './helpers/databases.js';
import { datasource, irOf } from './helpers/examples.js';
import { DB_TIMEOUT } from './helpers/apply-examples.js';

/*
 * Defaults are the one place DDL holds literals. Each is applied to a real database, a row is
 * inserted with every column defaulted, and the stored values are read back: a literal that was
 * escaped wrongly either fails to apply or comes back different.
 */

const providers = await availableProviders();

/** `it's "quoted" \ back\slash`, written with the schema language's escapes. */
const TRICKY = String.raw`it's "quoted" \ back\slash -- /* not a comment */`;
const schemaString = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

const schema = (provider: Provider) => `${datasource(provider)}
enum Mood {
  HAPPY
  SAD   @map("so sad 'really'")
}

model Defaults {
  id      Int      @id @default(autoincrement())
  tricky  String   @default(${schemaString(TRICKY)})
  unicode String   @default("żółć ✓ 🚀")
  empty   String   @default("")
  int     Int      @default(-42)
  big     BigInt   @default(9007199254740993)
  float   Float    @default(-1.5)
  dec     Decimal  @default(12.345)
  flag    Boolean  @default(true)
  off     Boolean  @default(false)
  mood    Mood     @default(SAD)
  at      DateTime @default("2024-03-01T14:34:56.789+02:00")
  now     DateTime @default(now())
  json    Json     @default(${schemaString(`{"a": [1, "x'y"], "b": "back\\\\slash"}`)})
  bytes   Bytes    @default("aGVsbG8=")
  maybe   String?
}
`;

/** A SELECT of every column, with the values whose driver mapping differs cast to text. */
function selectRow(provider: Provider): string {
  const q = provider === 'mysql' ? (n: string) => `\`${n}\`` : (n: string) => `"${n}"`;
  const text = (n: string) => (provider === 'mysql' ? `CAST(${q(n)} AS CHAR)` : `CAST(${q(n)} AS TEXT)`);
  return `SELECT ${['tricky', 'unicode', 'empty', 'int', 'float', 'flag', 'off', 'mood', 'json', 'bytes', 'maybe', 'now'].map(q).join(', ')},
    ${text('big')} AS ${q('big')}, ${text('dec')} AS ${q('dec')}, ${text('at')} AS ${q('at')} FROM ${q('Defaults')}`;
}

async function insertDefaults(provider: Provider, c: DatabaseConnection): Promise<Record<string, unknown>> {
  await c.execute(provider === 'mysql' ? 'INSERT INTO `Defaults` () VALUES ()' : 'INSERT INTO "Defaults" DEFAULT VALUES');
  const [row] = await c.query(selectRow(provider));
  if (row === undefined) throw new Error('no row');
  return row;
}

/** `2024-03-01 12:34:56.789` (a UTC wall time) or an ISO string, as milliseconds. */
const instant = (v: unknown): number => {
  const s = String(v).replace(' ', 'T');
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
};

(providers.length > 0 ? describe.each(providers) : describe.skip.each(['none']))('column defaults on %s', (provider) => {
  test(
    'every literal default applies and reads back unchanged',
    async () => {
      const rendered = renderChanges(planFromEmpty(irOf(schema(provider as Provider))), provider as Provider);
      await withTestDatabase(provider as Provider, async (db) => {
        await applyPlan(db.connection, rendered);
        const row = await insertDefaults(provider as Provider, db.connection);
        expect(row.tricky).toBe(TRICKY);
        expect(row.unicode).toBe('żółć ✓ 🚀');
        expect(row.empty).toBe('');
        expect(Number(row.int)).toBe(-42);
        expect(row.big).toBe('9007199254740993');
        expect(Number(row.float)).toBe(-1.5);
        expect(Number(row.dec)).toBe(12.345);
        expect(Number(row.flag)).toBe(1);
        expect(Number(row.off)).toBe(0);
        expect(row.mood).toBe("so sad 'really'");
        expect(instant(row.at)).toBe(Date.parse('2024-03-01T12:34:56.789Z'));
        expect(row.now).not.toBeNull();
        expect(typeof row.json === 'string' ? JSON.parse(row.json) : row.json).toEqual({ a: [1, "x'y"], b: 'back\\slash' });
        expect(Buffer.from(row.bytes as Uint8Array).toString()).toBe('hello');
        expect(row.maybe).toBeNull();
      });
    },
    DB_TIMEOUT,
  );

  test(
    'client-side defaults (uuid, cuid, @updatedAt) leave the column without a database default',
    async () => {
      const ir = irOf(`${datasource(provider as Provider)}
model Client {
  id        String   @id @default(uuid())
  slug      String   @default(cuid())
  updatedAt DateTime @updatedAt
}
`);
      await withTestDatabase(provider as Provider, async (db) => {
        await applyPlan(db.connection, renderChanges(planFromEmpty(ir), provider as Provider));
        const [t] = (await readCatalog(provider as Provider, db.connection)).tables;
        expect(t?.columns.map((c) => [c.name, c.default])).toEqual([
          ['id', null],
          ['slug', null],
          ['updatedAt', null],
        ]);
      });
    },
    DB_TIMEOUT,
  );
});

const postgres = providers.includes('postgresql');
(postgres ? describe : describe.skip)('PostgreSQL-only defaults', () => {
  test(
    'scalar lists, native types with now(), dbgenerated expressions',
    async () => {
      const ir = irOf(`${datasource('postgresql')}
model Pg {
  id      String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  tags    String[] @default(["a", "it's"])
  none    Int[]    @default([])
  at      DateTime @default(now()) @db.Timestamptz(6)
  day     DateTime @default(now()) @db.Date
  price   Decimal  @default(9.99) @db.Decimal(10, 2)
  doc     Json     @default("[]") @db.Json
}
`);
      await withTestDatabase('postgresql', async (db) => {
        await applyPlan(db.connection, renderChanges(planFromEmpty(ir), 'postgresql'));
        await db.connection.execute('INSERT INTO "Pg" DEFAULT VALUES');
        const [row] = await db.connection.query('SELECT id::text AS id, tags, none, at, day::text AS day, price::text AS price, doc FROM "Pg"');
        expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(row?.tags).toEqual(['a', "it's"]);
        expect(row?.none).toEqual([]);
        expect(row?.at).toBeInstanceOf(Date);
        expect(row?.day).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(row?.price).toBe('9.99');
        expect(row?.doc).toEqual([]);
      });
    },
    DB_TIMEOUT,
  );
});

const mysql = providers.includes('mysql');
(mysql ? describe : describe.skip)('MySQL-only defaults', () => {
  test(
    'now() matches the column precision; TEXT, BLOB and JSON literals are written as expressions',
    async () => {
      const ir = irOf(`${datasource('mysql')}
model My {
  id     Int      @id @default(autoincrement())
  at0    DateTime @default(now()) @db.DateTime
  at6    DateTime @default(now()) @db.DateTime(6)
  ts     DateTime @default(now()) @db.Timestamp(3)
  day    DateTime @default(now()) @db.Date
  body   String   @default("it's long") @db.Text
  blob   Bytes    @default("AAE=") @db.Blob
  doc    Json     @default("{}")
  small  Int      @default(7) @db.UnsignedSmallInt
  bit    Boolean  @default(true) @db.Bit(1)
}
`);
      await withTestDatabase('mysql', async (db) => {
        await applyPlan(db.connection, renderChanges(planFromEmpty(ir), 'mysql'));
        await db.connection.execute('INSERT INTO `My` () VALUES ()');
        const [row] = await db.connection.query(
          'SELECT CAST(`at0` AS CHAR) AS `at0`, CAST(`at6` AS CHAR) AS `at6`, CAST(`ts` AS CHAR) AS `ts`, CAST(`day` AS CHAR) AS `day`, `body`, `blob`, `doc`, `small`, `bit` + 0 AS `bit` FROM `My`',
        );
        expect(row?.at0).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
        expect(row?.at6).toMatch(/\.\d{6}$/);
        expect(row?.ts).toMatch(/\.\d{3}$/);
        expect(row?.day).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(row?.body).toBe("it's long");
        expect([...Buffer.from(row?.blob as Uint8Array)]).toEqual([0, 1]);
        expect(typeof row?.doc === 'string' ? JSON.parse(row.doc) : row?.doc).toEqual({});
        expect(Number(row?.small)).toBe(7);
        expect(Number(row?.bit)).toBe(1);
      });
    },
    DB_TIMEOUT,
  );
});
