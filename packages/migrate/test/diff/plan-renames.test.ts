import type { Provider } from '@kiln/schema';
import { describeChange, invertRenames, planMigration, renderChanges, WARNING_CODES, type MigrationPlan, type RenameCandidate } from '../../src/index.js';
import { dbOf, plan } from './helpers/migrate.js';

/*
 * Rename decisions: hints make RENAME changes (never a drop and an add), look-alikes without a
 * hint are warnings naming the hint to add, a resolver decides them, and the decisions a plan
 * made invert into the plan back.
 */

const described = (p: MigrationPlan) => p.changes.map(describeChange);
const PROVIDERS: Provider[] = ['sqlite', 'postgresql', 'mysql'];

const MEMBERSHIP_V1 = `
model Membership {
  id     Int    @id
  handle String
  level  Int
}
`;

describe('rename hints', () => {
  test.each(PROVIDERS)('a field renamed with @renamedFrom is a RenameColumn on %s', (provider) => {
    const p = plan(provider, MEMBERSHIP_V1, MEMBERSHIP_V1.replace('handle String', 'slug   String @renamedFrom("handle")'));
    expect(described(p)).toEqual(['RenameColumn "handle" to "slug" on "Membership"']);
    expect(p.warnings).toEqual([]);
    expect(p.renames).toEqual([{ kind: 'column', table: { schema: null, name: 'Membership' }, from: 'handle', to: 'slug' }]);
  });

  test('a hint names the old field, which may be mapped to another column', () => {
    const v1 = MEMBERSHIP_V1.replace('handle String', 'handle String @map("user_handle")');
    const v2 = MEMBERSHIP_V1.replace('handle String', 'slug   String @renamedFrom("handle") @map("slug_col")');
    expect(described(plan('postgresql', v1, v2))).toEqual(['RenameColumn "user_handle" to "slug_col" on "Membership"']);
  });

  test('a hint may also name the old column (a database read by introspection has no field names)', () => {
    const from = dbOf('postgresql', MEMBERSHIP_V1.replace('handle String', 'handle String @map("h")'));
    for (const c of from.tables[0]!.table.columns) delete c.field;
    const to = dbOf('postgresql', MEMBERSHIP_V1.replace('handle String', 'slug   String @renamedFrom("h")'));
    expect(described(planMigration(from, to, { provider: 'postgresql' }))).toEqual(['RenameColumn "h" to "slug" on "Membership"']);
  });

  test.each(PROVIDERS)('a model renamed with @@renamedFrom renames its table, and on PostgreSQL its key and indexes, on %s', (provider) => {
    const v1 = `model User {\n  id Int @id\n  email String @unique\n}\n`;
    const v2 = `model Person {\n  id Int @id\n  email String @unique\n\n  @@renamedFrom("User")\n}\n`;
    const p = plan(provider, v1, v2);
    const expected: Record<Provider, string[]> = {
      postgresql: [
        'RenameTable "User" to "Person"',
        'RenameIndex "User_email_key" to "Person_email_key" on "Person"',
        'RenameConstraint "User_pkey" to "Person_pkey" on "Person"',
      ],
      mysql: ['RenameTable "User" to "Person"', 'RenameIndex "User_email_key" to "Person_email_key" on "Person"'],
      // SQLite has no RENAME INDEX: the index is dropped (before the renames) and created.
      sqlite: ['DropIndex "User_email_key" on "User"', 'RenameTable "User" to "Person"', 'CreateIndex "Person_email_key" on "Person"'],
    };
    expect(described(p)).toEqual(expected[provider]);
    expect(p.renames).toEqual([{ kind: 'table', from: { schema: null, name: 'User' }, to: { schema: null, name: 'Person' } }]);
  });

  test('a model hint matches the old model name even when its table was mapped', () => {
    const v1 = `model User {\n  id Int @id\n  @@map("app_users")\n}\n`;
    const v2 = `model Person {\n  id Int @id\n  @@map("people")\n  @@renamedFrom("User")\n}\n`;
    expect(described(plan('mysql', v1, v2))).toEqual(['RenameTable "app_users" to "people"']);
  });

  test('a model renamed but mapped to the same table changes nothing', () => {
    const v1 = `model User {\n  id Int @id\n  @@map("users")\n}\n`;
    const v2 = `model Person {\n  id Int @id\n  @@map("users")\n  @@renamedFrom("User")\n}\n`;
    expect(plan('postgresql', v1, v2).changes).toEqual([]);
  });

  test('the same model, field or enum under a new @@map, @map or @@schema is renamed, without a hint', () => {
    const v1 = `enum Role {\n  A\n  @@map("role")\n}\nmodel User {\n  id Int @id\n  name String @map("full_name")\n  role Role\n  @@map("users")\n}\n`;
    const v2 = v1.replace('@map("full_name")', '@map("display_name")').replace('@@map("users")', '@@map("people")').replace('@@map("role")', '@@map("user_role")');
    const p = plan('postgresql', v1, v2);
    expect(described(p)).toEqual([
      'RenameEnum "role" to "user_role"',
      'RenameTable "users" to "people"',
      'RenameColumn "full_name" to "display_name" on "people"',
      'RenameConstraint "users_pkey" to "people_pkey" on "people"',
    ]);
    expect(p.warnings).toEqual([]);
    // A side read from a database names nothing after the schema: there the names alone count.
    const inspected = { ...dbOf('postgresql', v1), source: 'database' as const };
    expect(described(planMigration(inspected, dbOf('postgresql', v2), { provider: 'postgresql' }))).toContain('DropTable "users"');
  });

  test('the data follows the field: a field mapped elsewhere, and a new field mapped to its old column', () => {
    const v1 = `model T {\n  id Int @id\n  name String @map("a")\n}\n`;
    const v2 = `model T {\n  id Int @id\n  name String @map("b")\n  title String? @map("a")\n}\n`;
    expect(described(plan('mysql', v1, v2))).toEqual(['RenameColumn "a" to "b" on "T"', 'AddColumn "a" to "T"']);
  });

  test('a model moved to another PostgreSQL schema moves its table', () => {
    const ds = (schema: string) => `model T {\n  id Int @id\n  @@schema("${schema}")\n}\nenum E {\n  X\n  @@schema("${schema}")\n}\n`;
    const from = dbOf('postgresql', ds('a'), 'schemas = ["a", "b"]');
    const to = dbOf('postgresql', ds('b'), 'schemas = ["a", "b"]');
    const p = planMigration(from, to, { provider: 'postgresql' });
    expect(renderChanges(p.changes, 'postgresql').flatMap((r) => r.sql)).toEqual(['ALTER TYPE "a"."E" SET SCHEMA "b"', 'ALTER TABLE "a"."T" SET SCHEMA "b"']);
  });

  test('a hint left in the schema after its migration ran is ignored', () => {
    const v2 = MEMBERSHIP_V1.replace('handle String', 'slug   String @renamedFrom("handle")');
    expect(plan('postgresql', v2, v2).changes).toEqual([]);
    expect(plan('postgresql', v2, v2).warnings).toEqual([]);
  });

  test('enum and enum value hints rename the PostgreSQL type and value in place', () => {
    const v1 = `enum Role {\n  USER\n  ADMIN\n}\nmodel U {\n  id Int @id\n  role Role @default(ADMIN)\n}\n`;
    const v2 = `enum Kind {\n  USER\n  ADMINISTRATOR @renamedFrom("ADMIN")\n\n  @@renamedFrom("Role")\n}\nmodel U {\n  id Int @id\n  role Kind @default(ADMINISTRATOR)\n}\n`;
    const p = plan('postgresql', v1, v2);
    expect(renderChanges(p.changes, 'postgresql').flatMap((r) => r.sql)).toEqual([
      'ALTER TYPE "Role" RENAME TO "Kind"',
      `ALTER TYPE "Kind" RENAME VALUE 'ADMIN' TO 'ADMINISTRATOR'`,
    ]);
    expect(p.renames).toEqual([
      { kind: 'enum', from: { schema: null, name: 'Role' }, to: { schema: null, name: 'Kind' } },
      { kind: 'enumValue', enum: { schema: null, name: 'Kind' }, from: 'ADMIN', to: 'ADMINISTRATOR' },
    ]);
    // MySQL keeps the values in the column: the type widens, the rows are rewritten, the type narrows.
    expect(renderChanges(plan('mysql', v1, v2).changes, 'mysql').flatMap((r) => r.sql)).toEqual([
      "ALTER TABLE `U` MODIFY `role` ENUM('USER', 'ADMINISTRATOR', 'ADMIN') NOT NULL DEFAULT 'ADMINISTRATOR'",
      "UPDATE `U` SET `role` = 'ADMINISTRATOR' WHERE `role` = 'ADMIN'",
      "ALTER TABLE `U` MODIFY `role` ENUM('USER', 'ADMINISTRATOR') NOT NULL DEFAULT 'ADMINISTRATOR'",
    ]);
    // SQLite rebuilds the table, mapping the value while copying.
    const sqlite = renderChanges(plan('sqlite', v1, v2).changes, 'sqlite').flatMap((r) => r.sql);
    expect(sqlite).toContain(`INSERT INTO "_kiln_new_U" ("id", "role") SELECT "id", CASE "role" WHEN 'ADMIN' THEN 'ADMINISTRATOR' ELSE "role" END FROM "U"`);
  });

  test('two columns that swap names go through a temporary name', () => {
    // Hints cannot say this (a hint naming a field that still exists is ignored, K7004); decisions can.
    const v1 = `model T {\n  id Int @id\n  a String\n  b String\n}\n`;
    const table = { schema: null, name: 'T' };
    const p = planMigration(dbOf('postgresql', v1), dbOf('postgresql', v1), {
      provider: 'postgresql',
      renames: [
        { kind: 'column', table, from: 'a', to: 'b' },
        { kind: 'column', table, from: 'b', to: 'a' },
      ],
    });
    expect(renderChanges(p.changes, 'postgresql').flatMap((r) => r.sql)).toEqual([
      'ALTER TABLE "T" RENAME COLUMN "b" TO "b_kiln_tmp"',
      'ALTER TABLE "T" RENAME COLUMN "a" TO "b"',
      'ALTER TABLE "T" RENAME COLUMN "b_kiln_tmp" TO "a"',
    ]);
  });

  test('an index with the same definition under a new name is a rename, without any hint', () => {
    const v1 = `model T {\n  id Int @id\n  a String\n  @@index([a])\n}\n`;
    const v2 = `model T {\n  id Int @id\n  a String\n  @@index([a], map: "t_by_a")\n}\n`;
    expect(described(plan('postgresql', v1, v2))).toEqual(['RenameIndex "T_a_idx" to "t_by_a" on "T"']);
    expect(described(plan('mysql', v1, v2))).toEqual(['RenameIndex "T_a_idx" to "t_by_a" on "T"']);
    expect(described(plan('sqlite', v1, v2))).toEqual(['DropIndex "T_a_idx" on "T"', 'CreateIndex "t_by_a" on "T"']);
  });

  test('a renamed foreign key is RENAME CONSTRAINT on PostgreSQL, a drop and an add on MySQL, nothing on SQLite', () => {
    const v1 = `model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\n`;
    const v2 = v1.replace('references: [id])', 'references: [id], map: "b_to_a")');
    expect(described(plan('postgresql', v1, v2))).toEqual(['RenameConstraint "B_aId_fkey" to "b_to_a" on "B"']);
    expect(described(plan('mysql', v1, v2))).toEqual(['DropForeignKey "B_aId_fkey" on "B"', 'DropIndex "B_aId_fkey" on "B"', 'AddForeignKey "b_to_a" on "B"']);
    expect(described(plan('sqlite', v1, v2))).toEqual([]);
  });
});

