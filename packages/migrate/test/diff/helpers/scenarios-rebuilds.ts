import type { Provider } from '@kiln/schema';
import type { DatabaseSchema } from '../../../src/index.js';
import { rows, type Scenario } from './migrate.js';
import { count, exec, fails, q } from './scenario-sql.js';

/* Schema pairs for SQLite's table rebuild, index kinds, and hostile identifiers. */

const REBUILD_V1 = `
model Account {
  id      Int      @id @default(autoincrement())
  email   String   @unique
  name    String?
  entries Entry[]

  @@index([name])
  @@map("accounts")
}

model Entry {
  id        Int     @id @default(autoincrement())
  accountId Int     @map("account_id")
  account   Account @relation(fields: [accountId], references: [id], onDelete: Cascade)

  @@map("entries")
}

model Audit {
  id   Int    @id @default(autoincrement())
  note String

  @@map("audit")
}
`;

const REBUILD_V2 = `
model Account {
  id      Int      @id @default(autoincrement())
  email   String   @unique
  name    String   @default("anonymous")
  entries Entry[]

  @@index([name])
  @@check("length(email) > 3")
  @@map("accounts")
}

model Entry {
  id        Int     @id @default(autoincrement())
  accountId Int     @map("account_id")
  account   Account @relation(fields: [accountId], references: [id], onDelete: Cascade)

  @@map("entries")
}

model Audit {
  id   Int    @id @default(autoincrement())
  note String

  @@map("audit")
}
`;

const TRIGGER = `CREATE TRIGGER "accounts_audit" AFTER INSERT ON "accounts" BEGIN INSERT INTO audit (note) VALUES ('new ' || NEW.email); END`;

const withTrigger = (schema: DatabaseSchema): DatabaseSchema => ({
  ...schema,
  source: 'database',
  tables: schema.tables.map((t) => (t.table.name.name === 'accounts' ? { ...t, triggers: [TRIGGER] } : t)),
});

/** SQLite's rebuild of a referenced table: rows, ids, the index, the cascading children and a trigger survive. */
export const sqliteRebuild: Scenario = {
  title: 'a rebuilt table keeps its rows, AUTOINCREMENT counter, indexes, the rows that reference it, and its trigger',
  providers: ['sqlite'],
  v1: REBUILD_V1,
  v2: REBUILD_V2,
  async seed(db) {
    await exec(db, TRIGGER);
    await exec(
      db,
      "INSERT INTO accounts (email, name) VALUES ('ann@example.com', 'Ann'), ('bob@example.com', NULL), ('gone@example.com', 'x')",
      "DELETE FROM accounts WHERE email = 'gone@example.com'",
      'INSERT INTO entries (account_id) VALUES (1), (1), (2)',
    );
    expect(await count(db, 'SELECT COUNT(*) FROM audit')).toBe(3);
  },
  fromV1: withTrigger,
  fromV2: withTrigger,
  async checkV2(db) {
    expect(await rows(db, 'SELECT id, email, name FROM accounts ORDER BY id')).toEqual([
      { id: 1, email: 'ann@example.com', name: 'Ann' },
      { id: 2, email: 'bob@example.com', name: 'anonymous' },
    ]);
    // The cascading children survived the rebuild of their parent.
    expect(await count(db, 'SELECT COUNT(*) FROM entries')).toBe(3);
    // The AUTOINCREMENT counter did not go back to 2: the deleted id 3 is not reused.
    await exec(db, "INSERT INTO accounts (email) VALUES ('cy@example.com')");
    expect(await count(db, "SELECT id FROM accounts WHERE email = 'cy@example.com'")).toBe(4);
    // The trigger fired.
    expect(await count(db, "SELECT COUNT(*) FROM audit WHERE note = 'new cy@example.com'")).toBe(1);
    // The unique index and the new check hold; the foreign key still cascades and is enforced.
    await fails(db, "INSERT INTO accounts (email) VALUES ('ann@example.com')");
    await fails(db, "INSERT INTO accounts (email) VALUES ('a@b')");
    await fails(db, 'INSERT INTO entries (account_id) VALUES (99)');
    await exec(db, 'DELETE FROM accounts WHERE id = 2');
    expect(await count(db, 'SELECT COUNT(*) FROM entries')).toBe(2);
  },
  async checkV1(db) {
    expect(await rows(db, 'SELECT id, email, name FROM accounts ORDER BY id')).toEqual([
      { id: 1, email: 'ann@example.com', name: 'Ann' },
      { id: 4, email: 'cy@example.com', name: 'anonymous' },
    ]);
    expect(await count(db, 'SELECT COUNT(*) FROM entries')).toBe(2);
    await exec(db, "INSERT INTO accounts (email) VALUES ('a@b')");
    expect(await count(db, "SELECT COUNT(*) FROM audit WHERE note = 'new a@b'")).toBe(1);
  },
};


