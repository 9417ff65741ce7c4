import type { Provider } from '@kiln/schema';
import { applyPlan, describeChange, invertRenames, planMigration, renderChanges, WARNING_CODES, type MigrationPlan } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { availableProviders } from '../helpers/databases.js';
import { createdFrom, dbOf, expectSameCatalog, plan, rows, runScenario, type Scenario } from './helpers/migrate.js';

/*
 * Rename hints run before the pairing by name (docs/migrate.md, "Renames"): a hinted object
 * without a partner of its own claims the object its hint names, even when a newcomer took the
 * old name; chains of hints shift names along; a cycle of hints swaps names through temporary
 * ones. Stale hints (the old name is gone, the object pairs with itself, or the hint was already
 * in the previous schema) change nothing.
 */

const described = (p: MigrationPlan) => p.changes.map(describeChange);
const sqlOf = (provider: Provider, p: MigrationPlan) => renderChanges(p.changes, provider).flatMap((r) => r.sql);
const PROVIDERS: Provider[] = ['sqlite', 'postgresql', 'mysql'];
const live = await availableProviders(PROVIDERS);
const onLive = (title: string, fn: (provider: Provider) => Promise<void>) => {
  if (live.length === 0) test.skip(title, () => undefined);
  else test.each(live)(`${title} (%s)`, fn, DB_TIMEOUT);
};
/** Identifiers quoted for `provider` in `sql` written with "double quotes". */
const sqlFor = (provider: Provider, sql: string) => (provider === 'mysql' ? sql.replaceAll('"', '`') : sql);
/** A database read by introspection: no hints, no field names. */
const asDatabase = (provider: Provider, body: string) => ({ ...dbOf(provider, body), source: 'database' as const });

const POSTS_V1 = `model Post {\n  id    Int    @id\n  title String\n}\n`;
const POSTS_V2 = `model Article {\n  id    Int    @id\n  title String\n  @@renamedFrom("Post")\n}\n\nmodel Post {\n  id   Int     @id\n  body String?\n}\n`;

const SWAP_V1 = `model T {\n  id Int    @id\n  a  String\n  b  String\n}\n`;
const SWAP_V2 = `model T {\n  id Int    @id\n  a  String @renamedFrom("b")\n  b  String @renamedFrom("a")\n}\n`;