describe('look-alikes without a hint', () => {
  test('a dropped and an added column of the same type: a warning naming the hint, and a drop and an add', () => {
    const p = plan('postgresql', MEMBERSHIP_V1, MEMBERSHIP_V1.replace('handle String', 'slug   String'));
    expect(described(p)).toEqual(['AddColumn "slug" to "Membership"', 'DropColumn "handle" from "Membership"']);
    expect(p.warnings).toEqual([
      {
        code: 'K8001',
        message:
          'Column "handle" of table "Membership" is dropped and column "slug" is added with the same type. ' +
          'The plan drops the column and its data; if it is a rename, add @renamedFrom("handle") to field slug of model Membership.',
        hint: 'add @renamedFrom("handle") to field slug of model Membership',
      },
    ]);
    expect(p.renames).toEqual([]);
  });

  test('columns of different types are no look-alikes', () => {
    const p = plan('postgresql', MEMBERSHIP_V1, MEMBERSHIP_V1.replace('handle String', 'slug   Boolean'));
    expect(p.warnings).toEqual([]);
  });

  test('a dropped and a created table with the same columns', () => {
    const v1 = `model Old {\n  id Int @id\n  name String\n}\n`;
    const v2 = `model New {\n  id Int @id\n  name String\n}\n`;
    const p = plan('sqlite', v1, v2);
    expect(described(p)).toEqual(['CreateTable "New"', 'DropTable "Old"']);
    expect(p.warnings.map((w) => [w.code, w.hint])).toEqual([['K8002', 'add @@renamedFrom("Old") to model New']]);
  });

  test('an enum dropped and another created with the same values (PostgreSQL), and a value replaced by another', () => {
    const v1 = `enum Role {\n  A\n  B\n}\nmodel T {\n  id Int @id\n  r Role\n}\n`;
    const v2 = `enum Kind {\n  A\n  B\n}\nmodel T {\n  id Int @id\n  r Kind\n}\n`;
    expect(plan('postgresql', v1, v2).warnings.map((w) => [w.code, w.hint])).toEqual([['K8003', 'add @@renamedFrom("Role") to enum Kind']]);
    // On MySQL an enum is no object of its own: nothing to warn about.
    expect(plan('mysql', v1, v2).warnings).toEqual([]);
    const v3 = v1.replace('  B\n', '  C\n');
    expect(plan('mysql', v1, v3).warnings.map((w) => [w.code, w.hint])).toEqual([['K8004', 'add @renamedFrom("B") to value C of enum Role']]);
  });

  test('a resolver decides look-alikes (and is not asked about hinted pairs); its renames are returned', () => {
    const asked: RenameCandidate[] = [];
    const v2 = MEMBERSHIP_V1.replace('handle String', 'slug   String').replace('level  Int', 'rank   Int @renamedFrom("level")');
    const p = planMigration(dbOf('mysql', MEMBERSHIP_V1), dbOf('mysql', v2), {
      provider: 'mysql',
      resolveRename: (c) => {
        asked.push(c);
        return true;
      },
    });
    expect(asked.map((c) => (c.kind === 'column' ? `${c.from.name}→${c.to.name}` : c.kind))).toEqual(['handle→slug']);
    expect(described(p)).toEqual(['RenameColumn "handle" to "slug" on "Membership"', 'RenameColumn "level" to "rank" on "Membership"']);
    expect(p.warnings).toEqual([]);
    // A resolver that says no: drop and add, and no warning (the question was answered).
    const no = planMigration(dbOf('mysql', MEMBERSHIP_V1), dbOf('mysql', v2), { provider: 'mysql', resolveRename: () => false });
    expect(no.warnings).toEqual([]);
    expect(described(no)).toContain('DropColumn "handle" from "Membership"');
  });

  test('a decision passed in renames without a hint; one that matches nothing is a K8005 warning', () => {
    const v2 = MEMBERSHIP_V1.replace('handle String', 'slug   String');
    const table = { schema: null, name: 'Membership' };
    const p = planMigration(dbOf('sqlite', MEMBERSHIP_V1), dbOf('sqlite', v2), {
      provider: 'sqlite',
      renames: [
        { kind: 'column', table, from: 'handle', to: 'slug' },
        { kind: 'column', table, from: 'nope', to: 'level' },
      ],
    });
    expect(described(p)).toEqual(['RenameColumn "handle" to "slug" on "Membership"']);
    expect(p.warnings.map((w) => w.code)).toEqual([WARNING_CODES.renameNotApplied]);
  });
});

