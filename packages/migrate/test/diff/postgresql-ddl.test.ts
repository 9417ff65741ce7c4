import { randomBytes } from 'node:crypto';
import {
  applyPlan,
  deployMigrations,
  describeChange,
  inspectDatabase,
  MigrateError,
  parseMigrationScript,
  planMigration,
  renderChanges,
  renderMigrationScript,
  type MigrationPlan,
} from '../../src/index.js';
import { historyOf, makeFolder, readFolder, removeFolders, targetFor } from '../deploy/helpers/fixtures.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable } from '../helpers/databases.js';
import { databaseFrom } from '../review/helpers/round-trip.js';
import { createdFrom, dbOf, expectSameCatalog, plan, rows } from './helpers/migrate.js';

/*
 * PostgreSQL details of the planner and renderer, on the real server: new enum values first
 * (against the type's old names), moves out of an @@schema into the current schema, serial
 * sequences found and retyped rather than guessed, and checks and partial indexes dropped and
 * added around an enum type's recreation.
 */

afterEach(removeFolders);

const available = await serverAvailable('postgresql');
const pgTest = (title: string, fn: () => Promise<void>) => (available ? test : test.skip)(title, fn, DB_TIMEOUT);
const described = (p: MigrationPlan) => p.changes.map(describeChange);
const sqlOf = (p: MigrationPlan) => renderChanges(p.changes, 'postgresql').flatMap((r) => r.sql);

describe('new enum values run first, on the type as it is before the migration', () => {
  const v1 = `enum Status {\n  DRAFT\n  LIVE\n}\nmodel Post {\n  id     Int    @id\n  status Status @default(DRAFT)\n}\n`;
  const v2 =
    `enum State {\n  DRAFT\n  PUBLISHED @renamedFrom("LIVE")\n  ARCHIVED\n  @@renamedFrom("Status")\n}\n` +
    `model Post {\n  id     Int   @id\n  status State @default(ARCHIVED)\n}\n`;

  test('ADD VALUE names the old type and the old neighbour; the renames follow in the transaction', () => {
    const rendered = renderChanges(plan('postgresql', v1, v2).changes, 'postgresql');
    expect(rendered.map((r) => [describeChange(r.change), r.sql, r.transactional])).toEqual([
      ['AlterEnum "Status"', [`ALTER TYPE "Status" ADD VALUE 'ARCHIVED' AFTER 'LIVE'`], false],
      ['RenameEnum "Status" to "State"', ['ALTER TYPE "Status" RENAME TO "State"'], undefined],
      ['AlterEnum "State"', [`ALTER TYPE "State" RENAME VALUE 'LIVE' TO 'PUBLISHED'`], undefined],
      ['AlterColumn "status" on "Post" (default)', [`ALTER TABLE "Post" ALTER COLUMN "status" SET DEFAULT 'ARCHIVED'`], undefined],
    ]);
  });

  pgTest('and apply: the rows follow, the new value is usable at once, the type ends as a fresh one', async () => {
    const db = await createdFrom('postgresql', v1);
    try {
      await db.connection.execute(`INSERT INTO "Post" ("id", "status") VALUES (1, 'LIVE')`);
      await applyPlan(db.connection, renderChanges(plan('postgresql', v1, v2).changes, 'postgresql'));
      await db.connection.execute(`INSERT INTO "Post" ("id") VALUES (2)`);
      expect(await rows(db.connection, `SELECT "id", "status"::text AS status FROM "Post" ORDER BY "id"`)).toEqual([
        { id: 1, status: 'PUBLISHED' },
        { id: 2, status: 'ARCHIVED' },
      ]);
      await expectSameCatalog('postgresql', db.connection, v2);
    } finally {
      await db.drop();
    }
  });
});

