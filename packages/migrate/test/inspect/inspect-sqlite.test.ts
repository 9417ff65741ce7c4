import { inspectDatabase, type Column, type DatabaseSchema, type SchemaTable } from '../../src/index.js';
import { indexPredicate, parseCreateTable, viewSelect } from '../../src/inspect/sqlite/sqlite-create-statements.js';
import { withTestDatabase } from '../helpers/databases.js';

/*
 * SQLite keeps constraint names, CHECKs, AUTOINCREMENT and partial-index predicates only in the
 * CREATE statements, so these tests write the kinds of tables other tools and people write by
 * hand and check what introspection makes of them; the examples test what Kiln itself writes.
 */

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
const plain = (name: string) => ({ name, sort: null, length: null, ops: null });

describe('reading SQLite CREATE statements', () => {
  test('columns, their types, defaults as written and column constraints', () => {
    const t = parseCreateTable(`CREATE TABLE IF NOT EXISTS "t" (
      "id" INTEGER NOT NULL CONSTRAINT "t_pk" PRIMARY KEY ASC AUTOINCREMENT, -- the row id
      [name] VARCHAR (10, 2) COLLATE NOCASE DEFAULT 'it''s, (not) a comma' UNIQUE ON CONFLICT IGNORE,
      \`n\` DECIMAL(10, 2) DEFAULT -1.5 CHECK (n > -100 AND (n < 100)),
      e TEXT CHECK (e IN ('a', 'b')) REFERENCES other ON DELETE SET NULL ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED,
      g INT GENERATED ALWAYS AS (n * 2) STORED,
      d DATETIME DEFAULT (strftime('%Y', 'now')) NOT NULL,
      CONSTRAINT "two" CHECK (n <> 2),
      UNIQUE (name, e),
      CONSTRAINT fk FOREIGN KEY (e, name) REFERENCES other (a, b)
    ) WITHOUT ROWID`);
    expect(t.columns.map((c) => [c.name, c.declaredType, c.defaultSql, c.autoincrement])).toEqual([
      ['id', 'INTEGER', null, true],
      ['name', 'VARCHAR (10, 2)', "'it''s, (not) a comma'", false],
      ['n', 'DECIMAL(10, 2)', '-1.5', false],
      ['e', 'TEXT', null, false],
      ['g', 'INT', null, false],
      ['d', 'DATETIME', "(strftime('%Y', 'now'))", false],
    ]);
    expect(t.columns[0]!.primaryKey).toEqual({ name: 't_pk' });
    expect(t.columns[1]!.unique).toEqual({ name: null });
    expect(t.columns[2]!.checks).toEqual([{ name: null, expression: 'n > -100 AND (n < 100)' }]);
    expect(t.columns[3]!.checks).toEqual([{ name: null, expression: "e IN ('a', 'b')" }]);
    expect(t.columns[3]!.references).toEqual({ name: null });
    expect(t.checks).toEqual([{ name: 'two', expression: 'n <> 2' }]);
    expect(t.uniques).toEqual([{ name: null, columns: ['name', 'e'] }]);
    expect(t.foreignKeys).toEqual([{ name: 'fk', columns: ['e', 'name'] }]);
  });

  test('the WHERE of a partial index and the SELECT of a view, as written', () => {
    expect(indexPredicate(`CREATE UNIQUE INDEX "i" ON "t" ("a" DESC, lower(b)) WHERE "deletedAt" IS NULL AND b <> 'WHERE'`)).toBe(`"deletedAt" IS NULL AND b <> 'WHERE'`);
    expect(indexPredicate('CREATE INDEX i ON t (a)')).toBeNull();
    expect(viewSelect('CREATE VIEW IF NOT EXISTS "v" ("x") AS SELECT 1 AS "as";')).toBe('SELECT 1 AS "as"');
    expect(viewSelect('CREATE TEMP VIEW main.v AS\n  SELECT a FROM t')).toBe('SELECT a FROM t');
  });
});

