import type { Provider } from '@kiln/schema';
import {
  planFromEmpty,
  renderChanges,
  type Change,
  type ChangeKind,
  type CreateTable,
} from '../src/index.js';
import { datasource, irOf, listExamples, loadExampleIr } from './helpers/examples.js';

/* The planner's choices, without a database: which changes, in which order, built from what. */

const kinds = (changes: Change[]): ChangeKind[] => changes.map((c) => c.kind);
/** Consecutive duplicates removed: the order of the groups. */
const groups = (changes: Change[]): ChangeKind[] => kinds(changes).filter((k, i, all) => i === 0 || all[i - 1] !== k);
const tables = (changes: Change[]): CreateTable[] => changes.filter((c): c is CreateTable => c.kind === 'createTable');
const table = (changes: Change[], name: string): CreateTable => {
  const t = tables(changes).find((c) => c.table.name.name === name);
  if (t === undefined) throw new Error(`no CreateTable ${name}`);
  return t;
};

const blog = listExamples().find((e) => e.name === 'blog')!;
const saas = listExamples().find((e) => e.name === 'saas')!;

describe('the order of changes', () => {
  test('PostgreSQL: enum types, tables, indexes, foreign keys', () => {
    expect(groups(planFromEmpty(loadExampleIr(blog, 'postgresql')))).toEqual(['createEnum', 'createTable', 'createIndex', 'addForeignKey']);
  });

  test('PostgreSQL: views come last', () => {
    expect(groups(planFromEmpty(loadExampleIr(saas, 'postgresql')))).toEqual([
      'createEnum',
      'createTable',
      'createIndex',
      'addForeignKey',
      'createView',
    ]);
  });

  test('MySQL: enums live in their columns and indexes inside CREATE TABLE, so tables then foreign keys', () => {
    const changes = planFromEmpty(loadExampleIr(blog, 'mysql'));
    expect(groups(changes)).toEqual(['createTable', 'addForeignKey']);
    expect(table(changes, 'Post').indexes.map((i) => i.name)).toEqual([
      'Post_slug_key',
      'Post_authorId_idx',
      'Post_editorId_idx',
      'Post_published_publishedAt_idx',
    ]);
    expect(table(changes, 'Post').foreignKeys).toEqual([]);
  });

  test('SQLite: foreign keys inside CREATE TABLE (no ALTER TABLE ADD CONSTRAINT), then indexes', () => {
    const changes = planFromEmpty(loadExampleIr(blog, 'sqlite'));
    expect(groups(changes)).toEqual(['createTable', 'createIndex']);
    expect(table(changes, 'Comment').foreignKeys.map((f) => f.name)).toEqual([
      'Comment_authorId_fkey',
      'Comment_postId_fkey',
      'Comment_parentId_fkey',
    ]);
    expect(table(changes, 'Comment').indexes).toEqual([]);
  });

  test('tables keep the schema order, implicit m:n join tables after the models', () => {
    const names = tables(planFromEmpty(loadExampleIr(blog, 'postgresql'))).map((t) => t.table.name.name);
    expect(names).toEqual(['users', 'Profile', 'Post', 'Comment', 'Tag', '_PostToTag']);
  });

  test('the provider option plans for another database than the datasource', () => {
    const ir = loadExampleIr(blog, 'sqlite');
    expect(groups(planFromEmpty(ir, { provider: 'sqlite' }))).toEqual(['createTable', 'createIndex']);
    expect(() => planFromEmpty({ ...ir, datasource: null })).toThrow(/no datasource/);
  });
});

describe('implicit many-to-many join tables', () => {
  test.each([
    ['postgresql', { primaryKey: '_PostToTag_AB_pkey', unique: [] as string[] }],
    ['mysql', { primaryKey: null, unique: ['_PostToTag_AB_unique'] }],
    ['sqlite', { primaryKey: null, unique: ['_PostToTag_AB_unique'] }],
  ] as const)('on %s: columns A and B typed like the ids, the pair unique, B indexed, both keys cascading', (provider, expected) => {
    const changes = planFromEmpty(loadExampleIr(blog, provider));
    const join = table(changes, '_PostToTag');
    expect(join.table.columns).toEqual([
      { name: 'A', type: { kind: 'scalar', scalar: 'Int', nativeType: null, list: false }, nullable: false, default: null, autoincrement: false },
      { name: 'B', type: { kind: 'scalar', scalar: 'Int', nativeType: null, list: false }, nullable: false, default: null, autoincrement: false },
    ]);
    expect(join.table.primaryKey?.name ?? null).toBe(expected.primaryKey);
    expect(join.table.origin).toEqual({ kind: 'joinTable', relation: 'PostToTag' });
    const indexes = [...join.indexes, ...changes.flatMap((c) => (c.kind === 'createIndex' && c.table.name === '_PostToTag' ? [c.index] : []))];
    expect(indexes.filter((i) => i.kind === 'unique').map((i) => i.name)).toEqual(expected.unique);
    expect(indexes.filter((i) => i.kind === 'index')).toEqual([
      { name: '_PostToTag_B_index', kind: 'index', columns: [{ name: 'B', sort: null, length: null, ops: null }], type: null, where: null },
    ]);
    const fks = [...join.foreignKeys, ...changes.flatMap((c) => (c.kind === 'addForeignKey' && c.table.name === '_PostToTag' ? [c.foreignKey] : []))];
    expect(fks).toEqual([
      { name: '_PostToTag_A_fkey', columns: ['A'], referencedTable: { schema: null, name: 'Post' }, referencedColumns: ['id'], onDelete: 'Cascade', onUpdate: 'Cascade' },
      { name: '_PostToTag_B_fkey', columns: ['B'], referencedTable: { schema: null, name: 'Tag' }, referencedColumns: ['id'], onDelete: 'Cascade', onUpdate: 'Cascade' },
    ]);
  });
});

