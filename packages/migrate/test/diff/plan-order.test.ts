import type { Provider } from '@kiln/schema';
import { describeChange, renderChanges, type Change, type MigrationPlan } from '../../src/index.js';
import { plan } from './helpers/migrate.js';

/*
 * Where each change goes, and the per-dialect decisions: SQLite rebuilds, MySQL's foreign key
 * indexes, PostgreSQL's enum values, views around changing tables.
 */

const described = (p: MigrationPlan) => p.changes.map(describeChange);
const kinds = (p: MigrationPlan) => p.changes.map((c) => c.kind);
const sqlOf = (provider: Provider, p: MigrationPlan) => renderChanges(p.changes, provider).flatMap((r) => r.sql);

describe('the order of the changes', () => {
  const v1 = `
enum Status {
  DRAFT
  LIVE
}

model Author {
  id    Int    @id
  name  String
  books Book[]

  @@index([name])
}

model Book {
  id       Int    @id
  title    String
  status   Status
  authorId Int
  author   Author @relation(fields: [authorId], references: [id])
  extra    String?
}

model Gone {
  id Int @id
}

view BookTitles {
  title String @unique

  @@sql("SELECT title FROM \\"Book\\"")
}
`;
  const v2 = `
enum Status {
  DRAFT
  LIVE
  ARCHIVED
}

enum Tier {
  FREE
  PAID
}

model Writer {
  id    BigInt @id
  name  String
  tier  Tier   @default(FREE)
  books Book[]

  @@index([name], map: "writer_name")
  @@renamedFrom("Author")
}

model Book {
  id       Int    @id
  title    String
  status   Status
  authorId BigInt
  author   Writer @relation(fields: [authorId], references: [id], onDelete: Cascade)
  shelfId  Int?
  shelf    Shelf? @relation(fields: [shelfId], references: [id])
}

model Shelf {
  id    Int    @id
  books Book[]
}

view BookTitles {
  title String @unique

  @@sql("SELECT title FROM \\"Book\\"")
}
`;

  test('PostgreSQL: new enum values first, foreign keys and views out, renames, new types, tables, columns, drops, indexes, foreign keys, views', () => {
    const p = plan('postgresql', v1, v2);
    expect(described(p)).toEqual([
      'AlterEnum "Status"',
      'DropForeignKey "Book_authorId_fkey" on "Book"',
      'DropView "BookTitles"',
      'RenameTable "Author" to "Writer"',
      'RenameIndex "Author_name_idx" to "writer_name" on "Writer"',
      'RenameConstraint "Author_pkey" to "Writer_pkey" on "Writer"',
      'CreateEnum "Tier"',
      'CreateTable "Shelf"',
      'AddColumn "tier" to "Writer"',
      'AlterColumn "id" on "Writer" (type)',
      'AddColumn "shelfId" to "Book"',
      'AlterColumn "authorId" on "Book" (type)',
      'DropColumn "extra" from "Book"',
      'DropTable "Gone"',
      'AddForeignKey "Book_authorId_fkey" on "Book"',
      'AddForeignKey "Book_shelfId_fkey" on "Book"',
      'CreateView "BookTitles"',
    ]);
    // ADD VALUE runs outside the migration's transaction, first, so the rest is one transaction.
    const rendered = renderChanges(p.changes, 'postgresql');
    expect(rendered.filter((r) => r.transactional === false).map((r) => r.sql)).toEqual([[`ALTER TYPE "Status" ADD VALUE 'ARCHIVED' AFTER 'LIVE'`]]);
  });

  test('MySQL: the same, with foreign keys dropped and added around the retyped column', () => {
    expect(described(plan('mysql', v1, v2))).toEqual([
      'DropForeignKey "Book_authorId_fkey" on "Book"',
      'DropView "BookTitles"',
      'RenameTable "Author" to "Writer"',
      'RenameIndex "Author_name_idx" to "writer_name" on "Writer"',
      'CreateTable "Shelf"',
      'AddColumn "tier" to "Writer"',
      'AlterColumn "id" on "Writer" (type)',
      'AddColumn "shelfId" to "Book"',
      'AlterColumn "status" on "Book" (type)',
      'AlterColumn "authorId" on "Book" (type)',
      'DropColumn "extra" from "Book"',
      'DropTable "Gone"',
      'AddForeignKey "Book_authorId_fkey" on "Book"',
      'AddForeignKey "Book_shelfId_fkey" on "Book"',
      'CreateView "BookTitles"',
    ]);
  });

  test('SQLite: both tables are rebuilt (retyped columns, new foreign keys), after the renames', () => {
    expect(described(plan('sqlite', v1, v2))).toEqual([
      'DropView "BookTitles"',
      'RenameTable "Author" to "Writer"',
      'CreateTable "Shelf"',
      'RedefineTable "Writer"',
      'RedefineTable "Book"',
      'DropTable "Gone"',
      'CreateView "BookTitles"',
    ]);
    // Without the retyped key, the renamed table only gains a column, and its index is renamed by drop and create.
    expect(described(plan('sqlite', v1, v2.replace('id    BigInt @id', 'id    Int    @id').replace('authorId BigInt', 'authorId Int')))).toEqual([
      'DropView "BookTitles"',
      'DropIndex "Author_name_idx" on "Author"',
      'RenameTable "Author" to "Writer"',
      'CreateTable "Shelf"',
      'RedefineTable "Book"',
      'AddColumn "tier" to "Writer"',
      'DropTable "Gone"',
      'CreateIndex "writer_name" on "Writer"',
      'CreateView "BookTitles"',
    ]);
  });

  test('dropped tables: their foreign keys go first (PostgreSQL, MySQL); on SQLite the referencing table is dropped first', () => {
    const a = `model P {\n  id Int @id\n  cs C[]\n}\nmodel C {\n  id Int @id\n  pId Int\n  p P @relation(fields: [pId], references: [id])\n}\n`;
    const b = `model Other {\n  id Int @id\n}\n`;
    expect(described(plan('postgresql', a, b))).toEqual(['DropForeignKey "C_pId_fkey" on "C"', 'CreateTable "Other"', 'DropTable "C"', 'DropTable "P"']);
    expect(described(plan('sqlite', a, b))).toEqual(['CreateTable "Other"', 'DropTable "C"', 'DropTable "P"']);
  });
});