describe('leaving an @@schema moves to the current schema', () => {
  test('a DO block names current_schema() for tables and types', () => {
    const extra = 'schemas = ["a"]';
    const v1 = `enum E {\n  X\n  @@schema("a")\n}\nmodel T {\n  id Int @id\n  e  E\n  @@schema("a")\n}\n`;
    const v2 = `enum E {\n  X\n}\nmodel T {\n  id Int @id\n  e  E\n}\n`;
    expect(sqlOf(planMigration(dbOf('postgresql', v1, extra), dbOf('postgresql', v2, extra), { provider: 'postgresql' }))).toEqual([
      `DO $kiln$\nBEGIN\n  EXECUTE format('ALTER TYPE %s SET SCHEMA %I', '"a"."E"', current_schema());\nEND\n$kiln$`,
      `DO $kiln$\nBEGIN\n  EXECUTE format('ALTER TABLE %s SET SCHEMA %I', '"a"."T"', current_schema());\nEND\n$kiln$`,
    ]);
  });

  pgTest('hostile names (quotes, %, the block\'s own tag) move and keep their rows', async () => {
    const other = `kiln_move_${randomBytes(4).toString('hex')}`;
    const extra = `schemas = ["${other}"]`;
    const table = `we"ird %s $kiln$ 'tåble`;
    const type = `Ki%nd $kiln$`;
    const body = (schema: string) =>
      `enum K {\n  X\n  @@map(${JSON.stringify(type)})\n${schema}}\n` +
      `model T {\n  id Int @id\n  k  K\n  @@map(${JSON.stringify(table)})\n${schema}}\n`;
    const v1 = body(`  @@schema("${other}")\n`);
    const v2 = body('');
    const db = await databaseFrom('postgresql', v1, { extra, namespaces: [other] });
    try {
      const quoted = `"${table.replaceAll('"', '""')}"`;
      await db.connection.execute(`INSERT INTO "${other}".${quoted} ("id", "k") VALUES (1, 'X')`);
      const p = planMigration(dbOf('postgresql', v1, extra), dbOf('postgresql', v2, extra), { provider: 'postgresql' });
      expect(sqlOf(p).every((s) => s.startsWith('DO $kiln2$'))).toBe(true);
      await applyPlan(db.connection, renderChanges(p.changes, 'postgresql'));
      expect(await rows(db.connection, `SELECT "id", "k"::text AS k FROM ${quoted}`)).toEqual([{ id: 1, k: 'X' }]);
      expect(await rows(db.connection, `SELECT n.nspname = current_schema() AS here FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = $1`, [type])).toEqual([
        { here: true },
      ]);
    } finally {
      await db.drop();
    }
  });
});