describe('relationMode = "prisma"', () => {
  const schema = (provider: Provider) => `${datasource(provider, '  relationMode = "prisma"\n')}
model User {
  id    Int    @id
  posts Post[]
  tags  Tag[]
}
model Post {
  id       Int  @id
  author   User @relation(fields: [authorId], references: [id])
  authorId Int
  @@index([authorId])
}
model Tag {
  id    Int    @id
  users User[]
}
`;

  test.each(['sqlite', 'postgresql', 'mysql'] as const)('%s: no foreign keys anywhere, join tables still created', (provider) => {
    const changes = planFromEmpty(irOf(schema(provider)));
    expect(kinds(changes)).not.toContain('addForeignKey');
    for (const t of tables(changes)) expect(t.foreignKeys).toEqual([]);
    expect(tables(changes).map((t) => t.table.name.name)).toEqual(['User', 'Post', 'Tag', '_TagToUser']);
    for (const r of renderChanges(changes, provider)) for (const s of r.sql) expect(s).not.toMatch(/FOREIGN KEY/);
  });
});

describe('what the IR asks for', () => {
  const ir = irOf(`${datasource('postgresql')}
enum Status {
  ACTIVE  @map("active")
  ARCHIVED @map("archived")
  @@map("status")
}
model Legacy {
  id      Int    @id
  payload Unsupported("circle")?
  @@ignore
}
model Item {
  id        String   @id @default(uuid())
  slug      String   @default(cuid())
  status    Status   @default(ARCHIVED)
  code      String   @default(dbgenerated("md5(random()::text)"))
  external  String?  @default(dbgenerated())
  note      String   @ignore @default("n/a")
  updatedAt DateTime @updatedAt
  seenAt    DateTime @default("2024-03-01T12:00:00+02:00")
  data      Bytes    @default("aGk=")
  tags      String[] @default(["a", "b"])
}
view Owned {
  id Int @unique
}
`);
  const changes = planFromEmpty(ir);
  const item = table(changes, 'Item').table;
  const col = (name: string) => item.columns.find((c) => c.name === name)!;

  test('an @@ignore model still gets its table, an Unsupported column keeps its type as written', () => {
    const legacy = table(changes, 'Legacy').table;
    expect(legacy.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', { kind: 'scalar', scalar: 'Int', nativeType: null, list: false }],
      ['payload', { kind: 'unsupported', sql: 'circle', list: false }],
    ]);
  });

  test('client-generated defaults (uuid, cuid) and @updatedAt are not database defaults', () => {
    expect(col('id').default).toBeNull();
    expect(col('slug').default).toBeNull();
    expect(col('updatedAt').default).toBeNull();
  });

  test('an enum default is the stored (@map) value; the enum type is the @@map name', () => {
    expect(col('status').default).toEqual({ kind: 'string', value: 'archived' });
    expect(col('status').type).toEqual({ kind: 'enum', enum: { schema: null, name: 'status' }, values: ['active', 'archived'], list: false });
    expect(changes[0]).toEqual({ kind: 'createEnum', enum: { name: { schema: null, name: 'status' }, values: ['active', 'archived'], origin: { kind: 'enum', enum: 'Status' }, renamedFrom: null, members: [{ name: 'ACTIVE', renamedFrom: null }, { name: 'ARCHIVED', renamedFrom: null }] } });
  });

  test('dbgenerated("...") is the expression as written; dbgenerated() leaves the default to the database', () => {
    expect(col('code').default).toEqual({ kind: 'expression', sql: 'md5(random()::text)' });
    expect(col('external').default).toBeNull();
  });

  test('@ignore fields keep their columns and defaults', () => {
    expect(col('note').default).toEqual({ kind: 'string', value: 'n/a' });
  });

  test('DateTime literals become UTC instants, Bytes literals hex, list defaults lists', () => {
    expect(col('seenAt').default).toEqual({ kind: 'dateTime', value: '2024-03-01T10:00:00.000Z' });
    expect(col('data').default).toEqual({ kind: 'bytes', hex: '6869' });
    expect(col('tags')).toMatchObject({ nullable: true, default: { kind: 'list', values: [{ kind: 'string', value: 'a' }, { kind: 'string', value: 'b' }] } });
  });

  test('a view without @@sql belongs to the database: no CreateView', () => {
    expect(kinds(changes)).not.toContain('createView');
  });
});

describe('PostgreSQL schemas (@@schema)', () => {
  const ir = irOf(`datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
  schemas  = ["auth", "shop"]
}
enum Kind {
  A
  @@schema("shop")
}
model Account {
  id     Int     @id
  orders Order[]
  @@schema("auth")
}
model Order {
  id        Int     @id
  kind      Kind
  account   Account @relation(fields: [accountId], references: [id])
  accountId Int
  @@schema("shop")
}
`);
  const rendered = renderChanges(planFromEmpty(ir), 'postgresql');
  const sql = rendered.flatMap((r) => r.sql);

  test('creates each schema first, then qualifies every name', () => {
    expect(sql.slice(0, 3)).toEqual(['CREATE SCHEMA IF NOT EXISTS "auth"', 'CREATE SCHEMA IF NOT EXISTS "shop"', 'CREATE TYPE "shop"."Kind" AS ENUM (\'A\')']);
    expect(sql).toContain(
      'CREATE TABLE "shop"."Order" (\n    "id" INTEGER NOT NULL,\n    "kind" "shop"."Kind" NOT NULL,\n    "accountId" INTEGER NOT NULL,\n\n    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")\n)',
    );
    expect(sql).toContain(
      'ALTER TABLE "shop"."Order" ADD CONSTRAINT "Order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "auth"."Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE',
    );
  });
});