describe('SQLite: ALTER TABLE where it can, a rebuild where it cannot', () => {
  const base = `model T {\n  id Int @id\n  a String\n  b String?\n  @@index([b])\n}\n`;
  const add = (field: string) => plan('sqlite', base, base.replace('  @@index', `  ${field}\n  @@index`));

  test.each([
    ['c String?', 'addColumn'],
    ['c String @default("x")', 'addColumn'],
    ['c Int @default(0)', 'addColumn'],
    ['c String', 'redefineTable'], // NOT NULL without a default
    ['c DateTime @default(now())', 'redefineTable'], // not a constant
    ['c String @default(dbgenerated("lower(\'X\')"))', 'redefineTable'],
  ])('adding %s: %s', (field, kind) => {
    expect(kinds(add(field))).toEqual([kind]);
  });

  test('a unique column is added, then its index', () => {
    expect(kinds(add('c String? @unique'))).toEqual(['addColumn', 'createIndex']);
  });

  test('dropping a plain column is ALTER TABLE DROP COLUMN; an indexed one after its index', () => {
    expect(described(plan('sqlite', base, base.replace('  a String\n', '')))).toEqual(['DropColumn "a" from "T"']);
    expect(described(plan('sqlite', base, base.replace('  b String?\n', '').replace('  @@index([b])\n', '')))).toEqual([
      'DropIndex "T_b_idx" on "T"',
      'DropColumn "b" from "T"',
    ]);
  });

  test('dropping a column a check uses, or a key column, rebuilds', () => {
    const checked = base.replace('  @@index([b])', '  @@index([b])\n  @@check("length(a) > 0")');
    expect(kinds(plan('sqlite', checked, checked.replace('  a String\n', '').replace('\n  @@check("length(a) > 0")', '')))).toEqual(['redefineTable']);
    const compound = `model T {\n  a Int\n  b Int\n  c Int\n  @@id([a, b])\n}\n`;
    expect(kinds(plan('sqlite', compound, `model T {\n  a Int\n  c Int\n  @@id([a, c])\n}\n`))).toEqual(['redefineTable']);
  });

  test('several changes to one table are one rebuild; renames run before it with ALTER TABLE', () => {
    const v2 = `model T {\n  id Int @id\n  alpha String @renamedFrom("a") @default("x")\n  b String\n  c Int?\n  @@index([b])\n}\n`;
    const p = plan('sqlite', base, v2);
    expect(described(p)).toEqual(['RenameColumn "a" to "alpha" on "T"', 'RedefineTable "T"']);
    const rebuild = p.changes[1] as Extract<Change, { kind: 'redefineTable' }>;
    expect(rebuild.copy).toEqual([
      { column: 'id', from: 'id' },
      { column: 'alpha', from: 'alpha' },
      { column: 'b', from: 'b' },
      { column: 'c', from: null },
    ]);
    expect(rebuild.from.table.columns.map((c) => c.name)).toEqual(['id', 'alpha', 'b']);
  });
});