describe('serial sequences', () => {
  const seqOf = async (db: { connection: Parameters<typeof rows>[0] }, table: string, column = 'id') =>
    (
      await rows(
        db.connection,
        `SELECT c.relname AS name, format_type(s.seqtypid, NULL) AS type, s.seqmax = 9223372036854775807 AS full_range
           FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE s.seqrelid = pg_get_serial_sequence($1, $2)::regclass`,
        [table, column],
      )
    )[0];

  pgTest('a renamed table\'s serial becomes BIGINT: its sequence (named after the old table) is found and widened, its counter kept', async () => {
    const v1 = `model Item {\n  id Int @id @default(autoincrement())\n  n  Int\n}\n`;
    const v2 = `model Thing {\n  id BigInt @id @default(autoincrement())\n  n  Int\n  @@renamedFrom("Item")\n}\n`;
    const db = await createdFrom('postgresql', v1);
    try {
      await db.connection.execute(`INSERT INTO "Item" ("n") VALUES (1), (2), (3)`);
      await db.connection.execute(`DELETE FROM "Item" WHERE "id" = 3`);
      await applyPlan(db.connection, renderChanges(plan('postgresql', v1, v2).changes, 'postgresql'));
      expect(await seqOf(db, '"Thing"')).toEqual({ name: 'Item_id_seq', type: 'bigint', full_range: true });
      expect(await rows(db.connection, `INSERT INTO "Thing" ("n") VALUES (4) RETURNING "id"`)).toEqual([{ id: 4 }]);
      // And back: the sequence narrows with the column.
      await applyPlan(db.connection, renderChanges(plan('postgresql', v2, v1.replace('model Item', 'model Thing')).changes, 'postgresql'));
      expect(await seqOf(db, '"Thing"')).toEqual({ name: 'Item_id_seq', type: 'integer', full_range: false });
    } finally {
      await db.drop();
    }
  });

  pgTest('autoincrement added beside a sequence of the same name that the column does not own: a new one, named as SERIAL would', async () => {
    const v1 = `model T {\n  id Int @id\n}\n`;
    const v2 = `model T {\n  id Int @id @default(autoincrement())\n}\n`;
    const db = await createdFrom('postgresql', v1);
    try {
      await db.connection.execute(`CREATE SEQUENCE "T_id_seq" START 500`);
      await db.connection.execute(`INSERT INTO "T" ("id") VALUES (7)`);
      await applyPlan(db.connection, renderChanges(plan('postgresql', v1, v2).changes, 'postgresql'));
      expect(await seqOf(db, '"T"')).toEqual({ name: 'T_id_seq1', type: 'integer', full_range: false });
      expect(await rows(db.connection, `INSERT INTO "T" DEFAULT VALUES RETURNING "id"`)).toEqual([{ id: 8 }]);
      expect(await rows(db.connection, `SELECT nextval('"T_id_seq"') AS n`)).toEqual([{ n: 500 }]);
    } finally {
      await db.drop();
    }
  });

  pgTest('autoincrement removed and added again: the sequence the column kept is reused, moved past ids written meanwhile, never back', async () => {
    const v1 = `model T {\n  id Int @id @default(autoincrement())\n}\n`;
    const v2 = `model T {\n  id Int @id\n}\n`;
    const db = await createdFrom('postgresql', v1);
    try {
      for (let i = 0; i < 3; i++) await db.connection.execute(`INSERT INTO "T" DEFAULT VALUES`);
      await applyPlan(db.connection, renderChanges(plan('postgresql', v1, v2).changes, 'postgresql'));
      await db.connection.execute(`INSERT INTO "T" ("id") VALUES (10)`);
      await applyPlan(db.connection, renderChanges(plan('postgresql', v2, v1).changes, 'postgresql'));
      expect(await seqOf(db, '"T"')).toEqual({ name: 'T_id_seq', type: 'integer', full_range: false });
      expect(await rows(db.connection, `INSERT INTO "T" DEFAULT VALUES RETURNING "id"`)).toEqual([{ id: 11 }]);

      // The counter ahead of the rows stays where it is.
      await db.connection.execute(`DELETE FROM "T" WHERE "id" > 3`);
      await applyPlan(db.connection, renderChanges(plan('postgresql', v1, v2).changes, 'postgresql'));
      await applyPlan(db.connection, renderChanges(plan('postgresql', v2, v1).changes, 'postgresql'));
      expect(await rows(db.connection, `INSERT INTO "T" DEFAULT VALUES RETURNING "id"`)).toEqual([{ id: 12 }]);
      await expectSameCatalog('postgresql', db.connection, v1);
    } finally {
      await db.drop();
    }
  });

  pgTest('hostile table and column names', async () => {
    const names = `@@map("t'a\\"b %s $kiln$")`;
    const v1 = `model T {\n  id Int @id @map("i'd %I")\n  ${names}\n}\n`;
    const v2 = `model T {\n  id BigInt @id @default(autoincrement()) @map("i'd %I")\n  ${names}\n}\n`;
    const db = await createdFrom('postgresql', v1);
    try {
      const table = `"t'a""b %s $kiln$"`;
      await db.connection.execute(`INSERT INTO ${table} ("i'd %I") VALUES (41)`);
      await applyPlan(db.connection, renderChanges(plan('postgresql', v1, v2).changes, 'postgresql'));
      expect(await seqOf(db, table, "i'd %I")).toEqual({ name: `t'a"b %s $kiln$_i'd %I_seq`, type: 'bigint', full_range: true });
      expect(await rows(db.connection, `INSERT INTO ${table} DEFAULT VALUES RETURNING "i'd %I" AS id`)).toEqual([{ id: 42 }]);
      await expectSameCatalog('postgresql', db.connection, v2);
    } finally {
      await db.drop();
    }
  });
});

describe('an enum type that loses a value: checks and partial indexes that use its columns go out and come back around it', () => {
  const v = (values: string, names: { check: string; index: string }) => `
enum S {
${values}
}

model T {
  id Int @id
  s  S   @default(A)
  n  Int
  @@index([id], where: "s = 'A'", map: "${names.index}")
  @@index([n], where: "n > 0", map: "t_positive")
  @@check("s <> 'B'", name: "${names.check}")
  @@check("n < 100", name: "small")
}
`;
  const V1 = v('  A\n  B\n  C', { check: 'not_b', index: 't_a' });
  const V2 = v('  A\n  B', { check: 'not_b', index: 't_a' });
  const V2_RENAMED = v('  A\n  B', { check: 'never_b', index: 't_only_a' });

  test('only those that name the column or the type; a renamed one is dropped under its old name and added under its new one', () => {
    expect(described(plan('postgresql', V1, V2))).toEqual([
      'DropIndex "t_a" on "T"',
      'DropCheck "not_b" on "T"',
      'AlterEnum "S"',
      'AddCheck "not_b" on "T"',
      'CreateIndex "t_a" on "T"',
    ]);
    expect(described(plan('postgresql', V1, V2_RENAMED))).toEqual([
      'DropIndex "t_a" on "T"',
      'DropCheck "not_b" on "T"',
      'AlterEnum "S"',
      'AddCheck "never_b" on "T"',
      'CreateIndex "t_only_a" on "T"',
    ]);
    // Without a recreation, a rename stays a rename.
    expect(described(plan('postgresql', V2, V2_RENAMED))).toEqual(['RenameIndex "t_a" to "t_only_a" on "T"', 'RenameConstraint "not_b" to "never_b" on "T"']);
  });

  pgTest('planned from the schema and from the database (whose texts carry casts to the old type), both apply', async () => {
    for (const target of [V2, V2_RENAMED]) {
      const db = await createdFrom('postgresql', V1);
      try {
        await db.connection.execute(`INSERT INTO "T" ("id", "s", "n") VALUES (1, 'A', 5)`);
        const inspected = await inspectDatabase(db.connection, 'postgresql');
        const fromDatabase = planMigration(inspected, dbOf('postgresql', target), { provider: 'postgresql' });
        expect(described(fromDatabase)).toContain('DropCheck "not_b" on "T"');
        await applyPlan(db.connection, renderChanges(fromDatabase.changes, 'postgresql'));
        expect(await rows(db.connection, `SELECT "id", "s"::text AS s FROM "T"`)).toEqual([{ id: 1, s: 'A' }]);
        await expectSameCatalog('postgresql', db.connection, target);
      } finally {
        await db.drop();
      }
    }
  });
});

