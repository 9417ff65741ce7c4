import type { RuntimeColumn, RuntimeModel, RuntimeRelation, RuntimeSchema } from '@kiln/runtime';
import { runtimeSchemaFromIR } from '../src/index.js';
import { exampleIR, irOf } from './helpers/generate-example.js';

const DATASOURCE = (provider = 'postgresql', extra = '') => `datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")${extra}
}
`;

function model(schema: RuntimeSchema, name: string): RuntimeModel {
  const m = schema.models[name];
  if (!m) throw new Error(`no model ${name}`);
  return m;
}
function relation(schema: RuntimeSchema, modelName: string, field: string): RuntimeRelation {
  const f = model(schema, modelName).fields.find((x) => x.name === field);
  if (!f || f.kind !== 'relation') throw new Error(`no relation ${modelName}.${field}`);
  return f;
}
function column(schema: RuntimeSchema, modelName: string, field: string): RuntimeColumn {
  const f = model(schema, modelName).fields.find((x) => x.name === field);
  if (!f || f.kind === 'relation') throw new Error(`no column ${modelName}.${field}`);
  return f;
}

describe('runtimeSchemaFromIR: relations', () => {
  const blog = runtimeSchemaFromIR(exampleIR('blog'));

  test('1:1: the side with the foreign key joins locally, the other side on the target', () => {
    expect(relation(blog, 'Profile', 'user')).toEqual({
      kind: 'relation',
      name: 'user',
      type: 'User',
      list: false,
      optional: false,
      relationName: 'ProfileToUser',
      opposite: 'profile',
      keyOn: 'local',
      localFields: ['userId'],
      targetFields: ['id'],
      joinTable: null,
      onDelete: 'Cascade',
      onUpdate: 'Cascade',
      // The key's database name uses the mapped column: userId is @map("user_id").
      fkName: 'Profile_user_id_fkey',
    });
    expect(relation(blog, 'User', 'profile')).toEqual({
      kind: 'relation',
      name: 'profile',
      type: 'Profile',
      list: false,
      optional: true,
      relationName: 'ProfileToUser',
      opposite: 'user',
      keyOn: 'target',
      localFields: ['id'],
      targetFields: ['userId'],
      joinTable: null,
      onDelete: 'Cascade',
      onUpdate: 'Cascade',
    });
  });

  test('1:n on both sides, with two named relations between the same models', () => {
    const author = relation(blog, 'Post', 'author');
    expect(author).toMatchObject({ keyOn: 'local', localFields: ['authorId'], targetFields: ['id'], opposite: 'posts', relationName: 'PostAuthor', list: false, optional: false, onDelete: 'Restrict' });
    const editor = relation(blog, 'Post', 'editor');
    expect(editor).toMatchObject({ keyOn: 'local', localFields: ['editorId'], targetFields: ['id'], opposite: 'editedPosts', relationName: 'PostEditor', optional: true, onDelete: 'SetNull' });
    expect(relation(blog, 'User', 'posts')).toMatchObject({ keyOn: 'target', localFields: ['id'], targetFields: ['authorId'], opposite: 'author', list: true, type: 'Post' });
    expect(relation(blog, 'User', 'editedPosts')).toMatchObject({ keyOn: 'target', localFields: ['id'], targetFields: ['editorId'], opposite: 'editor', list: true });
  });

  test('m:n: each side names its own join-table column (A for the model listed first)', () => {
    expect(relation(blog, 'Post', 'tags')).toEqual({
      kind: 'relation',
      name: 'tags',
      type: 'Tag',
      list: true,
      optional: false,
      relationName: 'PostToTag',
      opposite: 'posts',
      keyOn: 'join',
      localFields: ['id'],
      targetFields: ['id'],
      joinTable: { name: '_PostToTag', schema: null, localColumn: 'A', targetColumn: 'B' },
      onDelete: null,
      onUpdate: null,
    });
    expect(relation(blog, 'Tag', 'posts')).toMatchObject({
      keyOn: 'join',
      opposite: 'tags',
      joinTable: { name: '_PostToTag', schema: null, localColumn: 'B', targetColumn: 'A' },
    });
  });

  test('1:n self-relation: parent holds the key, replies read it from the other side', () => {
    expect(relation(blog, 'Comment', 'parent')).toMatchObject({ type: 'Comment', keyOn: 'local', localFields: ['parentId'], targetFields: ['id'], opposite: 'replies', optional: true, onDelete: 'SetNull' });
    expect(relation(blog, 'Comment', 'replies')).toMatchObject({ type: 'Comment', keyOn: 'target', localFields: ['id'], targetFields: ['parentId'], opposite: 'parent', list: true });
  });

  test('m:n self-relation: the two fields take columns A and B', () => {
    const s = runtimeSchemaFromIR(
      irOf(`${DATASOURCE()}
model User {
  id        Int    @id
  followers User[] @relation("Follows")
  following User[] @relation("Follows")
}
`),
    );
    const followers = relation(s, 'User', 'followers');
    const following = relation(s, 'User', 'following');
    expect(followers).toMatchObject({ keyOn: 'join', opposite: 'following', relationName: 'Follows' });
    expect(following).toMatchObject({ keyOn: 'join', opposite: 'followers' });
    expect([followers.joinTable?.localColumn, following.joinTable?.localColumn].sort()).toEqual(['A', 'B']);
    expect(followers.joinTable?.targetColumn).toBe(following.joinTable?.localColumn);
    expect(followers.joinTable?.name).toBe('_Follows');
  });

  test('1:1 self-relation and compound foreign keys', () => {
    const s = runtimeSchemaFromIR(
      irOf(`${DATASOURCE()}
model Node {
  id     Int   @id
  prevId Int?  @unique
  prev   Node? @relation("Chain", fields: [prevId], references: [id])
  next   Node? @relation("Chain")
}
model Tenant {
  id    Int
  code  String
  users Member[]
  @@id([id, code])
}
model Member {
  id         Int    @id
  tenantId   Int
  tenantCode String
  tenant     Tenant @relation(fields: [tenantId, tenantCode], references: [id, code])
}
`),
    );
    expect(relation(s, 'Node', 'prev')).toMatchObject({ keyOn: 'local', localFields: ['prevId'], targetFields: ['id'], opposite: 'next' });
    expect(relation(s, 'Node', 'next')).toMatchObject({ keyOn: 'target', localFields: ['id'], targetFields: ['prevId'], opposite: 'prev', list: false, optional: true });
    expect(relation(s, 'Member', 'tenant')).toMatchObject({ keyOn: 'local', localFields: ['tenantId', 'tenantCode'], targetFields: ['id', 'code'] });
    expect(relation(s, 'Tenant', 'users')).toMatchObject({ keyOn: 'target', localFields: ['id', 'code'], targetFields: ['tenantId', 'tenantCode'] });
  });

  test('relationMode = "prisma" is carried, with the resolved referential actions', () => {
    const s = runtimeSchemaFromIR(
      irOf(`${DATASOURCE('mysql', '\n  relationMode = "prisma"')}
model User {
  id    Int    @id
  posts Post[]
}
model Post {
  id       Int  @id
  author   User @relation(fields: [authorId], references: [id])
  authorId Int
  @@index([authorId])
}
`),
    );
    expect(s.provider).toBe('mysql');
    expect(s.relationMode).toBe('prisma');
    expect(relation(s, 'Post', 'author')).toMatchObject({ onDelete: 'Restrict', onUpdate: 'Cascade' });
  });
});