describe('MySQL: foreign keys and the indexes they need', () => {
  const v1 = `model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n  @@index([aId])\n}\n`;

  test('dropping the index a foreign key uses drops and re-adds the foreign key around it', () => {
    const v2 = v1.replace('  @@index([aId])\n', '');
    expect(described(plan('mysql', v1, v2))).toEqual(['DropForeignKey "B_aId_fkey" on "B"', 'DropIndex "B_aId_idx" on "B"', 'AddForeignKey "B_aId_fkey" on "B"']);
    // Elsewhere a foreign key needs no index.
    expect(described(plan('postgresql', v1, v2))).toEqual(['DropIndex "B_aId_idx" on "B"']);
  });

  test('another index that starts with the columns keeps the foreign key in place', () => {
    const v2 = v1.replace('  @@index([aId])\n', '  @@index([aId])\n  @@index([aId, id])\n');
    const v3 = v2.replace('  @@index([aId])\n', '');
    expect(described(plan('mysql', v2, v3))).toEqual(['DropIndex "B_aId_idx" on "B"']);
    // A replacement index is created after the old one is dropped, so the foreign key goes out meanwhile.
    expect(described(plan('mysql', v1, v3))).toEqual([
      'DropForeignKey "B_aId_fkey" on "B"',
      'DropIndex "B_aId_idx" on "B"',
      'CreateIndex "B_aId_id_idx" on "B"',
      'AddForeignKey "B_aId_fkey" on "B"',
    ]);
  });

  test('a dropped foreign key takes the index MySQL made for it', () => {
    const noIndex = v1.replace('  @@index([aId])\n', '');
    const v2 = `model A {\n  id Int @id\n}\nmodel B {\n  id Int @id\n  aId Int\n}\n`;
    expect(sqlOf('mysql', plan('mysql', noIndex, v2))).toEqual(['ALTER TABLE `B` DROP FOREIGN KEY `B_aId_fkey`', 'DROP INDEX `B_aId_fkey` ON `B`']);
  });

  test('a primary key of a new autoincrement column is added with it', () => {
    const a = `model T {\n  code String @id\n}\n`;
    const b = `model T {\n  id Int @id @default(autoincrement())\n  code String @unique\n}\n`;
    expect(sqlOf('mysql', plan('mysql', a, b))).toEqual([
      'ALTER TABLE `T` DROP PRIMARY KEY',
      'ALTER TABLE `T` ADD COLUMN `id` INTEGER NOT NULL AUTO_INCREMENT, ADD PRIMARY KEY (`id`)',
      'CREATE UNIQUE INDEX `T_code_key` ON `T`(`code`)',
    ]);
    // And back: the column stops incrementing before its key goes.
    expect(sqlOf('mysql', plan('mysql', b, a))).toEqual([
      'DROP INDEX `T_code_key` ON `T`',
      'ALTER TABLE `T` MODIFY `id` INTEGER NOT NULL',
      'ALTER TABLE `T` DROP PRIMARY KEY',
      'ALTER TABLE `T` ADD PRIMARY KEY (`code`)',
      'ALTER TABLE `T` DROP COLUMN `id`',
    ]);
  });
});

