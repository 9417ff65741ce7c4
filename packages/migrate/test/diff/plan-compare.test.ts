import type { Provider } from '@kiln/schema';
import {
  canonicalExpression,
  canonicalNumber,
  canonicalTypeText,
  databaseSchemaFromIr,
  ddlRendererFor,
  describeChange,
  planMigration,
  type Column,
  type DatabaseSchema,
} from '../../src/index.js';
import { listExamples, loadExampleIr } from '../helpers/examples.js';
import { dbOf, plan } from './helpers/migrate.js';

/*
 * No phantom changes: equal schemas plan nothing, every spelling of a type the dialect writes
 * the same is the same type, and a side read from a database compares the SQL text a database
 * rewrites loosely (docs/migrate.md, "How the planner compares").
 */

const PROVIDERS: Provider[] = ['sqlite', 'postgresql', 'mysql'];
const EMPTY: DatabaseSchema = { namespaces: [], enums: [], tables: [], views: [] };

describe('equal schemas plan nothing', () => {
  const examples = listExamples().flatMap((e) => e.providers.map((p) => [e.name, p, e] as const));
  test.each(examples)('schema-examples/%s against itself on %s', (_name, provider, example) => {
    const schema = databaseSchemaFromIr(loadExampleIr(example, provider));
    // Two separately built copies, so that nothing compares by identity.
    const again = databaseSchemaFromIr(loadExampleIr(example, provider));
    const p = planMigration(schema, again, { provider });
    expect(p.changes).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.renames).toEqual([]);
  });

  test.each(examples)('schema-examples/%s from empty on %s creates what planFromEmpty creates', (_name, provider, example) => {
    const schema = databaseSchemaFromIr(loadExampleIr(example, provider));
    const kinds = planMigration(EMPTY, schema, { provider }).changes.map((c) => c.kind);
    expect(kinds.filter((k) => k.startsWith('drop') || k.startsWith('rename') || k.startsWith('alter'))).toEqual([]);
    expect(kinds.filter((k) => k === 'createTable').length).toBe(schema.tables.length);
    const down = planMigration(schema, EMPTY, { provider }).changes;
    expect(down.filter((c) => c.kind === 'dropTable').length).toBe(schema.tables.length);
    expect(down.filter((c) => c.kind === 'dropView').length).toBe(schema.views.length);
  });

  test.each(PROVIDERS)('a native type spelled like the default is the same column on %s', (provider) => {
    const same: Record<Provider, [string, string]> = {
      postgresql: ['name String', 'name String @db.Text'],
      mysql: ['name String', 'name String @db.VarChar(191)'],
      sqlite: ['name String', 'name String'],
    };
    const [a, b] = same[provider];
    expect(plan(provider, `model T {\n  id Int @id\n  ${a}\n}\n`, `model T {\n  id Int @id\n  ${b}\n}\n`).changes).toEqual([]);
  });

  test('a real type change is one', () => {
    const p = plan('postgresql', `model T {\n  id Int @id\n  name String\n}\n`, `model T {\n  id Int @id\n  name String @db.VarChar(20)\n}\n`);
    expect(p.changes.map(describeChange)).toEqual(['AlterColumn "name" on "T" (type)']);
  });

  test('client-side defaults and @updatedAt are no database change', () => {
    const v1 = `model T {\n  id String @id\n  at DateTime\n}\n`;
    const v2 = `model T {\n  id String @id @default(cuid())\n  at DateTime @updatedAt\n}\n`;
    for (const provider of PROVIDERS) expect(plan(provider, v1, v2).changes).toEqual([]);
  });

  test('a default compares by the SQL it renders: a DateTime written with an offset is the same instant', () => {
    const v1 = `model T {\n  id Int @id\n  at DateTime @default("2024-01-01T00:00:00Z")\n}\n`;
    const v2 = `model T {\n  id Int @id\n  at DateTime @default("2024-01-01T02:00:00+02:00")\n}\n`;
    expect(plan('postgresql', v1, v2).changes).toEqual([]);
    expect(plan('postgresql', v1, v1.replace('00:00:00Z', '00:00:01Z')).changes.map(describeChange)).toEqual(['AlterColumn "at" on "T" (default)']);
  });
});

