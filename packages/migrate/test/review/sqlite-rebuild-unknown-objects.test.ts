import { applyPlan, inspectDatabase, planMigration, prepareMigration, renderChanges } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { createdFrom, dbOf, rows, schemaOf } from '../diff/helpers/migrate.js';

/*
 * Review finding: `kiln migrate dev` plans from the last snapshot (prepareMigration →
 * databaseSchemaFromIr(previous)), which knows nothing of the triggers and hand-made indexes a
 * migration script or a DBA added. A SQLite rebuild drops the old table, and with it every
 * trigger and index on it (https://www.sqlite.org/lang_droptable.html), then recreates only what
 * the plan knows: the trigger and the expression index below vanish without a word. Issue 5:
 * "SQLite ... table-rebuild procedure, keeping data, indexes, triggers and foreign keys".
 */

const V1 = `
model Post {
  id    Int    @id @default(autoincrement())
  title String
  views Int    @default(0)
}

model Audit {
  id     Int    @id @default(autoincrement())
  postId Int
  note   String
}
`;

// views becomes optional: SQLite's ALTER TABLE cannot do that, so the table is rebuilt.
const V2 = V1.replace('views Int    @default(0)', 'views Int?   @default(0)');

test(
  'a rebuild planned from snapshots keeps (or refuses to drop) the triggers and indexes the schema does not declare',
  async () => {
    const db = await createdFrom('sqlite', V1);
    try {
      await db.connection.execute(
        `CREATE TRIGGER "post_audit" AFTER UPDATE ON "Post" BEGIN INSERT INTO "Audit" ("postId", "note") VALUES (new."id", 'updated'); END`,
      );
      await db.connection.execute(`CREATE INDEX "post_title_lower" ON "Post" (lower("title"))`);
      await db.connection.execute(`INSERT INTO "Post" ("title") VALUES ('hello')`);

      // Exactly what `kiln migrate dev` plans.
      const prepared = await prepareMigration(schemaOf('sqlite', V1).ir, schemaOf('sqlite', V2).ir, { provider: 'sqlite' });
      expect(prepared.changes.map((c) => c.kind)).toEqual(['redefineTable']);
      const outcome = await applyPlan(db.connection, renderChanges(prepared.changes, 'sqlite')).then(
        () => 'applied' as const,
        () => 'refused' as const,
      );

      // Either the migration fails loudly (and rolls back), or the objects survive it.
      const objects = await rows(db.connection, `SELECT type, name FROM sqlite_schema WHERE name IN ('post_audit', 'post_title_lower') ORDER BY name`);
      expect(objects).toEqual([
        { type: 'trigger', name: 'post_audit' },
        { type: 'index', name: 'post_title_lower' },
      ]);
      if (outcome === 'applied') {
        await db.connection.execute(`UPDATE "Post" SET "title" = 'changed'`);
        expect(await rows(db.connection, `SELECT "note" FROM "Audit"`)).toEqual([{ note: 'updated' }]);
      }
    } finally {
      await db.drop();
    }
  },
  DB_TIMEOUT,
);

/*
 * The fix (dialects/sqlite/sqlite-rebuild.ts): a guard before anything is dropped fails the
 * migration when the table has an index or trigger the rebuild neither recreates nor drops on
 * purpose. A rebuild planned from the database (introspection) knows the triggers and the
 * indexes on expressions and recreates them.
 */

const HOSTILE = `
model Post {
  id    Int    @id @default(autoincrement())
  title String
  views Int    @default(0)

  @@index([title], map: "it's \\"idx\\"")
  @@map("po'st \\"x\\"")
}
`;

