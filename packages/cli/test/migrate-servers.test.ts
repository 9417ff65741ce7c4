import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableServers, freshDatabase, type ServerDatabase, type ServerProvider } from './migrate-databases.js';
import { kiln, removeTempDirs, STACK_FRAME, tempProject } from './run-kiln.js';

/*
 * The migrate commands against real PostgreSQL and MySQL/MariaDB servers, in subprocesses:
 * `migrate dev` on a schema with hostile names, then status (no drift: no phantom changes),
 * deploy to a second database, an enum value added and used in one migration, drift, down,
 * diff against the live database. Each test uses fresh databases and drops them.
 */

const servers = await availableServers();
afterEach(removeTempDirs);

const TIMEOUT = 120_000;

/** Names with quotes, backticks, spaces and non-ASCII letters, for every database. */
const schema = (provider: ServerProvider, extra = '') => `datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}

enum Mood {
  HAPPY @map("it's happy")
  SAD
  @@map("mo\\"od \`x\`")
}

model Person {
  id    Int    @id @default(autoincrement()) @map("i\\"d \`x\`")
  name  String @unique @map("na me's")
  mood  Mood   @default(HAPPY)
  pets  Pet[]
${extra}
  @@map("pe\\"rson \`table\` é")
}

model Pet {
  id      Int    @id
  owner   Person @relation(fields: [ownerId], references: [id], onDelete: Cascade)
  ownerId Int    @map("owner \\"id\\"")

  @@index([ownerId])
  @@map("pet\`s; DROP TABLE x")
}
`;

const migrationDirs = (dir: string) => readdirSync(join(dir, 'migrations')).filter((d) => /^\d{14}_/.test(d)).sort();

(servers.length > 0 ? describe.each(servers) : describe.skip.each(['none' as ServerProvider]))('kiln migrate on %s', (provider) => {
  let dbs: ServerDatabase[] = [];
  const fresh = async () => {
    const db = await freshDatabase(provider);
    dbs.push(db);
    return db;
  };
  afterEach(async () => {
    for (const db of dbs) await db.drop();
    dbs = [];
  });

  test(
    'dev, status, deploy to another database, an enum value added and used at once, drift, down',
    async () => {
      const dev = await fresh();
      const prod = await fresh();
      const env = { DATABASE_URL: dev.url };
      const dir = tempProject({ 'schema.schema': schema(provider) });

      const first = kiln(dir, ['migrate', 'dev', '--skip-generate'], env);
      expect(first.stderr).not.toMatch(/error|warning/);
      expect(first.status).toBe(0);
      const status = kiln(dir, ['migrate', 'status'], env);
      expect(status.stderr).toBe('');
      expect(status.stdout).toContain('no drift');
      expect(status.status).toBe(0);
      // No phantom changes: the database read back plans to nothing.
      expect(kiln(dir, ['migrate', 'dev', '--skip-generate'], env).stdout).toMatch(/^No schema changes since the last migration/);

      // A new enum value, used as a column's default in the same migration.
      writeFileSync(join(dir, 'schema.schema'), schema(provider, '  level Mood   @default(CALM)\n').replace('  SAD\n', '  SAD\n  CALM\n'));
      const second = kiln(dir, ['migrate', 'dev', '--skip-generate'], env);
      expect(second.stderr).not.toContain('error');
      expect(second.status).toBe(0);
      const script = readFileSync(join(dir, 'migrations', migrationDirs(dir)[1]!, 'migration.sql'), 'utf8');
      if (provider === 'postgresql') expect(script).toMatch(/-- kiln:no-transaction\nALTER TYPE "mo""od `x`" ADD VALUE 'CALM'/);
      expect(kiln(dir, ['migrate', 'status'], env).status).toBe(0);
      expect(kiln(dir, ['migrate', 'dev', '--skip-generate'], env).stdout).toMatch(/^No schema changes/);

      // The same migrations on another database, as CI deploys them.
      const deployed = kiln(dir, ['migrate', 'deploy', '--url', prod.url]);
      expect(deployed.stdout).toMatch(/^Applied 2 migrations to the /);
      expect(deployed.status).toBe(0);
      expect(kiln(dir, ['migrate', 'status', '--url', prod.url]).status).toBe(0);
      expect(await prod.query('SELECT name FROM _kiln_migrations ORDER BY name')).toEqual(migrationDirs(dir).map((name) => ({ name })));

      // Drift: a table made by hand.
      await prod.query('CREATE TABLE hand_made (id INT PRIMARY KEY)');
      const drift = kiln(dir, ['migrate', 'status', '--url', prod.url]);
      expect(drift.status).toBe(1);
      expect(drift.stdout).toMatch(/  - DropTable "(kiln_cli_\w+\.)?hand_made"\n/);
      await prod.query('DROP TABLE hand_made');

      // Down: back to the first migration, and the database matches it.
      const down = kiln(dir, ['migrate', 'down', '--accept-data-loss', '--url', prod.url]);
      expect(down.stderr).not.toMatch(STACK_FRAME);
      expect(down.status).toBe(0);
      const after = kiln(dir, ['migrate', 'status', '--url', prod.url]);
      expect(after.stdout).toContain(`The database matches the schema of ${migrationDirs(dir)[0]}: no drift.`);
      expect(after.stdout).toContain('1 migration is pending');
      expect(after.status).toBe(1);
      expect(kiln(dir, ['migrate', 'deploy', '--url', prod.url]).status).toBe(0);
      expect(kiln(dir, ['migrate', 'status', '--url', prod.url]).status).toBe(0);

      // diff from the live database to the schema: nothing; from empty: the whole schema.
      const same = kiln(dir, ['migrate', 'diff', '--from', prod.url, '--to', 'schema:schema.schema']);
      expect(same.stdout).toBe('');
      expect(same.stderr).toMatch(/^No difference between the .* and the schema schema\.schema\.\n$/);
      const all = kiln(dir, ['migrate', 'diff', '--from', 'empty', '--to', prod.url]);
      expect(all.stdout).toContain('CREATE TABLE');
      expect(all.status).toBe(0);
    },
    TIMEOUT,
  );

  test(
    'db push on an existing database applies the difference; reset starts over',
    async () => {
      const db = await fresh();
      const env = { DATABASE_URL: db.url };
      const dir = tempProject({ 'schema.schema': schema(provider) });
      const pushed = kiln(dir, ['db', 'push'], env);
      expect(pushed.stdout).toMatch(/^Pushed schema\.schema to the .*: created (1 enum, )?2 tables/);
      expect(kiln(dir, ['db', 'push'], env).stdout).toMatch(/already in sync with schema\.schema: nothing to push\.\n$/);
      writeFileSync(join(dir, 'schema.schema'), schema(provider, '  nick  String?\n'));
      const added = kiln(dir, ['db', 'push'], env);
      expect(added.stdout).toMatch(/: 1 change\.\n {2}AddColumn "nick" to "(kiln_cli_\w+\.)?pe\\"rson `table` é"\n$/);
      expect(added.status).toBe(0);

      // A migrations folder on top, then reset: everything dropped, the migration applied.
      expect(kiln(dir, ['migrate', 'dev', '--create-only'], env).status).toBe(0);
      const reset = kiln(dir, ['migrate', 'reset', '--force', '--skip-generate'], env);
      expect(reset.stdout).toMatch(/^Reset the .*: dropped \d+ objects, applied 1 migration of migrations\.\n$/);
      expect(reset.status).toBe(0);
      expect(kiln(dir, ['migrate', 'status'], env).status).toBe(0);
    },
    TIMEOUT,
  );
});
