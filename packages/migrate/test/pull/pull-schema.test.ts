import { analyzeSchema, constraintName, renderDiagnostics, type Provider, type ScalarType } from '@kiln/schema';
import {
  databaseSchemaFromIr,
  describeChange,
  planMigration,
  pullSchema,
  type Column,
  type DatabaseSchema,
  type ForeignKey,
  type Index,
  type IndexColumn,
  type SchemaTable,
} from '../../src/index.js';

/*
 * pullSchema on database schemas built by hand (no database): the naming rules, and what it
 * does with what a schema cannot say. Every pulled text must analyze cleanly, and, unless the
 * test says otherwise, describe exactly the database it came from (the planner finds nothing
 * to change).
 */

const col = (name: string, scalar: ScalarType, more: Partial<Column> = {}): Column => ({
  name,
  type: { kind: 'scalar', scalar, nativeType: null, list: false },
  nullable: false,
  default: null,
  autoincrement: false,
  ...more,
});
const cols = (...names: string[]): IndexColumn[] => names.map((name) => ({ name, sort: null, length: null, ops: null }));

function table(name: string, columns: Column[], more: { pk?: string[]; indexes?: Index[]; foreignKeys?: ForeignKey[]; provider?: Provider } = {}): SchemaTable {
  const provider = more.provider ?? 'sqlite';
  return {
    table: {
      name: { schema: null, name },
      columns,
      primaryKey: more.pk === undefined ? null : { name: constraintName(provider, name, [], 'pkey'), columns: cols(...more.pk) },
      checks: [],
      origin: { kind: 'model', model: name },
    },
    indexes: more.indexes ?? [],
    foreignKeys: more.foreignKeys ?? [],
  };
}

const fk = (provider: Provider, tableName: string, columns: string[], referenced: string, referencedColumns: string[], more: Partial<ForeignKey> = {}): ForeignKey => ({
  name: constraintName(provider, tableName, columns, 'fkey'),
  columns,
  referencedTable: { schema: null, name: referenced },
  referencedColumns,
  onDelete: 'Restrict',
  onUpdate: 'Cascade',
  ...more,
});

const database = (tables: SchemaTable[], more: Partial<DatabaseSchema> = {}): DatabaseSchema => ({ source: 'database', namespaces: [], enums: [], tables, views: [], ...more });

/** Pulls, analyzes (no diagnostic allowed) and returns the text and warnings. */
function pull(schema: DatabaseSchema, provider: Provider = 'sqlite', options: { exact?: boolean } = {}) {
  const pulled = pullSchema(schema, { provider });
  const result = analyzeSchema([{ path: 'pulled.schema', text: pulled.text }]);
  expect(renderDiagnostics(result.diagnostics, { sources: new Map([['pulled.schema', pulled.text]]) })).toBe('');
  if (options.exact !== false) {
    expect(planMigration(schema, databaseSchemaFromIr(result.ir!), { provider }).changes.map(describeChange)).toEqual([]);
  }
  return pulled;
}

describe('pullSchema names', () => {
  test('models in PascalCase and fields in camelCase, with @@map and @map; conventional names kept', () => {
    const { text } = pull(
      database([
        table('order_items', [col('id', 'Int'), col('unit_price', 'Decimal'), col('createdAt', 'DateTime'), col('ID_CODE', 'String')], { pk: ['id'] }),
        table('Invoice', [col('id', 'Int')], { pk: ['id'] }),
      ]),
    );
    expect(text).toContain('model OrderItems {\n  id        Int      @id\n  unitPrice Decimal  @map("unit_price")\n  createdAt DateTime\n  idCode    String   @map("ID_CODE")\n\n  @@map("order_items")\n}');
    expect(text).toContain('model Invoice {\n  id Int @id\n}');
  });

  test('names that collide, are reserved, start with a digit or hold no letters get a distinct identifier', () => {
    const { text, models } = pull(
      database([
        table('user', [col('id', 'Int'), col('a_b', 'Int'), col('aB', 'Int'), col('żółć ✓', 'String'), col('1st', 'Int'), col('?!', 'Int')], { pk: ['id'] }),
        table('User', [col('id', 'Int')], { pk: ['id'] }),
        table('String', [col('id', 'Int')], { pk: ['id'] }),
        table('2fa codes', [col('id', 'Int')], { pk: ['id'] }),
        table('"`', [col('id', 'Int')], { pk: ['id'] }),
      ]),
    );
    expect(models).toEqual(['Model', 'Model2faCodes', 'String2', 'User', 'User2']);
    expect(text).toContain(
      [
        'model User {',
        '  id       Int    @id',
        '  aB       Int    @map("a_b")',
        '  aB2      Int    @map("aB")',
        '  zolc     String @map("żółć ✓")',
        '  field1st Int    @map("1st")',
        '  field    Int    @map("?!")',
        '',
        '  @@map("user")',
        '}',
      ].join('\n'),
    );
    expect(text).toContain('model Model {\n  id Int @id\n\n  @@map("\\"`")\n}');
  });
});

