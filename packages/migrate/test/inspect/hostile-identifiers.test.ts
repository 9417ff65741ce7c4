import type { Provider } from '@kiln/schema';
import { databaseSchemaFromIr, inspectDatabase } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { availableProviders } from '../helpers/databases.js';
import { datasource, irOf } from '../helpers/examples.js';
import { checkPull } from '../pull/helpers/pull-examples.js';
import { expectSameSchema, withAppliedSchema } from './helpers/inspect-examples.js';

/*
 * Names with double quotes, backticks, single quotes, spaces, SQL and unicode come back from
 * the catalog exactly as the schema wrote them: tables, columns, an enum and its values, keys,
 * indexes, foreign keys, a join table and a view. (MariaDB identifiers cannot hold characters
 * outside the Basic Multilingual Plane, so the emoji is PostgreSQL's and SQLite's only.)
 */

const providers = await availableProviders();

const schema = (provider: Provider) => {
  const emoji = provider === 'mysql' ? '' : ' 🚀';
  const id = (n: string) => (provider === 'mysql' ? `\`${n.replaceAll('`', '``')}\`` : `"${n.replaceAll('"', '""')}"`);
  const select = `SELECT ${id("la bel's")} AS label FROM ${id('my "odd" `table` name')}`;
  return `${datasource(provider)}
enum Weird {
  A @map("it's")
  B @map("ż\\"ó\`ł")
  @@map("en\\"um \`x\`")
}

model Odd {
  id    Int    @id @default(autoincrement()) @map("i\\"d \`x\`")
  label String @unique(map: "la bel's \\"key\\"") @map("la bel's")
  kind  Weird  @default(B)
  note  String @default("x") @map("żółć ✓${emoji}")
  kids  Kid[]
  tags  Tag[]  @relation("o'dd \\"rel\\"")

  @@index([kind, label], map: "ind\`ex; --")
  @@map("my \\"odd\\" \`table\` name")
}

model Kid {
  id    Int @id
  odd   Odd @relation(fields: [oddId], references: [id], onDelete: Cascade, map: "f\\"k\`")
  oddId Int @map("odd \\"id\\"")

  @@index([oddId])
  @@map("kid\`s; DROP TABLE x")
}

model Tag {
  id   Int   @id
  odds Odd[] @relation("o'dd \\"rel\\"")
}

view OddView {
  label String @unique

  @@sql(${JSON.stringify(select)})
  @@map("vi\\"ew \`v\`")
}
`;
};

describe('hostile identifiers', () => {
  (providers.length > 0 ? test.each(providers) : test.skip.each(['none']))(
    'survive introspection on %s, exactly as the schema names them',
    async (p) => {
      const provider = p as Provider;
      const ir = irOf(schema(provider));
      await withAppliedSchema(provider, ir, async (db) => {
        const inspected = await inspectDatabase(db.connection, provider);
        expect(inspected.tables.map((t) => t.table.name.name).sort()).toEqual(['Tag', '_o\'dd "rel"', 'kid`s; DROP TABLE x', 'my "odd" `table` name'].sort());
        expect(inspected.views.map((v) => v.name.name)).toEqual(['vi"ew `v`']);
        expectSameSchema(provider, inspected, databaseSchemaFromIr(ir));
      });
    },
    DB_TIMEOUT,
  );

  (providers.length > 0 ? test.each(providers) : test.skip.each(['none']))(
    'survive db pull on %s: the pulled schema maps every name back',
    async (p) => {
      const text = await checkPull(p as Provider, irOf(schema(p as Provider)));
      expect(text).toContain('@@map("my \\"odd\\" `table` name")');
      expect(text).toContain('@map("i\\"d `x`")');
    },
    DB_TIMEOUT * 2,
  );
});
