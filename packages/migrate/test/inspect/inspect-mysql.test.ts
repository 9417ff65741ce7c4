import { databaseSchemaFromIr, inspectDatabase, type Column, type DatabaseSchema, type SchemaTable } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable, withTestDatabase } from '../helpers/databases.js';
import { datasource, irOf } from '../helpers/examples.js';
import { expectSameSchema, withAppliedSchema } from './helpers/inspect-examples.js';

/*
 * MySQL/MariaDB introspection beyond the examples: every native type, UNSIGNED, ENUM(...),
 * MariaDB's quoted literal defaults and `current_timestamp()`, JSON stored as LONGTEXT with a
 * json_valid() CHECK, FULLTEXT indexes, prefix lengths and descending columns, and what only
 * SQL makes (the index InnoDB adds for a foreign key, a table without a key, a view).
 */

const available = await serverAvailable('mysql');
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

const TYPES = `${datasource('mysql')}
enum Mood {
  HAPPY
  SAD   @map("so sad 'really'")
}

model Typed {
  id         Int       @id @default(autoincrement()) @db.UnsignedInt
  vc         String    @db.VarChar(255)
  ch         String    @db.Char(3)
  tiny       String?   @db.TinyText
  text       String    @db.Text
  medium     String?   @db.MediumText
  long       String?   @db.LongText
  flag       Boolean   @default(true)
  bit1       Boolean?  @db.Bit(1)
  bits       Bytes?    @db.Bit(8)
  bin        Bytes?    @db.Binary(16)
  varbin     Bytes?    @db.VarBinary(100)
  tblob      Bytes?    @db.TinyBlob
  blob       Bytes?    @db.Blob
  mblob      Bytes?    @db.MediumBlob
  lblob      Bytes     @default("aGk=")
  small      Int       @default(-3) @db.SmallInt
  usmall     Int?      @db.UnsignedSmallInt
  medint     Int?      @db.MediumInt
  umedint    Int?      @db.UnsignedMediumInt
  tinyint    Int?      @db.TinyInt
  utinyint   Int?      @db.UnsignedTinyInt
  year       Int?      @db.Year
  big        BigInt    @default(9007199254740993)
  ubig       BigInt?   @db.UnsignedBigInt
  double     Float     @default(1.5)
  float      Float?    @db.Float
  dec        Decimal   @default(0.25) @db.Decimal(10, 2)
  decDefault Decimal   @default(12.345)
  dt0        DateTime? @db.DateTime(0)
  dt6        DateTime  @default(now()) @db.DateTime(6)
  ts         DateTime  @default(now()) @db.Timestamp(3)
  date       DateTime? @db.Date
  time       DateTime? @db.Time(2)
  json       Json      @default("{\\"a\\": [1]}")
  jsonNull   Json?
  mood       Mood      @default(SAD)
  tricky     String    @default("it's \\"q\\" \\\\ back\\\\slash żółć ✓")
  nullText   String?   @default("NULL")
  at         DateTime  @default("2024-03-01T12:34:56.789Z")
  expr       Int       @default(dbgenerated("(1 + 2)"))

  @@index([text(length: 20)])
  @@index([vc(sort: Desc), ch])
  @@fulltext([text, medium])
  @@check("small > -10")
}
`;