describe('pullSchema relations', () => {
  const users = table('users', [col('id', 'Int')], { pk: ['id'] });

  test('a foreign key to columns that are not unique, or of another type, or to a table not pulled, is reported and left out', () => {
    const posts = table('posts', [col('id', 'Int'), col('owner', 'BigInt'), col('tag', 'String'), col('gone', 'Int')], {
      pk: ['id'],
      foreignKeys: [
        fk('sqlite', 'posts', ['owner'], 'users', ['id']),
        fk('sqlite', 'posts', ['tag'], 'tags', ['label']),
        fk('sqlite', 'posts', ['gone'], 'missing', ['id']),
      ],
    });
    const tags = table('tags', [col('id', 'Int'), col('label', 'String')], { pk: ['id'] });
    const { text, warnings } = pull(database([users, posts, tags]), 'sqlite', { exact: false });
    expect(warnings).toEqual([
      'Posts: the foreign key "posts_owner_fkey" joins columns of different types (BigInt to Int); the relation is left out',
      'Posts: the foreign key "posts_tag_fkey" references columns of Tags that are not its primary key or a unique index; the relation is left out',
      'Posts: the foreign key "posts_gone_fkey" references "missing", which is not pulled; the relation is left out',
    ]);
    expect(text).not.toContain('@relation');
  });

  test('a relation to a model without a key is marked @ignore on the side that is not ignored', () => {
    const log = table('log', [col('user_id', 'Int'), col('what', 'String')], { foreignKeys: [fk('sqlite', 'log', ['user_id'], 'users', ['id'])] });
    const { text } = pull(database([users, log]));
    expect(text).toContain('  user   Users  @relation(fields: [userId], references: [id])\n');
    expect(text).toContain('  logs Log[] @ignore\n');
    expect(text).toContain('  @@ignore\n');
  });

  test('a join table whose A column points at the model that sorts last stays a model of its own', () => {
    const provider = 'sqlite';
    const zebra = table('zebra', [col('id', 'Int')], { pk: ['id'] });
    const apple = table('apple', [col('id', 'Int')], { pk: ['id'] });
    const join = table('_Fruit', [col('A', 'Int'), col('B', 'Int')], {
      indexes: [
        { name: '_Fruit_AB_unique', kind: 'unique', columns: cols('A', 'B'), type: null, where: null },
        { name: '_Fruit_B_index', kind: 'index', columns: cols('B'), type: null, where: null },
      ],
      foreignKeys: [
        fk(provider, '_Fruit', ['A'], 'zebra', ['id'], { onDelete: 'Cascade' }),
        fk(provider, '_Fruit', ['B'], 'apple', ['id'], { onDelete: 'Cascade' }),
      ],
    });
    const swapped = pull(database([zebra, apple, join]));
    expect(swapped.models).toEqual(['Apple', 'Fruit', 'Zebra']);
    expect(swapped.text).toContain('@@map("_Fruit")');
    // The same table with A pointing at the first model is the implicit m:n relation "Fruit".
    const inOrder = { ...join, foreignKeys: [fk(provider, '_Fruit', ['A'], 'apple', ['id'], { onDelete: 'Cascade' }), fk(provider, '_Fruit', ['B'], 'zebra', ['id'], { onDelete: 'Cascade' })] };
    const implicit = pull(database([zebra, apple, inOrder]));
    expect(implicit.models).toEqual(['Apple', 'Zebra']);
    expect(implicit.text).toContain('  zebras Zebra[] @relation("Fruit")\n');
    expect(implicit.text).toContain('  apples Apple[] @relation("Fruit")\n');
  });

  test('a self-relation m:n gets two list fields in the order the join table needs', () => {
    const provider = 'postgresql';
    const people = table('Person', [col('id', 'Int')], { pk: ['id'], provider });
    const join = table('_Follows', [col('A', 'Int'), col('B', 'Int')], {
      provider,
      indexes: [{ name: '_Follows_B_index', kind: 'index', columns: cols('B'), type: null, where: null }],
      foreignKeys: [fk(provider, '_Follows', ['A'], 'Person', ['id'], { onDelete: 'Cascade' }), fk(provider, '_Follows', ['B'], 'Person', ['id'], { onDelete: 'Cascade' })],
    });
    join.table.primaryKey = { name: '_Follows_AB_pkey', columns: cols('A', 'B') };
    const { text } = pull(database([people, join]), provider);
    expect(text).toContain('  personsA Person[] @relation("Follows")\n  personsB Person[] @relation("Follows")\n');
  });
});