describe('invertRenames', () => {
  test('the reverse plan renames back instead of dropping and adding', () => {
    const v1 = `model User {\n  id Int @id\n  handle String\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n`;
    const v2 = `model Person {\n  id Int @id\n  slug String @renamedFrom("handle")\n  posts Post[]\n  @@renamedFrom("User")\n}\nmodel Post {\n  id Int @id\n  author Person @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n`;
    const up = plan('postgresql', v1, v2);
    expect(invertRenames(up.renames)).toEqual([
      { kind: 'table', from: { schema: null, name: 'Person' }, to: { schema: null, name: 'User' } },
      { kind: 'column', table: { schema: null, name: 'User' }, from: 'slug', to: 'handle' },
    ]);
    const down = planMigration(dbOf('postgresql', v2), dbOf('postgresql', v1), { provider: 'postgresql', renames: invertRenames(up.renames) });
    // The foreign key of Post follows the table's rename: it is not touched.
    expect(described(down)).toEqual([
      'RenameTable "Person" to "User"',
      'RenameColumn "slug" to "handle" on "User"',
      'RenameConstraint "Person_pkey" to "User_pkey" on "User"',
    ]);
    expect(down.warnings).toEqual([]);
    // Without the decisions, the way back would drop the table.
    expect(described(planMigration(dbOf('postgresql', v2), dbOf('postgresql', v1), { provider: 'postgresql' }))).toContain('DropTable "Person"');
  });

  test('enum and value decisions invert with the enum named as on the other side', () => {
    expect(
      invertRenames([
        { kind: 'enum', from: { schema: 'a', name: 'Role' }, to: { schema: 'a', name: 'Kind' } },
        { kind: 'enumValue', enum: { schema: 'a', name: 'Kind' }, from: 'X', to: 'Y' },
      ]),
    ).toEqual([
      { kind: 'enum', from: { schema: 'a', name: 'Kind' }, to: { schema: 'a', name: 'Role' } },
      { kind: 'enumValue', enum: { schema: 'a', name: 'Role' }, from: 'Y', to: 'X' },
    ]);
  });
});