d('MySQL introspection', () => {
  test(
    'native types, UNSIGNED, ENUM, defaults, FULLTEXT, prefix lengths and sort orders read back as the IR asked for',
    async () => {
      const ir = irOf(TYPES);
      await withAppliedSchema('mysql', ir, async (db) => {
        const inspected = await inspectDatabase(db.connection, 'mysql');
        expectSameSchema('mysql', inspected, databaseSchemaFromIr(ir));
        const t = table(inspected, 'Typed');
        expect(column(t, 'id')).toMatchObject({ autoincrement: true, type: { scalar: 'Int', nativeType: { name: 'UnsignedInt', args: [] } } });
        expect(column(t, 'vc').type).toEqual({ kind: 'scalar', scalar: 'String', nativeType: { name: 'VarChar', args: ['255'] }, list: false });
        expect(column(t, 'flag')).toMatchObject({ type: { scalar: 'Boolean', nativeType: null }, default: { kind: 'boolean', value: true } });
        expect(column(t, 'dt0').type).toMatchObject({ nativeType: { name: 'DateTime', args: ['0'] } });
        // MariaDB stores JSON as LONGTEXT with a CHECK (json_valid(...)): it reads back as Json, without that check.
        expect(column(t, 'json')).toMatchObject({ type: { scalar: 'Json', nativeType: null }, default: { kind: 'json', value: '{"a": [1]}' } });
        expect(column(t, 'jsonNull').type).toMatchObject({ scalar: 'Json', nativeType: null });
        expect(t.table.checks.map((c) => c.name)).toEqual(['Typed_check']);
        expect(column(t, 'mood').type).toEqual({ kind: 'enum', enum: { schema: null, name: 'Typed_mood' }, values: ['HAPPY', "so sad 'really'"], list: false });
        expect(column(t, 'mood').default).toEqual({ kind: 'string', value: "so sad 'really'" });
        expect(column(t, 'tricky').default).toEqual({ kind: 'string', value: 'it\'s "q" \\ back\\slash żółć ✓' });
        // MariaDB writes a default of NULL as NULL and the string "NULL" quoted.
        expect(column(t, 'nullText').default).toEqual({ kind: 'string', value: 'NULL' });
        expect(column(t, 'medium').default).toBeNull();
        expect(column(t, 'decDefault').default).toEqual({ kind: 'number', value: '12.345' });
        expect(column(t, 'at').default).toEqual({ kind: 'dateTime', value: '2024-03-01T12:34:56.789Z' });
        expect(column(t, 'dt6').default).toEqual({ kind: 'now' });
        expect(column(t, 'lblob').default).toEqual({ kind: 'bytes', hex: '6869' });
        expect(t.table.primaryKey).toEqual({ name: 'Typed_pkey', columns: [{ name: 'id', sort: null, length: null, ops: null }] });
        expect(t.indexes.find((i) => i.kind === 'fulltext')).toMatchObject({ name: 'Typed_text_medium_idx', columns: [{ name: 'text' }, { name: 'medium' }] });
        expect(t.indexes.find((i) => i.name === 'Typed_text_idx')?.columns).toEqual([{ name: 'text', sort: null, length: 20, ops: null }]);
        expect(t.indexes.find((i) => i.name === 'Typed_vc_ch_idx')?.columns.map((c) => c.sort)).toEqual(['Desc', null]);
        expect(inspected.enums).toEqual([]);
      });
    },
    DB_TIMEOUT,
  );

  test(
    'tables made with SQL: the index InnoDB adds for a foreign key is left out, a keyless table and a view are read',
    async () => {
      await withTestDatabase('mysql', async (db) => {
        const c = db.connection;
        await c.execute('CREATE TABLE `parent` (`id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY, `code` VARCHAR(10) NOT NULL UNIQUE)');
        await c.execute(
          'CREATE TABLE `child` (`id` BIGINT UNSIGNED NOT NULL, `parent_id` INT NULL, `flags` SET(\'a\',\'b\') NULL, ' +
            'CONSTRAINT `child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE SET NULL)',
        );
        await c.execute('CREATE VIEW `codes` AS SELECT `code` FROM `parent`');
        await c.execute('CREATE TABLE `_kiln_migrations` (`id` INT PRIMARY KEY)');
        const s = await inspectDatabase(c, 'mysql', { exclude: ['codes'] });
        expect(s.tables.map((t) => t.table.name.name)).toEqual(['child', 'parent']);
        expect(s.views).toEqual([]);
        const child = table(s, 'child');
        expect(child.table.primaryKey).toBeNull();
        expect(child.indexes).toEqual([]);
        expect(column(child, 'flags').type).toEqual({ kind: 'unsupported', sql: "set('a','b')", list: false });
        expect(child.foreignKeys).toMatchObject([{ name: 'child_parent', columns: ['parent_id'], referencedColumns: ['id'], onDelete: 'SetNull' }]);
        // A UNIQUE written on the column is an index named after it.
        expect(table(s, 'parent').indexes).toMatchObject([{ name: 'code', kind: 'unique' }]);
        const all = await inspectDatabase(c, 'mysql');
        expect(all.views.map((v) => [v.name.name, v.sql])).toEqual([['codes', 'select `parent`.`code` AS `code` from `parent`']]);
      });
    },
    DB_TIMEOUT,
  );
});
