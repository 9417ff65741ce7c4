import type { Provider } from '@kiln/schema';
import { planFromEmpty, renderChanges } from '../src/index.js';
import { applyAndCheck, DB_TIMEOUT } from './helpers/apply-examples.js';
import { availableProviders } from './helpers/databases.js';
import { datasource, irOf } from './helpers/examples.js';

/*
 * Names come from the schema and are always quoted, with the quote character doubled. Tables,
 * columns, an enum and a join table named with double quotes, backticks, spaces and single
 * quotes must render, apply, and show up in the catalog under exactly those names.
 */

const providers = await availableProviders();

const schema = (provider: Provider) => `${datasource(provider)}
enum Weird {
  A @map("it's")
  B
  @@map("en\\"um \`x\`")
}

model Odd {
  id    Int    @id @default(autoincrement()) @map("i\\"d \`x\`")
  label String @unique @map("la bel's")
  kind  Weird  @default(A)
  kids  Kid[]
  tags  Tag[]  @relation("o'dd \\"rel\\"")

  @@map("my \\"odd\\" \`table\` name")
}

model Kid {
  id    Int @id
  odd   Odd @relation(fields: [oddId], references: [id], onDelete: Cascade)
  oddId Int @map("odd \\"id\\"")

  @@index([oddId])
  @@map("kid\`s; DROP TABLE x")
}

model Tag {
  id   Int   @id
  odds Odd[] @relation("o'dd \\"rel\\"")
}
`;

describe('hostile identifiers', () => {
  test('render with the quote character doubled on each dialect', () => {
    const sql = (p: Provider) => renderChanges(planFromEmpty(irOf(schema(p))), p).flatMap((r) => r.sql).join('\n');
    expect(sql('postgresql')).toContain('CREATE TABLE "my ""odd"" `table` name" (\n    "i""d `x`" SERIAL NOT NULL,');
    expect(sql('postgresql')).toContain('CREATE TYPE "en""um `x`" AS ENUM (\'it\'\'s\', \'B\')');
    expect(sql('sqlite')).toContain('CREATE TABLE "kid`s; DROP TABLE x" (');
    expect(sql('mysql')).toContain('CREATE TABLE `my "odd" ``table`` name` (\n    `i"d ``x``` INTEGER NOT NULL AUTO_INCREMENT,');
    expect(sql('mysql')).toContain("`kind` ENUM('it''s', 'B') NOT NULL DEFAULT 'it''s'");
    expect(sql('mysql')).toContain('CREATE TABLE `kid``s; DROP TABLE x` (');
  });

  (providers.length > 0 ? test.each(providers) : test.skip.each(['none']))(
    'apply on %s and appear in the catalog under their exact names',
    async (provider) => {
      const ir = irOf(schema(provider as Provider));
      expect(ir.models.map((m) => m.dbName)).toEqual(['my "odd" `table` name', 'kid`s; DROP TABLE x', 'Tag']);
      expect(ir.relations.flatMap((r) => (r.joinTable ? [r.joinTable.name] : []))).toEqual(['_o\'dd "rel"']);
      await applyAndCheck(provider as Provider, ir);
    },
    DB_TIMEOUT,
  );
});
