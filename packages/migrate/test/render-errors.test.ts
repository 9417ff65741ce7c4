import {
  DdlRenderError,
  ddlRendererFor,
  type Column,
  type CreateIndex,
  type CreateTable,
} from '../src/index.js';

/*
 * What a dialect cannot express is an error naming the database and the feature, not SQL the
 * database would reject later. The analyzer already refuses such schemas for their provider;
 * these guard hand-built changes and an IR planned for another provider.
 */

const column = (over: Partial<Column>): Column => ({
  name: 'c',
  type: { kind: 'scalar', scalar: 'String', nativeType: null, list: false },
  nullable: false,
  default: null,
  autoincrement: false,
  ...over,
});

const createTable = (columns: Column[], schema: string | null = null): CreateTable => ({
  kind: 'createTable',
  table: { name: { schema, name: 't' }, columns, primaryKey: null, checks: [], origin: { kind: 'model', model: 'T' } },
  indexes: [],
  foreignKeys: [],
});

const partialIndex: CreateIndex = {
  kind: 'createIndex',
  table: { schema: null, name: 't' },
  index: { name: 't_c_key', kind: 'unique', columns: [{ name: 'c', sort: null, length: null, ops: null }], type: null, where: 'c IS NOT NULL' },
};

test('MySQL has no partial indexes, schemas or scalar lists', () => {
  const mysql = ddlRendererFor('mysql');
  expect(() => mysql.render(partialIndex)).toThrow(new DdlRenderError('MySQL does not support partial indexes ("t_c_key").'));
  expect(() => mysql.render(createTable([column({})], 'app'))).toThrow('MySQL does not support schemas ("app").');
  expect(() => mysql.render(createTable([column({ type: { kind: 'scalar', scalar: 'Int', nativeType: null, list: true } })]))).toThrow(
    'MySQL does not support scalar lists (column "c").',
  );
});

test('SQLite has no native types or enum types; PostgreSQL no @@fulltext', () => {
  const sqlite = ddlRendererFor('sqlite');
  expect(() => sqlite.render(createTable([column({ type: { kind: 'scalar', scalar: 'String', nativeType: { name: 'VarChar', args: ['9'] }, list: false } })]))).toThrow(
    'SQLite does not support native types (@db.VarChar).',
  );
  expect(() => sqlite.render({ kind: 'createEnum', enum: { name: { schema: null, name: 'E' }, values: ['A'], origin: { kind: 'enum', enum: 'E' } } })).toThrow(
    'SQLite does not support enum types ("E").',
  );
  const pg = ddlRendererFor('postgresql');
  expect(() => pg.render({ ...partialIndex, index: { ...partialIndex.index, kind: 'fulltext', where: null } })).toThrow(/PostgreSQL does not support @@fulltext indexes/);
});

test('native type arguments must be numbers, names must be known', () => {
  const pg = ddlRendererFor('postgresql');
  const typed = (name: string, args: string[]) => createTable([column({ type: { kind: 'scalar', scalar: 'String', nativeType: { name, args }, list: false } })]);
  expect(() => pg.render(typed('VarChar', ['10); DROP TABLE x; --']))).toThrow('@db.VARCHAR: the argument "10); DROP TABLE x; --" is not a whole number.');
  expect(() => pg.render(typed('LongText', []))).toThrow('@db.LongText is not a PostgreSQL type.');
  expect(pg.render(typed('VarChar', ['10']))[0]).toContain('"c" VARCHAR(10) NOT NULL');
});

test('identifiers and literals with NUL cannot be written', () => {
  const pg = ddlRendererFor('postgresql');
  expect(() => pg.render(createTable([column({ name: 'a\0b' })]))).toThrow(DdlRenderError);
  expect(() => pg.render(createTable([column({ default: { kind: 'string', value: 'a\0' } })]))).toThrow(/NUL/);
});

test('PostgreSQL index options: access method, operator class, sort order, partial predicate', () => {
  const pg = ddlRendererFor('postgresql');
  const sql = pg.render({
    kind: 'createIndex',
    table: { schema: 'app', name: 'docs' },
    index: {
      name: 'docs_body_idx',
      kind: 'index',
      columns: [
        { name: 'body', sort: null, length: null, ops: 'gin_trgm_ops' },
      ],
      type: 'Gin',
      where: '"deleted" IS NULL',
    },
  });
  expect(sql).toEqual(['CREATE INDEX "docs_body_idx" ON "app"."docs" USING GIN ("body" gin_trgm_ops) WHERE "deleted" IS NULL']);
  const sorted = pg.render({ ...partialIndex, index: { ...partialIndex.index, where: null, columns: [{ name: 'c', sort: 'Desc', length: null, ops: null }] } });
  expect(sorted).toEqual(['CREATE UNIQUE INDEX "t_c_key" ON "t"("c" DESC)']);
});

test('MySQL index options: prefix length, sort order, full-text', () => {
  const mysql = ddlRendererFor('mysql');
  const change: CreateIndex = {
    kind: 'createIndex',
    table: { schema: null, name: 'docs' },
    index: { name: 'docs_title_body_idx', kind: 'fulltext', columns: [{ name: 'title', sort: null, length: null, ops: null }, { name: 'body', sort: null, length: null, ops: null }], type: null, where: null },
  };
  expect(mysql.render(change)).toEqual(['CREATE FULLTEXT INDEX `docs_title_body_idx` ON `docs`(`title`, `body`)']);
  expect(mysql.render({ ...change, index: { ...change.index, kind: 'index', columns: [{ name: 'body', sort: 'Desc', length: 20, ops: null }] } })).toEqual([
    'CREATE INDEX `docs_title_body_idx` ON `docs`(`body`(20) DESC)',
  ]);
});