describe('runtimeSchemaFromIR: columns and defaults', () => {
  const s = runtimeSchemaFromIR(
    irOf(`${DATASOURCE()}
enum Role {
  USER  @map("user")
  ADMIN
}
model Thing {
  id      Int      @id @default(autoincrement())
  uid     String   @default(uuid(7))
  cid     String   @default(cuid())
  ulid    String   @default(ulid())
  nano    String   @default(nanoid(10))
  at      DateTime @default(now())
  gen     String   @default(dbgenerated("gen_random_uuid()"))
  label   String   @default("x")
  n       Decimal  @default(1.5)
  flag    Boolean  @default(true)
  role    Role     @default(USER)
  tags    String[] @default(["a"])
  plain   String?  @map("plain_text") @db.VarChar(20)
  changed DateTime @updatedAt
}
`),
  );

  test('autoincrement, dbgenerated and literals are filled by the database', () => {
    expect(column(s, 'Thing', 'id').default).toEqual({ kind: 'database', autoincrement: true });
    for (const f of ['gen', 'label', 'n', 'flag', 'role', 'tags']) {
      expect(column(s, 'Thing', f).default).toEqual({ kind: 'database', autoincrement: false });
    }
  });

  test('uuid, cuid, ulid, nanoid and now are generated by the client, with their arguments', () => {
    expect(column(s, 'Thing', 'uid').default).toEqual({ kind: 'generate', fn: 'uuid', args: [7] });
    expect(column(s, 'Thing', 'cid').default).toEqual({ kind: 'generate', fn: 'cuid', args: [] });
    expect(column(s, 'Thing', 'ulid').default).toEqual({ kind: 'generate', fn: 'ulid', args: [] });
    expect(column(s, 'Thing', 'nano').default).toEqual({ kind: 'generate', fn: 'nanoid', args: [10] });
    expect(column(s, 'Thing', 'at').default).toEqual({ kind: 'generate', fn: 'now', args: [] });
  });

  test('a column keeps its database name, native type, flags and no default', () => {
    expect(column(s, 'Thing', 'plain')).toEqual({
      kind: 'scalar',
      name: 'plain',
      column: 'plain_text',
      type: 'String',
      optional: true,
      list: false,
      isId: false,
      updatedAt: false,
      nativeType: { name: 'VarChar', args: ['20'] },
      default: null,
    });
    expect(column(s, 'Thing', 'changed')).toMatchObject({ updatedAt: true, default: null });
    expect(column(s, 'Thing', 'tags')).toMatchObject({ list: true, type: 'String' });
    expect(column(s, 'Thing', 'role')).toMatchObject({ kind: 'enum', type: 'Role' });
    expect(column(s, 'Thing', 'id')).toMatchObject({ isId: true });
  });

  test('enums map each value to its stored name', () => {
    expect(s.enums).toEqual({ Role: { USER: 'user', ADMIN: 'ADMIN' } });
  });
});