describe('implicit m:n join tables', () => {
  test('a model rename renames the join table; when the alphabetical order flips, A and B swap', () => {
    const v1 = `model Post {\n  id Int @id\n  tags Tag[]\n}\nmodel Tag {\n  id Int @id\n  posts Post[]\n}\n`;
    const v2 = `model Zebra {\n  id Int @id\n  tags Tag[]\n  @@renamedFrom("Post")\n}\nmodel Tag {\n  id Int @id\n  zebras Zebra[]\n}\n`;
    const p = plan('mysql', v1, v2);
    expect(p.renames).toContainEqual({ kind: 'table', from: { schema: null, name: '_PostToTag' }, to: { schema: null, name: '_TagToZebra' } });
    expect(described(p)).toEqual([
      // MySQL cannot rename a foreign key: the two are dropped and added under the new names.
      'DropForeignKey "_PostToTag_B_fkey" on "_PostToTag"',
      'DropForeignKey "_PostToTag_A_fkey" on "_PostToTag"',
      'DropIndex "_PostToTag_AB_unique" on "_PostToTag"',
      'DropIndex "_PostToTag_B_index" on "_PostToTag"',
      'RenameTable "Post" to "Zebra"',
      'RenameTable "_PostToTag" to "_TagToZebra"',
      'RenameColumn "B" to "B_kiln_tmp" on "_TagToZebra"',
      'RenameColumn "A" to "B" on "_TagToZebra"',
      'RenameColumn "B_kiln_tmp" to "A" on "_TagToZebra"',
      // The pair's unique index and the index on B cover other columns now: created anew.
      'CreateIndex "_TagToZebra_AB_unique" on "_TagToZebra"',
      'CreateIndex "_TagToZebra_B_index" on "_TagToZebra"',
      'AddForeignKey "_TagToZebra_A_fkey" on "_TagToZebra"',
      'AddForeignKey "_TagToZebra_B_fkey" on "_TagToZebra"',
    ]);
  });
});