describe('through a migrations folder and the deployer', () => {
  // The review's case: a new enum value, a foreign key and a view around a retyped column, and a
  // column made required that holds NULL, so the migration fails after ADD VALUE ran.
  const V1 = `
enum S {
  A
  B
}

model P {
  id   Int @id
  kids K[]
}

model K {
  id   Int     @id
  pId  Int     @default(autoincrement())
  p    P       @relation(fields: [pId], references: [id])
  s    S
  note String?
  @@index([note])
}

view V {
  id Int @unique
  @@sql("SELECT id FROM \\"K\\"")
}
`;
  const V2 = V1.replace('  B\n}', '  B\n  C\n}').replace('id   Int @id', 'id   BigInt @id').replace('pId  Int ', 'pId  BigInt').replace('note String?\n  @@index([note])', 'note String');

  test('the DO blocks and ADD VALUE read back from migration.sql as the statements rendered, ADD VALUE marked first', () => {
    const rendered = renderChanges(plan('postgresql', V1, V2).changes, 'postgresql');
    const steps = parseMigrationScript(renderMigrationScript(rendered, 'postgresql'), 'postgresql');
    expect(steps.map((s) => s.sql)).toEqual(rendered.flatMap((r) => r.sql));
    expect(steps.map((s) => s.transactional)).toEqual(rendered.flatMap((r) => r.sql.map(() => r.transactional !== false)));
    expect(steps[0]).toMatchObject({ sql: `ALTER TYPE "S" ADD VALUE 'C' AFTER 'B'`, transactional: false });
    expect(steps.slice(1).every((s) => s.transactional)).toBe(true);
    expect(steps.some((s) => s.sql.startsWith('DO $kiln$'))).toBe(true);
  });

  pgTest('a deploy that fails after ADD VALUE rolls back everything else, and its history row counts the one statement that stays', async () => {
    const db = await createdFrom('postgresql', V1);
    try {
      await db.connection.execute(`INSERT INTO "P" ("id") VALUES (1)`);
      await db.connection.execute(`INSERT INTO "K" ("id", "pId", "s", "note") VALUES (1, 1, 'A', NULL)`);
      const name = '20240101000000_widen';
      const sql = renderMigrationScript(renderChanges(plan('postgresql', V1, V2).changes, 'postgresql'), 'postgresql');
      const dir = makeFolder('postgresql', [{ name, sql }]);
      const err = await deployMigrations({ target: targetFor(db), folder: readFolder(dir, 'postgresql') }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MigrateError);
      expect((err as MigrateError).message).toMatch(/contains null values/);
      expect((await historyOf(db))[0]).toMatchObject({ appliedSteps: 1, finishedAt: null });
      // Only the new value stays; the foreign key, the view and the index are as they were.
      expect(await rows(db.connection, `SELECT enum_range(NULL::"S")::text AS r`)).toEqual([{ r: '{A,B,C}' }]);
      expect(await rows(db.connection, `SELECT conname FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`)).toEqual([
        { conname: 'K_pId_fkey' },
      ]);
      expect(await rows(db.connection, `SELECT viewname FROM pg_views WHERE schemaname = current_schema()`)).toEqual([{ viewname: 'V' }]);
      expect(await rows(db.connection, `SELECT format_type(atttypid, NULL) AS t FROM pg_attribute WHERE attrelid = '"K"'::regclass AND attname = 'pId'`)).toEqual([
        { t: 'integer' },
      ]);
    } finally {
      await db.drop();
    }
  });
});