test(
  'the guard names the remedy, and rolls the whole migration back',
  async () => {
    const db = await createdFrom('sqlite', V1);
    try {
      await db.connection.execute(`CREATE INDEX "post_title_lower" ON "Post" (lower("title"))`);
      await db.connection.execute(`INSERT INTO "Post" ("title") VALUES ('hello')`);
      const prepared = await prepareMigration(schemaOf('sqlite', V1).ir, schemaOf('sqlite', V2).ir, { provider: 'sqlite' });
      const error = await applyPlan(db.connection, renderChanges(prepared.changes, 'sqlite')).then(
        () => null,
        (err: unknown) => err as Error,
      );
      expect(error?.message).toContain('Rebuilding table "Post" would drop indexes or triggers this migration does not know of');
      expect(error?.message).toContain('add their CREATE statements after the rebuild in migration.sql and delete this check');
      // Nothing changed: views is still required.
      expect(await rows(db.connection, `SELECT "notnull" FROM pragma_table_info('Post') WHERE name = 'views'`)).toEqual([{ notnull: 1 }]);
      expect(await rows(db.connection, `SELECT "title" FROM "Post"`)).toEqual([{ title: 'hello' }]);
    } finally {
      await db.drop();
    }
  },
  DB_TIMEOUT,
);

test(
  'the indexes the plan knows (kept, dropped, renamed, unique) and hostile names pass the guard',
  async () => {
    const v2 = HOSTILE.replace('views Int    @default(0)', 'views Int?   @default(0)\n  slug String? @unique').replace(
      `@@index([title], map: "it's \\"idx\\"")`,
      `@@index([title], map: "IT'S \\"IDX\\" renamed")`,
    );
    const db = await createdFrom('sqlite', HOSTILE);
    try {
      await db.connection.execute(`INSERT INTO "po'st ""x""" ("title") VALUES ('a')`);
      const prepared = await prepareMigration(schemaOf('sqlite', HOSTILE).ir, schemaOf('sqlite', v2).ir, { provider: 'sqlite' });
      expect(prepared.changes.map((c) => c.kind)).toEqual(['redefineTable']);
      await applyPlan(db.connection, renderChanges(prepared.changes, 'sqlite'));
      expect(await rows(db.connection, `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'po''st "x"' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`)).toEqual([
        { name: `IT'S "IDX" renamed` },
        { name: `po'st "x"_slug_key` },
      ]);
    } finally {
      await db.drop();
    }
  },
  DB_TIMEOUT,
);

test(
  'a rebuild planned from the database recreates the triggers and the indexes on expressions',
  async () => {
    const db = await createdFrom('sqlite', V1);
    try {
      await db.connection.execute(
        `CREATE TRIGGER "post_audit" AFTER UPDATE ON "Post" BEGIN INSERT INTO "Audit" ("postId", "note") VALUES (new."id", 'updated'); END`,
      );
      await db.connection.execute(`CREATE INDEX "post_title_lower" ON "Post" (lower("title"))`);
      await db.connection.execute(`INSERT INTO "Post" ("title") VALUES ('hello')`);
      const plan = planMigration(await inspectDatabase(db.connection, 'sqlite'), dbOf('sqlite', V2), { provider: 'sqlite' });
      expect(plan.changes.map((c) => c.kind)).toEqual(['redefineTable']);
      await applyPlan(db.connection, renderChanges(plan.changes, 'sqlite'));
      expect(await rows(db.connection, `SELECT "notnull" FROM pragma_table_info('Post') WHERE name = 'views'`)).toEqual([{ notnull: 0 }]);
      expect(await rows(db.connection, `SELECT type, name, sql FROM sqlite_master WHERE name IN ('post_audit', 'post_title_lower') ORDER BY name`)).toEqual([
        {
          type: 'trigger',
          name: 'post_audit',
          sql: `CREATE TRIGGER "post_audit" AFTER UPDATE ON "Post" BEGIN INSERT INTO "Audit" ("postId", "note") VALUES (new."id", 'updated'); END`,
        },
        { type: 'index', name: 'post_title_lower', sql: `CREATE INDEX "post_title_lower" ON "Post" (lower("title"))` },
      ]);
      await db.connection.execute(`UPDATE "Post" SET "title" = 'changed'`);
      expect(await rows(db.connection, `SELECT "note" FROM "Audit"`)).toEqual([{ note: 'updated' }]);
    } finally {
      await db.drop();
    }
  },
  DB_TIMEOUT,
);
