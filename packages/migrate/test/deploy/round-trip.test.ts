import type { Provider, SchemaIR } from '@kiln/schema';
import {
  databaseSchemaFromIr,
  deployMigrations,
  describeChange,
  inspectDatabase,
  planMigration,
  prepareMigration,
  readMigrationsFolder,
  rollbackMigrations,
  writeMigration,
  type DatabaseConnection,
} from '../../src/index.js';
import { availableProviders, withTestDatabase } from '../helpers/databases.js';
import { datasource, irOf } from '../helpers/examples.js';
import { makeFolder, removeFolders, targetFor } from './helpers/fixtures.js';

/*
 * The real planner end to end: each schema version becomes a migration (prepareMigration →
 * writeMigration), deploy applies it, and the live database read back plans to nothing against
 * the migration's snapshot; down.sql takes it back to the previous snapshot exactly. Data
 * survives a rename, and the down migration's data-loss notes are where data is lost.
 */

const providers = await availableProviders();
afterEach(removeFolders);

const versions = (provider: Provider): string[] => {
  const head = datasource(provider);
  return [
    `${head}
enum Role {
  USER
  ADMIN
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  role  Role   @default(USER)
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int

  @@index([authorId])
}
`,
    // A column renamed with a hint, a column added, an enum value added, a table added.
    `${head}
enum Role {
  USER
  ADMIN
  GUEST
}

model User {
  id           Int     @id @default(autoincrement())
  emailAddress String  @unique @renamedFrom("email")
  role         Role    @default(USER)
  nickname     String?
  posts        Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int

  @@index([authorId])
}

model Tag {
  id   Int    @id
  name String @unique
}
`,
    // A table dropped and a column dropped: data loss.
    `${head}
enum Role {
  USER
  ADMIN
  GUEST
}

model User {
  id           Int    @id @default(autoincrement())
  emailAddress String @unique
  role         Role   @default(USER)
  posts        Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int

  @@index([authorId])
}
`,
  ];
};

/** The changes between the live database and `ir`: none when they match. */
async function differences(connection: DatabaseConnection, provider: Provider, ir: SchemaIR): Promise<string[]> {
  const actual = await inspectDatabase(connection, provider);
  return planMigration(actual, databaseSchemaFromIr(ir), { provider }).changes.map(describeChange);
}

(providers.length > 0 ? describe.each(providers) : describe.skip.each(['none']))('planned migrations on %s', (p) => {
  const provider = p as Provider;

  test('each version deploys to exactly its snapshot, and down returns to the previous one', async () => {
    await withTestDatabase(provider, async (db) => {
      const dir = makeFolder(provider, []);
      const irs = versions(provider).map(irOf);
      const target = targetFor(db);
      let previous: SchemaIR | null = null;
      const names: string[] = [];
      for (const [i, ir] of irs.entries()) {
        const prepared = await prepareMigration(previous, ir, { provider });
        expect(prepared.changes.length).toBeGreaterThan(0);
        expect(prepared.down).not.toBeNull();
        names.push(writeMigration(dir, { script: prepared.script, down: prepared.down, snapshot: prepared.snapshot }, { name: `v${i + 1}`, provider, latest: names[names.length - 1], now: new Date(Date.UTC(2024, 0, i + 1)) }));
        const result = await deployMigrations({ target, folder: readMigrationsFolder(dir, { provider }) });
        expect(result.applied).toEqual([names[i]]);
        expect(await differences(db.connection, provider, ir)).toEqual([]);
        if (i === 0) await db.connection.execute(`INSERT INTO ${provider === 'mysql' ? '`User`' : '"User"'} (email) VALUES ('ann@example.com')`);
        previous = ir;
      }
      // The rename kept Ann's address; the third migration's down.sql says what it cannot restore.
      const userTable = provider === 'mysql' ? '`User`' : '"User"';
      expect(await db.connection.query(`SELECT ${provider === 'mysql' ? '`emailAddress`' : '"emailAddress"'} AS e FROM ${userTable}`)).toEqual([{ e: 'ann@example.com' }]);
      const folder = readMigrationsFolder(dir, { provider });
      expect(folder.migrations[1]!.down!.text).toMatch(/RENAME COLUMN [`"]emailAddress[`"] TO [`"]email[`"]/);
      expect(folder.migrations[2]!.script.text).toContain('-- DropTable "Tag"');
      expect(folder.migrations[1]!.down!.text).toMatch(/-- kiln: data loss: Dropping table "Tag" deletes every row it holds\.\n/);

      // Down, one version at a time: each time the database is exactly the previous snapshot.
      for (let i = irs.length - 1; i > 0; i--) {
        expect(await rollbackMigrations({ target, folder })).toEqual([names[i]]);
        expect(await differences(db.connection, provider, irs[i - 1]!)).toEqual([]);
      }
      expect(await db.connection.query(`SELECT ${provider === 'mysql' ? '`email`' : '"email"'} AS e FROM ${userTable}`)).toEqual([{ e: 'ann@example.com' }]);
      // And up again.
      expect((await deployMigrations({ target, folder })).applied).toEqual(names.slice(1));
      expect(await differences(db.connection, provider, irs[irs.length - 1]!)).toEqual([]);
    });
  }, 120_000);
});
