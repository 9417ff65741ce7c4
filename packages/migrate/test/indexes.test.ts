import type { Provider } from '@kiln/schema';
import { planFromEmpty, renderChanges } from '../src/index.js';
import { applyAndCheck, DB_TIMEOUT } from './helpers/apply-examples.js';
import { availableProviders } from './helpers/databases.js';
import { datasource, irOf } from './helpers/examples.js';

/*
 * Index options each database has: PostgreSQL access methods, operator classes and partial
 * indexes; MySQL full-text indexes and prefix lengths; sort orders; SQLite partial indexes.
 * Rendered SQL is checked, then applied and compared with the catalog.
 */

const providers = await availableProviders();

const SCHEMAS: Record<Provider, { schema: string; sql: string[] }> = {
  postgresql: {
    schema: `
model Doc {
  id      Int      @id
  data    Json
  title   String
  slug    String
  at      DateTime
  deleted Boolean  @default(false)

  @@index([data(ops: JsonbPathOps)], type: Gin)
  @@index([title], type: Hash)
  @@index([at], type: Brin)
  @@index([at(sort: Desc), title])
  @@unique([slug], where: "deleted = false")
}
`,
    sql: [
      'CREATE UNIQUE INDEX "Doc_slug_key" ON "Doc"("slug") WHERE deleted = false',
      'CREATE INDEX "Doc_data_idx" ON "Doc" USING GIN ("data" jsonb_path_ops)',
      'CREATE INDEX "Doc_title_idx" ON "Doc" USING HASH ("title")',
      'CREATE INDEX "Doc_at_idx" ON "Doc" USING BRIN ("at")',
      'CREATE INDEX "Doc_at_title_idx" ON "Doc"("at" DESC, "title")',
    ],
  },
  mysql: {
    schema: `
model Doc {
  id    Int    @id @default(autoincrement())
  title String @db.VarChar(255)
  body  String @db.Text

  @@fulltext([title, body])
  @@index([body(length: 20)])
  @@index([title(sort: Desc)])
}
`,
    sql: [
      'CREATE TABLE `Doc` (\n    `id` INTEGER NOT NULL AUTO_INCREMENT,\n    `title` VARCHAR(255) NOT NULL,\n    `body` TEXT NOT NULL,\n\n' +
        '    FULLTEXT INDEX `Doc_title_body_idx`(`title`, `body`),\n    INDEX `Doc_body_idx`(`body`(20)),\n    INDEX `Doc_title_idx`(`title` DESC),\n' +
        '    PRIMARY KEY (`id`)\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    ],
  },
  sqlite: {
    schema: `
model Doc {
  id      Int     @id
  slug    String
  deleted Boolean @default(false)

  @@unique([slug], where: "deleted = 0")
  @@index([slug(sort: Desc), deleted])
}
`,
    sql: [
      'CREATE UNIQUE INDEX "Doc_slug_key" ON "Doc"("slug") WHERE deleted = 0',
      'CREATE INDEX "Doc_slug_deleted_idx" ON "Doc"("slug" DESC, "deleted")',
    ],
  },
};

describe.each(['postgresql', 'mysql', 'sqlite'] as const)('index options on %s', (provider) => {
  const ir = irOf(`${datasource(provider)}${SCHEMAS[provider].schema}`);

  test('render', () => {
    const sql = renderChanges(planFromEmpty(ir), provider).flatMap((r) => r.sql);
    for (const s of SCHEMAS[provider].sql) expect(sql).toContain(s);
  });

  if (providers.includes(provider)) {
    test('apply, and the catalog has every index', () => applyAndCheck(provider, ir), DB_TIMEOUT);
  }
});