describe('runtimeSchemaFromIR: unique keys', () => {
  const s = runtimeSchemaFromIR(
    irOf(`${DATASOURCE()}
model User {
  id       Int    @id
  email    String @unique
  tenantId String
  a        String
  b        String
  slug     String
  deleted  Boolean @default(false)

  @@unique([email, tenantId])
  @@unique([a, b], name: "ab")
  @@unique([slug], where: "deleted = false")
  @@index([a])
}
model Pair {
  left  Int
  right Int
  @@id([left, right])
  @@unique([right, left], map: "pair_rl")
}
model Named {
  x Int
  y Int
  @@id([x, y], name: "xy")
}
`),
  );

  test('the primary key first, then single and compound uniques, keyed as WhereUniqueInput keys them', () => {
    expect(model(s, 'User').uniques).toEqual([
      { key: 'id', fields: ['id'], dbName: 'User_pkey' },
      { key: 'email', fields: ['email'], dbName: 'User_email_key' },
      { key: 'email_tenantId', fields: ['email', 'tenantId'], dbName: 'User_email_tenantId_key' },
      { key: 'ab', fields: ['a', 'b'], dbName: 'User_a_b_key' },
    ]);
    expect(model(s, 'User').primaryKey).toEqual(['id']);
  });

  test('a partial unique index identifies no row and is left out; plain indexes too', () => {
    expect(model(s, 'User').uniques.map((u) => u.key)).not.toContain('slug');
    expect(model(s, 'User').uniques.map((u) => u.key)).not.toContain('a');
  });

  test('compound primary keys: field names joined by _, or the name given', () => {
    expect(model(s, 'Pair').primaryKey).toEqual(['left', 'right']);
    expect(model(s, 'Pair').uniques).toEqual([
      { key: 'left_right', fields: ['left', 'right'], dbName: 'Pair_pkey' },
      { key: 'right_left', fields: ['right', 'left'], dbName: 'pair_rl' },
    ]);
    expect(model(s, 'Named').uniques).toEqual([{ key: 'xy', fields: ['x', 'y'], dbName: 'Named_pkey' }]);
  });

  test('the store example: composite ids and a compound unique', () => {
    const store = runtimeSchemaFromIR(exampleIR('store'));
    expect(model(store, 'LineItem').uniques).toEqual([{ key: 'orderId_variantId', fields: ['orderId', 'variantId'], dbName: 'line_items_pkey' }]); // @@map("line_items")
    expect(model(store, 'ProductVariant').uniques).toEqual([
      { key: 'id', fields: ['id'], dbName: 'ProductVariant_pkey' },
      { key: 'sku', fields: ['sku'], dbName: 'ProductVariant_sku_key' },
      { key: 'productId_name', fields: ['productId', 'name'], dbName: 'ProductVariant_productId_name_key' },
    ]);
  });
});

describe('runtimeSchemaFromIR: what the client leaves out', () => {
  const s = runtimeSchemaFromIR(
    irOf(`${DATASOURCE()}
model User {
  id      Int      @id
  secret  String   @ignore
  legacy  Legacy[] @ignore
  shape   Unsupported("circle")?
}
model Legacy {
  id     Int  @id
  user   User @relation(fields: [userId], references: [id])
  userId Int
  @@ignore
}
`),
  );

  test('@@ignore models are not in the schema', () => {
    expect(Object.keys(s.models)).toEqual(['User']);
  });

  test('@ignore fields, and relations to ignored models, are not fields', () => {
    expect(model(s, 'User').fields.map((f) => f.name)).toEqual(['id', 'shape']);
  });

  test('Unsupported columns stay (the runtime must know them) with their database type', () => {
    expect(column(s, 'User', 'shape')).toMatchObject({ kind: 'unsupported', type: 'circle', optional: true });
  });
});

describe('runtimeSchemaFromIR: views and the saas example', () => {
  const saas = runtimeSchemaFromIR(exampleIR('saas'));

  test('a view is a model without a primary key, identified by its unique fields', () => {
    expect(model(saas, 'OrganizationUsage')).toMatchObject({
      name: 'OrganizationUsage',
      dbName: 'OrganizationUsage',
      primaryKey: [],
      uniques: [{ key: 'organizationId', fields: ['organizationId'] }],
    });
    expect(model(saas, 'OrganizationUsage').fields.map((f) => f.name)).toEqual(['organizationId', 'name', 'memberCount', 'projectCount']);
  });

  test('the partial unique on Project is left out, the compound unique on Membership kept', () => {
    expect(model(saas, 'Project').uniques.map((u) => u.key)).toEqual(['id']);
    expect(model(saas, 'Membership').uniques.map((u) => u.key)).toEqual(['id', 'organizationId_userId']);
  });

  test('the result is plain JSON: it survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(saas))).toEqual(saas);
  });
});
