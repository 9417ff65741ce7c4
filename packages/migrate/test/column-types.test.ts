import type { Provider } from '@kiln/schema';
import { applyPlan, planFromEmpty, renderChanges, type DatabaseConnection } from '../src/index.js';
import { readCatalog } from './helpers/catalog.js';
import { availableProviders, withTestDatabase } from './helpers/databases.js';
import { datasource, irOf } from './helpers/examples.js';
import { DB_TIMEOUT } from './helpers/apply-examples.js';

/*
 * The column types as the database reports them: each scalar's default follows Prisma
 * Migrate's type mapping, and a native type (@db.X) overrides it. MySQL and MariaDB report
 * integer display widths differently (int vs int(11)) and MariaDB's JSON is LONGTEXT, so those
 * expectations allow both.
 */

const providers = await availableProviders();

const SCALARS = `
model Scalars {
  id  Int      @id @default(autoincrement())
  s   String
  b   Boolean
  i   Int
  bi  BigInt
  f   Float
  d   Decimal
  dt  DateTime
  j   Json
  by  Bytes
}

model BigId {
  id BigInt @id @default(autoincrement())
}
`;

const DEFAULT_TYPES: Record<Provider, Record<string, RegExp>> = {
  postgresql: {
    id: /^integer$/,
    s: /^text$/,
    b: /^boolean$/,
    i: /^integer$/,
    bi: /^bigint$/,
    f: /^double precision$/,
    d: /^numeric\(65,30\)$/,
    dt: /^timestamp\(3\) without time zone$/,
    j: /^jsonb$/,
    by: /^bytea$/,
  },
  mysql: {
    id: /^int(\(11\))?$/,
    s: /^varchar\(191\)$/,
    b: /^tinyint\(1\)$/,
    i: /^int(\(11\))?$/,
    bi: /^bigint(\(20\))?$/,
    f: /^double$/,
    d: /^decimal\(65,30\)$/,
    dt: /^datetime\(3\)$/,
    j: /^(json|longtext)$/,
    by: /^longblob$/,
  },
  sqlite: {
    id: /^INTEGER$/,
    s: /^TEXT$/,
    b: /^BOOLEAN$/,
    i: /^INTEGER$/,
    bi: /^BIGINT$/,
    f: /^REAL$/,
    d: /^DECIMAL$/,
    dt: /^DATETIME$/,
    j: /^JSONB$/,
    by: /^BLOB$/,
  },
};

const NATIVE: Partial<Record<Provider, { schema: string; types: Record<string, RegExp> }>> = {
  postgresql: {
    schema: `
model Natives {
  id     Int      @id @default(autoincrement()) @db.SmallInt
  vc     String   @db.VarChar(255)
  ch     String   @db.Char(3)
  txt    String   @db.Text
  uuid   String   @db.Uuid
  xml    String   @db.Xml
  inet   String   @db.Inet
  bit    String   @db.Bit(8)
  vbit   String   @db.VarBit
  int4   Int      @db.Integer
  oid    Int      @db.Oid
  real   Float    @db.Real
  dec    Decimal  @db.Decimal(10, 2)
  money  Decimal  @db.Money
  tstz   DateTime @db.Timestamptz(6)
  ts     DateTime @db.Timestamp
  day    DateTime @db.Date
  time   DateTime @db.Time(3)
  timetz DateTime @db.Timetz
  json   Json     @db.Json
  jsonb  Json     @db.JsonB
  bytes  Bytes    @db.ByteA
  list   Int[]
  circle Unsupported("circle")?
}
`,
    types: {
      id: /^smallint$/,
      vc: /^character varying\(255\)$/,
      ch: /^character\(3\)$/,
      txt: /^text$/,
      uuid: /^uuid$/,
      xml: /^xml$/,
      inet: /^inet$/,
      bit: /^bit\(8\)$/,
      vbit: /^bit varying$/,
      int4: /^integer$/,
      oid: /^oid$/,
      real: /^real$/,
      dec: /^numeric\(10,2\)$/,
      money: /^money$/,
      tstz: /^timestamp\(6\) with time zone$/,
      ts: /^timestamp without time zone$/,
      day: /^date$/,
      time: /^time\(3\) without time zone$/,
      timetz: /^time with time zone$/,
      json: /^json$/,
      jsonb: /^jsonb$/,
      bytes: /^bytea$/,
      list: /^integer\[\]$/,
      circle: /^circle$/,
    },
  },
  mysql: {
    schema: `
model Natives {
  id     Int      @id @default(autoincrement()) @db.UnsignedInt
  vc     String   @db.VarChar(255)
  ch     String   @db.Char(2)
  tiny   String   @db.TinyText
  med    String   @db.MediumText
  long   String   @db.LongText
  txt    String   @db.Text
  flag   Boolean  @db.TinyInt
  bit    Boolean  @db.Bit(1)
  ti     Int      @db.TinyInt
  uti    Int      @db.UnsignedTinyInt
  si     Int      @db.SmallInt
  mi     Int      @db.MediumInt
  year   Int      @db.Year
  ubi    BigInt   @db.UnsignedBigInt
  dbl    Float    @db.Double
  flt    Float    @db.Float
  dec    Decimal  @db.Decimal(10, 2)
  dt     DateTime @db.DateTime(6)
  ts     DateTime @db.Timestamp(3)
  day    DateTime @db.Date
  time   DateTime @db.Time(2)
  bin    Bytes    @db.Binary(16)
  vbin   Bytes    @db.VarBinary(100)
  blob   Bytes    @db.Blob
  mblob  Bytes    @db.MediumBlob
  json   Json     @db.Json
}
`,
    types: {
      id: /^int(\(10\))? unsigned$/,
      vc: /^varchar\(255\)$/,
      ch: /^char\(2\)$/,
      tiny: /^tinytext$/,
      med: /^mediumtext$/,
      long: /^longtext$/,
      txt: /^text$/,
      flag: /^tinyint\(1\)$/,
      bit: /^bit\(1\)$/,
      ti: /^tinyint(\(4\))?$/,
      uti: /^tinyint(\(3\))? unsigned$/,
      si: /^smallint(\(6\))?$/,
      mi: /^mediumint(\(9\))?$/,
      year: /^year(\(4\))?$/,
      ubi: /^bigint(\(20\))? unsigned$/,
      dbl: /^double$/,
      flt: /^float$/,
      dec: /^decimal\(10,2\)$/,
      dt: /^datetime\(6\)$/,
      ts: /^timestamp\(3\)$/,
      day: /^date$/,
      time: /^time\(2\)$/,
      bin: /^binary\(16\)$/,
      vbin: /^varbinary\(100\)$/,
      blob: /^blob$/,
      mblob: /^mediumblob$/,
      json: /^(json|longtext)$/,
    },
  },
};