describe('pullSchema defaults and types', () => {
  test('defaults a field type cannot spell become dbgenerated(); a list default that is an expression is reported', () => {
    const t = table(
      'things',
      [
        col('id', 'Int', { autoincrement: true }),
        col('label', 'String', { default: { kind: 'expression', sql: "upper('x')" } }),
        col('circle', 'Int', { type: { kind: 'unsupported', sql: 'circle', list: false }, nullable: true, default: { kind: 'string', value: "<(0,0),1>" } }),
        col('mood', 'String', { type: { kind: 'enum', enum: { schema: null, name: 'mood' }, values: ['ok', 'not ok'], list: false }, default: { kind: 'string', value: 'gone' } }),
        col('tags', 'String', { type: { kind: 'scalar', scalar: 'String', nativeType: null, list: true }, nullable: false, default: { kind: 'expression', sql: 'make_tags()' } }),
        col('blob', 'Bytes', { default: { kind: 'bytes', hex: 'cafe' } }),
      ],
      { pk: ['id'], provider: 'postgresql' },
    );
    const schema = database([t], { enums: [{ name: { schema: null, name: 'mood' }, values: ['ok', 'not ok'], origin: { kind: 'enum', enum: 'mood' } }] });
    const { text, warnings } = pull(schema, 'postgresql', { exact: false });
    expect(text).toContain('  label  String                 @default(dbgenerated("upper(\'x\')"))\n');
    expect(text).toContain('  circle Unsupported("circle")? @default(dbgenerated("\'<(0,0),1>\'"))\n');
    expect(text).toContain('  mood   Mood                   @default(dbgenerated("\'gone\'"))\n');
    expect(text).toContain('  blob   Bytes                  @default("yv4=")\n');
    expect(text).toContain('enum Mood {\n  ok\n  not_ok @map("not ok")\n\n  @@map("mood")\n}');
    expect(warnings).toEqual([
      'Things.tags: the list column "tags" is NOT NULL, but a schema\'s list fields are nullable columns; a migration from this schema would make it nullable',
      'Things.tags: the default of list column "tags" ("make_tags()") cannot be written in a schema and is left out',
    ]);
  });

  test('the header replaces the datasource and generator blocks', () => {
    const header = '// mine\ndatasource main {\n  provider = "sqlite"\n  url = env("MY_URL")\n}\n';
    const pulled = pullSchema(database([table('T', [col('id', 'Int')], { pk: ['id'] })]), { provider: 'sqlite', header });
    expect(pulled.text).toBe('// mine\ndatasource main {\n  provider = "sqlite"\n  url      = env("MY_URL")\n}\n\nmodel T {\n  id Int @id\n}\n');
  });
});
