import { randomBytes } from 'node:crypto';
import { databaseSchemaFromIr, inspectDatabase, type Column, type DatabaseSchema, type SchemaTable } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable, withTestDatabase } from '../helpers/databases.js';
import { datasource, irOf } from '../helpers/examples.js';
import { expectSameSchema, withAppliedSchema } from './helpers/inspect-examples.js';

/*
 * PostgreSQL introspection beyond the examples: every native type, arrays and their defaults,
 * index methods, operator classes, sort orders and predicates, schemas, and what only SQL can
 * create (identity columns, unique constraints, expression indexes, domains, views).
 */

const available = await serverAvailable('postgresql');
const d = available ? describe : describe.skip;

const table = (schema: DatabaseSchema, name: string): SchemaTable => {
  const t = schema.tables.find((x) => x.table.name.name === name);
  if (t === undefined) throw new Error(`no table ${name}`);
  return t;
};
const column = (t: SchemaTable, name: string): Column => {
  const c = t.table.columns.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no column ${name}`);
  return c;
};

const TYPES = `${datasource('postgresql')}
enum Mood {
  HAPPY
  SAD   @map("so sad")
}

model Typed {
  id       BigInt    @id @default(autoincrement())
  counter  Int       @default(autoincrement()) @db.SmallInt
  vc       String    @db.VarChar(255)
  vcAny    String    @db.VarChar
  ch       String    @db.Char(3)
  uuid     String    @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  xml      String?   @db.Xml
  inet     String?   @db.Inet
  bits     String?   @db.Bit(8)
  varbits  String?   @db.VarBit(8)
  oid      Int?      @db.Oid
  real     Float     @default(-2.5) @db.Real
  dec      Decimal   @default(0.5) @db.Decimal(10, 2)
  decAny   Decimal?  @db.Decimal
  money    Decimal?  @db.Money
  ts6      DateTime  @default(now()) @db.Timestamp(6)
  tsAny    DateTime? @db.Timestamp
  tstz     DateTime  @default("2024-03-01T12:00:00.000Z") @db.Timestamptz(3)
  date     DateTime? @db.Date
  time     DateTime? @db.Time(2)
  timetz   DateTime? @db.Timetz(0)
  json     Json      @default("{}") @db.Json
  jsonb    Json      @default("[1, \\"a\\"]")
  bytes    Bytes     @default("aGk=")
  tags     String[]  @default(["a", "it's"])
  nums     Int[]     @default([])
  moods    Mood[]    @default([HAPPY])
  mood     Mood      @default(SAD)
  circle   Unsupported("circle")?
  search   Unsupported("tsvector")?
  expr     Int       @default(dbgenerated("(1 + 2)"))

  @@unique([vc], where: "mood = 'HAPPY'::\\"Mood\\"", map: "typed_happy_vc")
  @@index([ts6(sort: Desc), vc])
  @@index([jsonb(ops: JsonbPathOps)], type: Gin)
  @@index([vc], type: Hash)
  @@index([ch(ops: raw("bpchar_pattern_ops"))])
  @@check("real > -100")
  @@check("ch IN ('abc', 'def')", name: "typed_ch_in")
  @@check("vc NOT IN ('x', 'y') AND counter IN (1, 2)", name: "typed_vc_not_in")
}
`;

d('PostgreSQL introspection', () => {
  test(
    'native types, arrays, enums, defaults and index options read back as the IR asked for',
    async () => {
      const ir = irOf(TYPES);
      await withAppliedSchema('postgresql', ir, async (db) => {
        const inspected = await inspectDatabase(db.connection, 'postgresql');
        expectSameSchema('postgresql', inspected, databaseSchemaFromIr(ir));
        const t = table(inspected, 'Typed');
        // Prisma's default type for the scalar has no native type: `vc` is VarChar(255), `bytes` plain Bytes.
        expect(column(t, 'vc').type).toEqual({ kind: 'scalar', scalar: 'String', nativeType: { name: 'VarChar', args: ['255'] }, list: false });
        expect(column(t, 'vcAny').type).toEqual({ kind: 'scalar', scalar: 'String', nativeType: { name: 'VarChar', args: [] }, list: false });
        expect(column(t, 'bytes').type).toEqual({ kind: 'scalar', scalar: 'Bytes', nativeType: null, list: false });
        expect(column(t, 'dec').type).toEqual({ kind: 'scalar', scalar: 'Decimal', nativeType: { name: 'Decimal', args: ['10', '2'] }, list: false });
        expect(column(t, 'moods').type).toEqual({ kind: 'enum', enum: { schema: null, name: 'Mood' }, values: ['HAPPY', 'so sad'], list: true });
        expect(column(t, 'circle').type).toEqual({ kind: 'unsupported', sql: 'circle', list: false });
        // Serials: autoincrement, and no nextval() default.
        expect(column(t, 'counter')).toMatchObject({ autoincrement: true, default: null, type: { nativeType: { name: 'SmallInt', args: [] } } });
        expect(column(t, 'tags').default).toEqual({ kind: 'list', values: [{ kind: 'string', value: 'a' }, { kind: 'string', value: "it's" }] });
        expect(column(t, 'nums').default).toEqual({ kind: 'list', values: [] });
        expect(column(t, 'tstz').default).toEqual({ kind: 'dateTime', value: '2024-03-01T12:00:00.000Z' });
        expect(column(t, 'mood').default).toEqual({ kind: 'string', value: 'so sad' });
        expect(column(t, 'uuid').default).toEqual({ kind: 'expression', sql: 'gen_random_uuid()' });
        expect(t.indexes.find((i) => i.name === 'typed_happy_vc')).toMatchObject({ kind: 'unique', where: `mood = 'HAPPY'::"Mood"` });
        expect(t.indexes.find((i) => i.name === 'Typed_jsonb_idx')).toMatchObject({ type: 'Gin', columns: [{ name: 'jsonb', ops: 'jsonb_path_ops' }] });
        expect(t.indexes.find((i) => i.name === 'Typed_ts6_vc_idx')?.columns.map((c) => c.sort)).toEqual(['Desc', null]);
        // PostgreSQL prints IN as = ANY (ARRAY[...]) and -100 as '-100'::integer; both are put back.
        expect(t.table.checks.map((c) => [c.name, c.expression])).toEqual([
          ['Typed_check1', '"real" > (-100)::double precision'],
          ['typed_ch_in', "ch IN ('abc'::bpchar, 'def'::bpchar)"],
          ['typed_vc_not_in', "((vc)::text NOT IN ('x'::character varying, 'y'::character varying)) AND (counter IN (1, 2))"],
        ]);
        expect(inspected.enums).toEqual([{ name: { schema: null, name: 'Mood' }, values: ['HAPPY', 'so sad'], origin: { kind: 'enum', enum: 'Mood' } }]);
      });
    },
    DB_TIMEOUT,
  );

  test(
    'identity columns, unique constraints, domains and views made with SQL; expression indexes are left out',
    async () => {
      await withTestDatabase('postgresql', async (db) => {
        const c = db.connection;
        await c.execute('CREATE DOMAIN "positive" AS integer CHECK (VALUE > 0)');
        await c.execute(`CREATE TABLE "parent" ("id" integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "code" text NOT NULL, "n" "positive", CONSTRAINT "parent_code_uq" UNIQUE ("code"))`);
        await c.execute(`CREATE TABLE "child" ("id" bigint GENERATED ALWAYS AS IDENTITY, "parent_id" integer REFERENCES "parent" ("id") ON DELETE SET DEFAULT ON UPDATE NO ACTION, "note" varchar(20) DEFAULT 'x', PRIMARY KEY ("id"))`);
        await c.execute('CREATE INDEX "child_lower_note" ON "child" (lower("note"))');
        await c.execute('CREATE INDEX "child_note_incl" ON "child" ("note") INCLUDE ("parent_id")');
        await c.execute('CREATE VIEW "codes" AS SELECT "code" FROM "parent"');
        await c.execute('CREATE MATERIALIZED VIEW "codes_m" AS SELECT "code" FROM "parent"');
        const s = await inspectDatabase(c, 'postgresql');
        expect(s.tables.map((t) => t.table.name.name)).toEqual(['child', 'parent']);
        const parent = table(s, 'parent');
        expect(column(parent, 'id')).toMatchObject({ autoincrement: true, default: null, nullable: false });
        expect(column(parent, 'n').type).toEqual({ kind: 'unsupported', sql: 'positive', list: false });
        // A UNIQUE constraint is backed by a unique index of its name.
        expect(parent.indexes).toEqual([{ name: 'parent_code_uq', kind: 'unique', columns: [{ name: 'code', sort: null, length: null, ops: null }], type: null, where: null }]);
        const child = table(s, 'child');
        expect(column(child, 'id')).toMatchObject({ autoincrement: true, type: { scalar: 'BigInt' } });
        expect(column(child, 'note')).toMatchObject({ nullable: true, default: { kind: 'string', value: 'x' } });
        expect(child.indexes.map((i) => [i.name, i.columns.map((x) => x.name)])).toEqual([['child_note_incl', ['note']]]);
        expect(child.foreignKeys).toEqual([
          {
            name: 'child_parent_id_fkey',
            columns: ['parent_id'],
            referencedTable: { schema: null, name: 'parent' },
            referencedColumns: ['id'],
            onDelete: 'SetDefault',
            onUpdate: 'NoAction',
          },
        ]);
        expect(s.views).toEqual([{ name: { schema: null, name: 'codes' }, sql: 'SELECT parent.code\n   FROM parent', origin: { kind: 'view', view: 'codes' } }]);
      });
    },
    DB_TIMEOUT,
  );

  test(
    'schemas: objects of a listed schema keep its name, those of the current schema have none, others are not read',
    async () => {
      const tag = randomBytes(4).toString('hex');
      const [auth, billing, other] = [`kiln_auth_${tag}`, `kiln_billing_${tag}`, `kiln_other_${tag}`];
      const ir = irOf(`${datasource('postgresql', `  schemas = ["${auth}", "${billing}"]\n`)}
enum Plan {
  FREE
  PRO
  @@schema("${billing}")
}

model Account {
  id      Int      @id @default(autoincrement())
  email   String   @unique
  invoices Invoice[]
  @@schema("${auth}")
}

model Invoice {
  id        Int     @id @default(autoincrement())
  plan      Plan
  account   Account @relation(fields: [accountId], references: [id])
  accountId Int
  @@index([accountId])
  @@schema("${billing}")
}

model Setting {
  key   String @id
  value String
}
`);
      await withAppliedSchema('postgresql', ir, async (db) => {
        db.alsoDrop.push(other);
        await db.connection.execute(`CREATE SCHEMA "${other}"`);
        await db.connection.execute(`CREATE TABLE "${other}"."hidden" ("id" integer PRIMARY KEY)`);
        const inspected = await inspectDatabase(db.connection, 'postgresql', { namespaces: [auth, billing] });
        expect(inspected.namespaces).toEqual([auth, billing]);
        expect(inspected.tables.map((t) => t.table.name)).toEqual([
          { schema: null, name: 'Setting' },
          { schema: auth, name: 'Account' },
          { schema: billing, name: 'Invoice' },
        ]);
        expect(table(inspected, 'Invoice').foreignKeys[0]?.referencedTable).toEqual({ schema: auth, name: 'Account' });
        expect(column(table(inspected, 'Invoice'), 'plan').type).toMatchObject({ kind: 'enum', enum: { schema: billing, name: 'Plan' } });
        expectSameSchema('postgresql', inspected, databaseSchemaFromIr(ir));
      });
    },
    DB_TIMEOUT,
  );
});