describe('a hint wins over a newcomer that took the old name', () => {
  test('after the migration ran, the hint is stale: nothing changes', () => {
    for (const provider of PROVIDERS) {
      const p = plan(provider, POSTS_V2, POSTS_V2);
      expect(p.changes).toEqual([]);
      expect(p.warnings).toEqual([]);
    }
    // Also against the database, which keeps no hints: Article pairs with itself.
    expect(planMigration(asDatabase('postgresql', POSTS_V2), dbOf('postgresql', POSTS_V2), { provider: 'postgresql' }).changes).toEqual([]);
  });

  test('a hint that was already in the previous schema is stale, even where its object has no partner of its own', () => {
    // Article was renamed from Post (and a new Post made) by the previous migration; now Article
    // becomes Story, but the author kept the old hint instead of writing @@renamedFrom("Article").
    const v3 = POSTS_V2.replace('model Article', 'model Story');
    const p = plan('postgresql', POSTS_V2, v3);
    // The new Post keeps its rows; Story is Article renamed only if the author says so.
    expect(described(p)).toEqual(['CreateTable "Story"', 'DropTable "Article"']);
    expect(p.warnings.map((w) => [w.code, w.hint])).toEqual([['K8002', 'add @@renamedFrom("Article") to model Story']]);
  });

  test('the same for enums and enum values (PostgreSQL): a new value under the old name is added under a temporary name first', () => {
    const v1 = `enum Role {\n  USER\n  ADMIN\n}\nmodel U {\n  id   Int  @id\n  role Role\n}\n`;
    const v2 =
      `enum Kind {\n  USER\n  ADMINISTRATOR @renamedFrom("ADMIN")\n  ADMIN\n  @@renamedFrom("Role")\n}\n` +
      `enum Role {\n  X\n}\n` +
      `model U {\n  id   Int  @id\n  role Kind\n  r2   Role?\n}\n`;
    const p = plan('postgresql', v1, v2);
    expect(p.renames).toEqual([
      { kind: 'enum', from: { schema: null, name: 'Role' }, to: { schema: null, name: 'Kind' } },
      { kind: 'enumValue', enum: { schema: null, name: 'Kind' }, from: 'ADMIN', to: 'ADMINISTRATOR' },
    ]);
    const rendered = renderChanges(p.changes, 'postgresql');
    expect(rendered.map((r) => [describeChange(r.change), r.sql, r.transactional])).toEqual([
      // First of all, outside the transaction, on the type as it is before the migration.
      ['AlterEnum "Role"', [`ALTER TYPE "Role" ADD VALUE 'ADMIN_kiln_tmp' AFTER 'ADMIN'`], false],
      ['RenameEnum "Role" to "Kind"', ['ALTER TYPE "Role" RENAME TO "Kind"'], undefined],
      [
        'AlterEnum "Kind"',
        [`ALTER TYPE "Kind" RENAME VALUE 'ADMIN' TO 'ADMINISTRATOR'`, `ALTER TYPE "Kind" RENAME VALUE 'ADMIN_kiln_tmp' TO 'ADMIN'`],
        undefined,
      ],
      ['CreateEnum "Role"', [`CREATE TYPE "Role" AS ENUM ('X')`], undefined],
      ['AddColumn "r2" to "U"', ['ALTER TABLE "U" ADD COLUMN "r2" "Role"'], undefined],
    ]);
    // MySQL keeps the values in the column: the old ADMIN rows become ADMINISTRATOR.
    expect(sqlOf('mysql', plan('mysql', v1, v2))).toEqual([
      "ALTER TABLE `U` ADD COLUMN `r2` ENUM('X') NULL",
      "ALTER TABLE `U` MODIFY `role` ENUM('USER', 'ADMINISTRATOR', 'ADMIN') NOT NULL",
      "UPDATE `U` SET `role` = 'ADMINISTRATOR' WHERE `role` = 'ADMIN'",
      "ALTER TABLE `U` MODIFY `role` ENUM('USER', 'ADMINISTRATOR', 'ADMIN') NOT NULL",
    ]);
  });

  test('the way back renames into a name a newer object holds: a column moves aside first, a table is dropped first', () => {
    const down = (v1: string, v2: string) => {
      const up = plan('postgresql', v1, v2);
      return described(planMigration(dbOf('postgresql', v2), dbOf('postgresql', v1), { provider: 'postgresql', renames: invertRenames(up.renames) }));
    };
    expect(down(POSTS_V1, POSTS_V2)).toEqual(['DropTable "Post"', 'RenameTable "Article" to "Post"', 'RenameConstraint "Article_pkey" to "Post_pkey" on "Post"']);
    const u1 = `model U {\n  id   Int    @id\n  name String\n}\n`;
    const u2 = `model U {\n  id       Int     @id\n  fullName String  @renamedFrom("name")\n  name     String?\n}\n`;
    expect(down(u1, u2)).toEqual(['RenameColumn "name" to "name_kiln_tmp" on "U"', 'RenameColumn "fullName" to "name" on "U"', 'DropColumn "name_kiln_tmp" from "U"']);
  });

  // Up, then down with the inverted renames: the way back renames into a name that a newer
  // object holds until it is dropped (it moves aside, or a table is dropped first).
  onLive('the rows follow the hint, there and back, and the database ends as one created from each schema', async (provider) => {
    const tables: Scenario = {
      title: 'a new table under the old name',
      v1: POSTS_V1,
      v2: POSTS_V2,
      async seed(db) {
        await db.execute(sqlFor(provider, `INSERT INTO "Post" ("id", "title") VALUES (1, 'hello')`));
      },
      async checkV2(db) {
        expect(await rows(db, sqlFor(provider, 'SELECT "id", "title" FROM "Article"'))).toEqual([{ id: 1, title: 'hello' }]);
        expect(await rows(db, sqlFor(provider, 'SELECT "id" FROM "Post"'))).toEqual([]);
        await db.execute(sqlFor(provider, `INSERT INTO "Post" ("id", "body") VALUES (7, 'newer')`));
      },
      async checkV1(db) {
        expect(await rows(db, sqlFor(provider, 'SELECT "id", "title" FROM "Post"'))).toEqual([{ id: 1, title: 'hello' }]);
      },
    };
    const columns: Scenario = {
      title: 'a new column under the old name',
      v1: `model U {\n  id   Int    @id\n  name String\n  @@index([name])\n}\n`,
      v2: `model U {\n  id       Int     @id\n  fullName String  @renamedFrom("name")\n  name     String?\n  @@index([fullName])\n  @@index([name], map: "U_new_name_idx")\n}\n`,
      async seed(db) {
        await db.execute(sqlFor(provider, `INSERT INTO "U" ("id", "name") VALUES (1, 'Ada')`));
      },
      async checkV2(db) {
        expect(await rows(db, sqlFor(provider, 'SELECT "id", "fullName", "name" FROM "U"'))).toEqual([{ id: 1, fullName: 'Ada', name: null }]);
        await db.execute(sqlFor(provider, `UPDATE "U" SET "name" = 'newer'`));
      },
      async checkV1(db) {
        expect(await rows(db, sqlFor(provider, 'SELECT "id", "name" FROM "U"'))).toEqual([{ id: 1, name: 'Ada' }]);
      },
    };
    for (const scenario of [tables, columns]) await runScenario(provider, scenario);
  });

  (live.includes('postgresql') ? test : test.skip)(
    'an enum type and an enum value under their old names, there and back (PostgreSQL)',
    async () => {
      const v1 = `enum Role {\n  USER\n  ADMIN\n}\nmodel U {\n  id   Int  @id\n  role Role\n}\n`;
      const v2 =
        `enum Kind {\n  USER\n  ADMINISTRATOR @renamedFrom("ADMIN")\n  ADMIN\n  @@renamedFrom("Role")\n}\n` +
        `enum Role {\n  X\n}\n` +
        `model U {\n  id   Int  @id\n  role Kind\n  r2   Role?\n}\n`;
      await runScenario('postgresql', {
        title: 'enums',
        v1,
        v2,
        async seed(db) {
          await db.execute(`INSERT INTO "U" ("id", "role") VALUES (1, 'ADMIN'), (2, 'USER')`);
        },
        async checkV2(db) {
          expect(await rows(db, `SELECT "id", "role"::text AS role FROM "U" ORDER BY "id"`)).toEqual([
            { id: 1, role: 'ADMINISTRATOR' },
            { id: 2, role: 'USER' },
          ]);
          await db.execute(`UPDATE "U" SET "r2" = 'X'`);
        },
        async checkV1(db) {
          expect(await rows(db, `SELECT "id", "role"::text AS role FROM "U" ORDER BY "id"`)).toEqual([
            { id: 1, role: 'ADMIN' },
            { id: 2, role: 'USER' },
          ]);
        },
      });
    },
    DB_TIMEOUT,
  );
});