describe('hostile identifiers', () => {
  test.each(PROVIDERS)('renamed tables and columns are quoted on %s', (provider) => {
    const v1 = `model A {\n  id Int @id\n  x String @map("o'ld \\"col\\" \`x\`")\n  @@map("t'a\\"b\`le")\n}\n`;
    const v2 = `model B {\n  id Int @id\n  y String @renamedFrom("x") @map("n€w \\"col\\" \`y\`")\n  @@map("t'a\\"b\`le 2")\n  @@renamedFrom("A")\n}\n`;
    const sql = renderChanges(plan(provider, v1, v2).changes, provider).flatMap((r) => r.sql);
    const expected: Record<Provider, string[]> = {
      sqlite: ['ALTER TABLE "t\'a""b`le" RENAME TO "t\'a""b`le 2"', 'ALTER TABLE "t\'a""b`le 2" RENAME COLUMN "o\'ld ""col"" `x`" TO "n€w ""col"" `y`"'],
      postgresql: [
        'ALTER TABLE "t\'a""b`le" RENAME TO "t\'a""b`le 2"',
        'ALTER TABLE "t\'a""b`le 2" RENAME COLUMN "o\'ld ""col"" `x`" TO "n€w ""col"" `y`"',
        'ALTER TABLE "t\'a""b`le 2" RENAME CONSTRAINT "t\'a""b`le_pkey" TO "t\'a""b`le 2_pkey"',
      ],
      mysql: ["RENAME TABLE `t'a\"b``le` TO `t'a\"b``le 2`", "ALTER TABLE `t'a\"b``le 2` RENAME COLUMN `o'ld \"col\" ``x``` TO `n€w \"col\" ``y```"],
    };
    expect(sql).toEqual(expected[provider]);
  });
});