describe('a side read from a database', () => {
  /** The schema's DatabaseSchema, marked as read from a database and rewritten by `edit`. */
  const inspected = (provider: Provider, body: string, edit: (s: DatabaseSchema) => void): DatabaseSchema => {
    const s = dbOf(provider, body);
    s.source = 'database';
    for (const t of s.tables) {
      for (const c of t.table.columns) {
        delete c.field;
        delete c.renamedFrom;
      }
    }
    edit(s);
    return s;
  };
  const body = `
model Doc {
  id        Int      @id @default(autoincrement())
  title     String   @default("untitled")
  score     Float    @default(0.5)
  price     Decimal  @default(0)
  done      Boolean  @default(false)
  deletedAt DateTime?
  expr      String   @default(dbgenerated("lower('ABC')"))

  @@index([title], where: "\\"deletedAt\\" IS NULL")
  @@check("score >= 0")
}

view Titles {
  title String @unique

  @@sql("SELECT title FROM \\"Doc\\"")
}
`;

  test('PostgreSQL rewrites: casts, parentheses, quotes, view bodies, type names', () => {
    const from = inspected('postgresql', body, (s) => {
      const t = s.tables[0]!;
      const col = (n: string) => t.table.columns.find((c) => c.name === n)!;
      col('title').default = { kind: 'expression', sql: "'untitled'::text" };
      col('expr').default = { kind: 'expression', sql: "lower('ABC'::text)" };
      col('score').type = { kind: 'unsupported', sql: 'double precision', list: false };
      col('price').type = { kind: 'unsupported', sql: 'numeric(65,30)', list: false };
      col('price').default = { kind: 'number', value: '0.000' };
      col('title').type = { kind: 'unsupported', sql: 'text', list: false };
      col('deletedAt').type = { kind: 'unsupported', sql: 'timestamp(3) without time zone', list: false };
      t.table.checks[0]!.expression = '(score >= (0)::double precision)';
      t.indexes[0]!.where = '("deletedAt" IS NULL)';
      s.views[0]!.sql = ' SELECT "Doc".title\n   FROM "Doc";';
    });
    const p = planMigration(from, dbOf('postgresql', body), { provider: 'postgresql' });
    expect(p.changes.map(describeChange)).toEqual([]);
  });

  test('MySQL spellings: display widths, tinyint(1), parenthesised defaults', () => {
    const from = inspected('mysql', body.replace(/\n {2}@@index\(\[title\], where: .*\n/, '\n').replace('"SELECT title FROM \\"Doc\\""', '"SELECT title FROM Doc"'), (s) => {
      const t = s.tables[0]!;
      const col = (n: string) => t.table.columns.find((c) => c.name === n)!;
      col('id').type = { kind: 'unsupported', sql: 'int(11)', list: false };
      col('done').type = { kind: 'unsupported', sql: 'tinyint(1)', list: false };
      col('done').default = { kind: 'number', value: '0' };
      col('price').type = { kind: 'unsupported', sql: 'decimal(65,30)', list: false };
      col('title').default = { kind: 'expression', sql: "'untitled'" };
      t.table.checks[0]!.expression = '`score` >= 0';
    });
    const to = dbOf('mysql', body.replace(/\n {2}@@index\(\[title\], where: .*\n/, '\n').replace('"SELECT title FROM \\"Doc\\""', '"SELECT title FROM Doc"'));
    expect(planMigration(from, to, { provider: 'mysql' }).changes.map(describeChange)).toEqual([]);
  });

  test('SQLite: foreign key names are not compared', () => {
    const v = `model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\n`;
    const from = inspected('sqlite', v, (s) => {
      for (const t of s.tables) for (const f of t.foreignKeys) f.name = '';
    });
    expect(planMigration(from, dbOf('sqlite', v), { provider: 'sqlite' }).changes).toEqual([]);
  });

  test('a real change is still one: another default, another predicate, another check', () => {
    const from = inspected('postgresql', body, (s) => {
      const t = s.tables[0]!;
      t.table.columns.find((c) => c.name === 'title')!.default = { kind: 'expression', sql: "'Untitled'::text" };
      t.table.checks[0]!.expression = '(score > (0)::double precision)';
      t.indexes[0]!.where = '("deletedAt" IS NOT NULL)';
    });
    expect(planMigration(from, dbOf('postgresql', body), { provider: 'postgresql' }).changes.map(describeChange)).toEqual([
      'DropIndex "Doc_title_idx" on "Doc"',
      'DropCheck "Doc_check" on "Doc"',
      'AlterColumn "title" on "Doc" (default)',
      'AddCheck "Doc_check" on "Doc"',
      'CreateIndex "Doc_title_idx" on "Doc"',
    ]);
  });

  test('between two schemas, view bodies and expressions compare as written (whitespace aside)', () => {
    const v2 = body.replace('SELECT title FROM', 'SELECT  title \t FROM');
    expect(plan('postgresql', body, v2).changes).toEqual([]);
    expect(plan('postgresql', body, body.replace('score >= 0', '(score >= 0)')).changes.map(describeChange)).toEqual([
      'DropCheck "Doc_check" on "Doc"',
      'AddCheck "Doc_check" on "Doc"',
    ]);
  });
});

describe('canonical SQL text', () => {
  test('expressions: casts, quotes, parentheses, whitespace and case go; string literals stay', () => {
    expect(canonicalExpression(`(("Score" >= (0)::double precision))`)).toBe('score>=0');
    expect(canonicalExpression(`'It''s'::character varying`)).toBe(`'It''s'`);
    expect(canonicalExpression(`(role = ANY (ARRAY['A'::text, 'B'::text]))`)).toBe(`role=anyarray['A','B']`);
    expect(canonicalExpression('now()')).toBe(canonicalExpression('CURRENT_TIMESTAMP'));
    expect(canonicalExpression("'2024-01-01 00:00:00'::timestamp(3) without time zone")).toBe("'2024-01-01 00:00:00'");
    expect(canonicalExpression("'a'")).not.toBe(canonicalExpression("'A'"));
  });

  test('types: case, spaces, aliases per dialect', () => {
    expect(canonicalTypeText('DECIMAL(65, 30)')).toBe('decimal(65,30)');
    expect(canonicalTypeText(`ENUM('A b', 'C')`)).toBe(`enum('A b','C')`);
    expect(canonicalTypeText('"Role"')).toBe('"Role"');
    const pg = ddlRendererFor('postgresql');
    expect(['int4', 'INTEGER', 'serial'].map((t) => pg.canonicalTypeSql(t))).toEqual(['integer', 'integer', 'integer']);
    expect(pg.canonicalTypeSql('character varying(10)')).toBe(pg.canonicalTypeSql('VARCHAR(10)'));
    expect(pg.canonicalTypeSql('timestamp(3) without time zone')).toBe('timestamp(3)');
    expect(pg.canonicalTypeSql('timestamp(6) with time zone')).toBe('timestamptz(6)');
    expect(pg.canonicalTypeSql('numeric(10,2)')).toBe('decimal(10,2)');
    const mysql = ddlRendererFor('mysql');
    expect(mysql.canonicalTypeSql('int(11)')).toBe('integer');
    expect(mysql.canonicalTypeSql('tinyint(1)')).toBe('boolean');
    expect(mysql.canonicalTypeSql('int(10) unsigned')).toBe('integer unsigned');
    expect(mysql.canonicalTypeSql('bigint(20)')).toBe('bigint');
    // Defaults the catalogs spell out: CHAR and BIT are length 1, fractional seconds 0.
    expect(pg.canonicalTypeSql('CHAR')).toBe(pg.canonicalTypeSql('character(1)'));
    expect(pg.canonicalTypeSql('BIT')).toBe(pg.canonicalTypeSql('bit(1)'));
    expect(pg.canonicalTypeSql('char[]')).toBe(pg.canonicalTypeSql('character(1)[]'));
    expect(pg.canonicalTypeSql('char(2)')).not.toBe(pg.canonicalTypeSql('char'));
    expect(mysql.canonicalTypeSql('DATETIME')).toBe(mysql.canonicalTypeSql('datetime(0)'));
    expect(mysql.canonicalTypeSql('TIME')).toBe(mysql.canonicalTypeSql('time(0)'));
    expect(mysql.canonicalTypeSql('datetime(3)')).not.toBe(mysql.canonicalTypeSql('datetime'));
  });

  test('numbers', () => {
    expect(['0.000', '0', '+0', '-0.0'].map(canonicalNumber)).toEqual(['0', '0', '0', '0']);
    expect(['1.50', '01.5', '-1.5'].map(canonicalNumber)).toEqual(['1.5', '1.5', '-1.5']);
  });

  test('the renderer spells a column type publicly, PostgreSQL serials as their integer type', () => {
    const id: Column = { name: 'id', type: { kind: 'scalar', scalar: 'Int', nativeType: null, list: false }, nullable: false, default: null, autoincrement: true };
    expect(ddlRendererFor('postgresql').columnTypeSql(id)).toBe('INTEGER');
    expect(ddlRendererFor('mysql').columnTypeSql(id)).toBe('INTEGER');
    expect(ddlRendererFor('sqlite').columnTypeSql(id)).toBe('INTEGER');
  });
});

describe('bad input is a clear error', () => {
  test('not a DatabaseSchema', () => {
    expect(() => planMigration({} as DatabaseSchema, EMPTY, { provider: 'sqlite' })).toThrow(
      'planMigration: "from" is not a DatabaseSchema (an object with namespaces, enums, tables and views). Build one from an IR with databaseSchemaFromIr(ir), or read a database with inspectDatabase().',
    );
  });

  test('an unknown provider', () => {
    expect(() => planMigration(EMPTY, EMPTY, { provider: 'oracle' as Provider })).toThrow('Unknown provider "oracle": expected sqlite, postgresql or mysql.');
  });
});