describe('chains and swaps', () => {
  test('a chain of hints shifts names along, each rename once its target name is free', () => {
    const v1 = `model T {\n  id Int    @id\n  a  String\n  b  String\n}\n`;
    const v2 = `model T {\n  id Int    @id\n  b  String @renamedFrom("a")\n  c  String @renamedFrom("b")\n}\n`;
    expect(described(plan('postgresql', v1, v2))).toEqual(['RenameColumn "b" to "c" on "T"', 'RenameColumn "a" to "b" on "T"']);
  });

  test.each(PROVIDERS)('two columns that swap names by hints go through a temporary name (%s)', (provider) => {
    const p = plan(provider, SWAP_V1, SWAP_V2);
    expect(described(p)).toEqual(['RenameColumn "b" to "b_kiln_tmp" on "T"', 'RenameColumn "a" to "b" on "T"', 'RenameColumn "b_kiln_tmp" to "a" on "T"']);
    expect(p.warnings).toEqual([]);
    // Once it ran, the previous schema holds the same hints: they are stale.
    expect(plan(provider, SWAP_V2, SWAP_V2).changes).toEqual([]);
  });

  test('against a database, a swap that ran looks like one to run: no swap, and a K8006 warning', () => {
    const p = planMigration(asDatabase('postgresql', SWAP_V1), dbOf('postgresql', SWAP_V2), { provider: 'postgresql' });
    expect(p.changes).toEqual([]);
    expect(p.warnings.map((w) => w.code)).toEqual([WARNING_CODES.hintSwapNotApplied]);
    expect(p.warnings[0]!.message).toContain('The rename hints of columns "a" and "b" of table "T" swap their names');
  });

  test('tables, enum types and enum values swap too (PostgreSQL), each through a temporary name', () => {
    const v1 = `enum X {\n  A\n  B\n}\nenum Y {\n  C\n}\nmodel P {\n  id Int @id\n  x  X\n}\nmodel Q {\n  id Int @id\n  y  Y\n}\n`;
    const v2 =
      `enum Y {\n  B @renamedFrom("A")\n  A @renamedFrom("B")\n  @@renamedFrom("X")\n}\nenum X {\n  C\n  @@renamedFrom("Y")\n}\n` +
      `model Q {\n  id Int @id\n  x  Y\n  @@renamedFrom("P")\n}\nmodel P {\n  id Int @id\n  y  X\n  @@renamedFrom("Q")\n}\n`;
    expect(sqlOf('postgresql', plan('postgresql', v1, v2))).toEqual([
      'ALTER TYPE "X" RENAME TO "X_kiln_tmp"',
      'ALTER TYPE "Y" RENAME TO "X"',
      'ALTER TYPE "X_kiln_tmp" RENAME TO "Y"',
      `ALTER TYPE "Y" RENAME VALUE 'A' TO 'A_kiln_tmp'`,
      `ALTER TYPE "Y" RENAME VALUE 'B' TO 'A'`,
      `ALTER TYPE "Y" RENAME VALUE 'A_kiln_tmp' TO 'B'`,
      'ALTER TABLE "P" RENAME TO "P_kiln_tmp"',
      'ALTER TABLE "Q" RENAME TO "P"',
      'ALTER TABLE "P_kiln_tmp" RENAME TO "Q"',
      // A key's index shares the schema's namespace: the keys swap names through a temporary one too.
      'ALTER TABLE "Q" RENAME CONSTRAINT "P_pkey" TO "P_pkey_kiln_tmp"',
      'ALTER TABLE "P" RENAME CONSTRAINT "Q_pkey" TO "P_pkey"',
      'ALTER TABLE "Q" RENAME CONSTRAINT "P_pkey_kiln_tmp" TO "Q_pkey"',
    ]);
    expect(plan('postgresql', v2, v2).changes).toEqual([]);
  });

  (live.includes('postgresql') ? test : test.skip)(
    'swapped tables and enum types keep their rows (PostgreSQL)',
    async () => {
      const v1 = `enum X {\n  A\n  B\n}\nenum Y {\n  C\n}\nmodel P {\n  id Int @id\n  x  X\n}\nmodel Q {\n  id Int @id\n  y  Y\n}\n`;
      const v2 =
        `enum Y {\n  B @renamedFrom("A")\n  A @renamedFrom("B")\n  @@renamedFrom("X")\n}\nenum X {\n  C\n  @@renamedFrom("Y")\n}\n` +
        `model Q {\n  id Int @id\n  x  Y\n  @@renamedFrom("P")\n}\nmodel P {\n  id Int @id\n  y  X\n  @@renamedFrom("Q")\n}\n`;
      const db = await createdFrom('postgresql', v1);
      try {
        await db.connection.execute(`INSERT INTO "P" ("id", "x") VALUES (1, 'A')`);
        await db.connection.execute(`INSERT INTO "Q" ("id", "y") VALUES (2, 'C')`);
        await applyPlan(db.connection, renderChanges(plan('postgresql', v1, v2).changes, 'postgresql'));
        expect(await rows(db.connection, `SELECT "id", "x"::text AS x FROM "Q"`)).toEqual([{ id: 1, x: 'B' }]);
        expect(await rows(db.connection, `SELECT "id", "y"::text AS y FROM "P"`)).toEqual([{ id: 2, y: 'C' }]);
        await expectSameCatalog('postgresql', db.connection, v2);
      } finally {
        await db.drop();
      }
    },
    DB_TIMEOUT,
  );

  onLive('swapped columns and enum values keep their rows', async (provider) => {
    const v1 = `enum S {\n  A\n  B\n}\nmodel T {\n  id Int    @id\n  a  String\n  b  String\n  s  S\n}\n`;
    // Listed in the type's order: a PostgreSQL value renamed in place keeps its place (docs/migrate.md, known limits).
    const v2 = `enum S {\n  B @renamedFrom("A")\n  A @renamedFrom("B")\n}\nmodel T {\n  id Int    @id\n  a  String @renamedFrom("b")\n  b  String @renamedFrom("a")\n  s  S\n}\n`;
    const db = await createdFrom(provider, v1);
    try {
      await db.connection.execute(sqlFor(provider, `INSERT INTO "T" ("id", "a", "b", "s") VALUES (1, 'was a', 'was b', 'A'), (2, 'x', 'y', 'B')`));
      const p = plan(provider, v1, v2);
      expect(p.warnings).toEqual([]);
      await applyPlan(db.connection, renderChanges(p.changes, provider));
      expect(await rows(db.connection, sqlFor(provider, 'SELECT "id", "a", "b", "s" FROM "T" ORDER BY "id"'))).toEqual([
        { id: 1, a: 'was b', b: 'was a', s: 'B' },
        { id: 2, a: 'y', b: 'x', s: 'A' },
      ]);
      await expectSameCatalog(provider, db.connection, v2);
    } finally {
      await db.drop();
    }
  });
});