const INDEXES_V1 = (provider: Provider) => `
model Doc {
  id        Int       @id
  title     String
  body      String    ${provider === 'mysql' ? '@db.Text' : ''}
  slug      String
  deletedAt DateTime?

  @@unique([slug])
  @@index([title, id])
  ${provider === 'mysql' ? '@@fulltext([body])' : '@@index([body])'}
  @@map("docs")
}
`;

const INDEXES_V2 = (provider: Provider) => `
model Doc {
  id        Int       @id
  title     String
  body      String    ${provider === 'mysql' ? '@db.Text' : ''}
  slug      String
  deletedAt DateTime?

  ${provider === 'mysql' ? '@@index([slug])' : '@@unique([slug], where: "\\"deletedAt\\" IS NULL")'}
  @@index([title(sort: Desc), id], map: "docs_title_desc")
  ${provider === 'mysql' ? '@@fulltext([body, title])' : provider === 'postgresql' ? '@@index([body], type: Hash)' : ''}
  @@map("docs")
}
`;

/** Index kinds: unique to partial unique (or plain), sort order, full-text, access method. */
export const indexes: Scenario = {
  title: 'indexes: unique to partial unique (or plain), a sort order, full-text and hash indexes',
  v1: '',
  v2: '',
  async seed(db) {
    await exec(db, "INSERT INTO docs (id, title, body, slug) VALUES (1, 'a', 'x', 'one'), (2, 'b', 'y', 'two')");
  },
  async checkV2(db, provider) {
    // The slug is unique among live rows only (PostgreSQL, SQLite), or not at all (MySQL).
    await exec(db, "UPDATE docs SET \"deletedAt\" = '2024-01-01' WHERE id = 1".replaceAll('"', provider === 'mysql' ? '`' : '"'));
    await exec(db, "INSERT INTO docs (id, title, body, slug) VALUES (3, 'c', 'z', 'one')");
    await exec(db, 'DELETE FROM docs WHERE id = 3');
    expect(await count(db, 'SELECT COUNT(*) FROM docs')).toBe(2);
  },
  async checkV1(db) {
    await fails(db, "INSERT INTO docs (id, title, body, slug) VALUES (3, 'c', 'z', 'one')");
  },
};
/** The index scenario's schemas depend on the provider. */
export const indexesFor = (provider: Provider): Scenario => ({ ...indexes, v1: INDEXES_V1(provider), v2: INDEXES_V2(provider) });

const HOSTILE_V1 = `
enum Mood {
  HAPPY @map("it's")
  SAD

  @@map("mo\\"od")
}

model Thing {
  id    Int    @id
  label String @map("la bel's")
  mood  Mood   @default(HAPPY)

  @@index([label], map: "by \\"label\\"")
  @@map("my \\"odd\\" \`table\`")
}
`;

const HOSTILE_V2 = `
enum Feeling {
  HAPPY @map("it's")
  SAD

  @@map("fe\\"el \`ing\`")
  @@renamedFrom("Mood")
}

model Item {
  id      Int     @id
  caption String  @map("cap\\"tion \`x\`; DROP TABLE y") @renamedFrom("label")
  mood    Feeling @default(HAPPY)

  @@index([caption], map: "by \\"caption\\"")
  @@map("ün \\"odd\\" \`table\` 2")
  @@renamedFrom("Thing")
}
`;

/** Renames of tables, columns, indexes and an enum whose names hold quotes, backticks, spaces, a semicolon and non-ASCII letters. */
export const hostile: Scenario = {
  title: 'hostile identifiers renamed: quotes, backticks, spaces, semicolons, unicode',
  v1: HOSTILE_V1,
  v2: HOSTILE_V2,
  async seed(db, provider) {
    await exec(db, `INSERT INTO ${q(provider, 'my "odd" `table`')} (id, ${q(provider, "la bel's")}) VALUES (1, 'one')`);
  },
  async checkV2(db, provider) {
    const t = q(provider, 'ün "odd" `table` 2');
    const c = q(provider, 'cap"tion `x`; DROP TABLE y');
    const mood = provider === 'postgresql' ? 'mood::text' : 'mood';
    expect(await rows(db, `SELECT id, ${c} AS caption, ${mood} AS mood FROM ${t}`)).toEqual([{ id: 1, caption: 'one', mood: "it's" }]);
  },
  async checkV1(db, provider) {
    const t = q(provider, 'my "odd" `table`');
    expect(await rows(db, `SELECT ${q(provider, "la bel's")} AS label FROM ${t}`)).toEqual([{ label: 'one' }]);
  },
};