describe('SQLite introspection of tables written by hand', () => {
  test('unnamed constraints get the analyzer\'s names; named ones keep theirs; enums, AUTOINCREMENT and defaults', async () => {
    await withTestDatabase('sqlite', async (db) => {
      const c = db.connection;
      await c.execute(`CREATE TABLE "author" (
        "id" INTEGER PRIMARY KEY AUTOINCREMENT,
        "email" VARCHAR(255) NOT NULL UNIQUE,
        "kind" TEXT NOT NULL DEFAULT 'staff' CHECK ("kind" IN ('staff', 'guest')),
        "score" REAL DEFAULT 0.5 CHECK (score >= 0),
        "joined" DATETIME DEFAULT CURRENT_TIMESTAMP,
        "raw" BLOB DEFAULT X'CAFE',
        "flag" BOOLEAN NOT NULL DEFAULT 1,
        "anything",
        CHECK (length(email) > 3)
      )`);
      await c.execute(`CREATE TABLE "book" (
        "author_id" INTEGER NOT NULL REFERENCES "author",
        "isbn" TEXT NOT NULL,
        "title" TEXT COLLATE NOCASE,
        CONSTRAINT "book_key" PRIMARY KEY ("isbn", "author_id"),
        CONSTRAINT "book_title_once" UNIQUE ("title", "author_id")
      )`);
      await c.execute(`CREATE INDEX "book_recent" ON "book" ("title" DESC) WHERE "title" IS NOT NULL`);
      await c.execute('CREATE INDEX "book_lower" ON "book" (lower("title"))');
      await c.execute(`CREATE TRIGGER "book_touch" AFTER UPDATE ON "book" BEGIN SELECT 1; END`);
      await c.execute('CREATE TABLE "_kiln_migrations" ("id" TEXT PRIMARY KEY)');
      const s = await inspectDatabase(c, 'sqlite');
      expect(s.tables.map((t) => t.table.name.name)).toEqual(['author', 'book']);

      const author = table(s, 'author');
      expect(column(author, 'id')).toMatchObject({ autoincrement: true, nullable: false, type: { scalar: 'Int' } });
      expect(column(author, 'email')).toMatchObject({ nullable: false, type: { kind: 'scalar', scalar: 'String', nativeType: null } });
      expect(column(author, 'kind')).toMatchObject({ type: { kind: 'enum', enum: { schema: null, name: 'author_kind' }, values: ['staff', 'guest'] }, default: { kind: 'string', value: 'staff' } });
      expect(column(author, 'score').default).toEqual({ kind: 'number', value: '0.5' });
      expect(column(author, 'joined').default).toEqual({ kind: 'now' });
      expect(column(author, 'raw').default).toEqual({ kind: 'bytes', hex: 'cafe' });
      expect(column(author, 'flag').default).toEqual({ kind: 'boolean', value: true });
      expect(column(author, 'anything').type).toEqual({ kind: 'unsupported', sql: '', list: false });
      expect(author.table.primaryKey).toEqual({ name: 'author_pkey', columns: [plain('id')] });
      expect(author.table.checks).toEqual([
        { name: 'author_check1', expression: 'score >= 0' },
        { name: 'author_check2', expression: 'length(email) > 3' },
      ]);
      expect(author.indexes).toEqual([{ name: 'author_email_key', kind: 'unique', columns: [plain('email')], type: null, where: null }]);
      expect(author.triggers).toBeUndefined();

      const book = table(s, 'book');
      expect(book.table.primaryKey).toEqual({ name: 'book_key', columns: [plain('isbn'), plain('author_id')] });
      expect(book.indexes).toEqual([
        { name: 'book_recent', kind: 'index', columns: [{ ...plain('title'), sort: 'Desc' }], type: null, where: '"title" IS NOT NULL' },
        { name: 'book_title_once', kind: 'unique', columns: [plain('title'), plain('author_id')], type: null, where: null },
      ]);
      // REFERENCES without columns points at the parent's primary key.
      expect(book.foreignKeys).toEqual([
        {
          name: 'book_author_id_fkey',
          columns: ['author_id'],
          referencedTable: { schema: null, name: 'author' },
          referencedColumns: ['id'],
          onDelete: 'NoAction',
          onUpdate: 'NoAction',
        },
      ]);
      expect(book.triggers).toEqual(['CREATE TRIGGER "book_touch" AFTER UPDATE ON "book" BEGIN SELECT 1; END']);
      // The index on an expression is no index the schema can describe; a table rebuild recreates it from its text.
      expect(book.expressionIndexes).toEqual(['CREATE INDEX "book_lower" ON "book" (lower("title"))']);
      expect(author.expressionIndexes).toBeUndefined();
    });
  });
});