async function columnTypes(
  provider: Provider,
  schema: string,
  table: string,
  also: (c: DatabaseConnection) => Promise<void> = async () => undefined,
): Promise<Record<string, string>> {
  const ir = irOf(`${datasource(provider)}${schema}`);
  return withTestDatabase(provider, async (db) => {
    await applyPlan(db.connection, renderChanges(planFromEmpty(ir), provider));
    await also(db.connection);
    const t = (await readCatalog(provider, db.connection)).tables.find((x) => x.name === table);
    return Object.fromEntries((t?.columns ?? []).map((c) => [c.name, c.type]));
  });
}

function expectTypes(actual: Record<string, string>, expected: Record<string, RegExp>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [column, pattern] of Object.entries(expected)) {
    expect(`${column}: ${actual[column]}`).toMatch(new RegExp(`^${column}: ${pattern.source.slice(1)}`));
  }
}

(providers.length > 0 ? describe.each(providers) : describe.skip.each(['none']))('column types on %s', (provider) => {
  test(
    "each scalar gets Prisma Migrate's default type",
    async () => {
      expectTypes(await columnTypes(provider as Provider, SCALARS, 'Scalars'), DEFAULT_TYPES[provider as Provider]);
    },
    DB_TIMEOUT,
  );

  test(
    'a BigInt autoincrement id is a 64-bit auto-incrementing key',
    async () => {
      const types = await columnTypes(provider as Provider, SCALARS, 'BigId', async (c) => {
        const insert = provider === 'mysql' ? 'INSERT INTO `BigId` () VALUES ()' : 'INSERT INTO "BigId" DEFAULT VALUES';
        await c.execute(insert);
        await c.execute(insert);
        const rows = await c.query(provider === 'mysql' ? 'SELECT id FROM `BigId` ORDER BY id' : 'SELECT id FROM "BigId" ORDER BY id');
        expect(rows.map((r) => Number(r.id))).toEqual([1, 2]);
      });
      expect(types.id).toMatch({ postgresql: /^bigint$/, mysql: /^bigint(\(20\))?$/, sqlite: /^INTEGER$/ }[provider as Provider]);
    },
    DB_TIMEOUT,
  );

  // SQLite has no native types: the analyzer rejects @db.X there.
  const native = NATIVE[provider as Provider];
  if (native !== undefined) {
    test(
      'native types (@db.X) override the defaults',
      async () => {
        expectTypes(await columnTypes(provider as Provider, native.schema, 'Natives'), native.types);
      },
      DB_TIMEOUT,
    );
  }
});