describe('PostgreSQL enums', () => {
  const v1 = `enum Role {\n  USER\n  ADMIN\n  GUEST\n}\nmodel U {\n  id Int @id\n  role Role @default(GUEST)\n  old Role?\n}\n`;

  test('a removed value recreates the type, converting the columns that keep it; columns that go are dropped first', () => {
    const v2 = `enum Role {\n  USER\n  ADMIN\n}\nmodel U {\n  id Int @id\n  role Role @default(USER)\n}\n`;
    const p = plan('postgresql', v1, v2);
    expect(described(p)).toEqual(['DropColumn "old" from "U"', 'AlterEnum "Role"', 'AlterColumn "role" on "U" (default)']);
    expect(sqlOf('postgresql', p)).toEqual([
      'ALTER TABLE "U" DROP COLUMN "old"',
      `CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN')`,
      'ALTER TABLE "U" ALTER COLUMN "role" DROP DEFAULT',
      'ALTER TABLE "U" ALTER COLUMN "role" SET DATA TYPE "Role_new" USING ("role"::text::"Role_new")',
      'DROP TYPE "Role"',
      'ALTER TYPE "Role_new" RENAME TO "Role"',
      `ALTER TABLE "U" ALTER COLUMN "role" SET DEFAULT 'USER'`,
      `ALTER TABLE "U" ALTER COLUMN "role" SET DEFAULT 'USER'`,
    ]);
  });

  test('an enum nothing uses any more is dropped last', () => {
    const v2 = `model U {\n  id Int @id\n}\n`;
    expect(described(plan('postgresql', v1, v2))).toEqual(['DropColumn "role" from "U"', 'DropColumn "old" from "U"', 'DropEnum "Role"']);
  });
});

describe('views', () => {
  const v1 = `
model T {
  id Int    @id
  a  String
  b  Int
}

view A {
  a String @unique

  @@sql("SELECT a FROM \\"T\\"")
}

view B {
  a String @unique

  @@sql("SELECT a FROM \\"A\\"")
}

view C {
  one Int @unique

  @@sql("SELECT 1 AS one")
}
`;

  test('views reading a retyped table, and views reading those, are dropped first and created after, in dependency order', () => {
    const p = plan('postgresql', v1, v1.replace('  b  Int', '  b  BigInt'));
    expect(described(p)).toEqual(['DropView "B"', 'DropView "A"', 'AlterColumn "b" on "T" (type)', 'CreateView "A"', 'CreateView "B"']);
  });

  test('a column added or a default changed leaves views alone', () => {
    expect(described(plan('postgresql', v1, v1.replace('  b  Int', '  b  Int @default(1)\n  c  Int?')))).toEqual([
      'AddColumn "c" to "T"',
      'AlterColumn "b" on "T" (default)',
    ]);
  });

  test('a changed view that reads nothing changing is replaced in place; the views reading it go out first', () => {
    const p = plan('mysql', v1, v1.replace('SELECT a FROM \\"T\\"', 'SELECT a FROM \\"T\\" WHERE b > 0'));
    expect(described(p)).toEqual(['DropView "B"', 'ReplaceView "A"', 'CreateView "B"']);
    expect(described(plan('postgresql', v1, v1.replace('SELECT 1 AS one', 'SELECT 2 AS one')))).toEqual(['ReplaceView "C"']);
  });
});
