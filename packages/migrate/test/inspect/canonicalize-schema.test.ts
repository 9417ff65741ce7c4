import type { Provider } from '@kiln/schema';
import { canonicalizeSchema, databaseSchemaFromIr, inspectDatabase, type DatabaseSchema } from '../../src/index.js';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { availableProviders, serverAvailable } from '../helpers/databases.js';
import { rows, schemaOf } from '../diff/helpers/migrate.js';
import { changesToReach, databaseFrom, phantomChanges } from '../review/helpers/round-trip.js';

/*
 * canonicalizeSchema (docs/migrate.md, "How the planner compares"): the database prints the
 * schema's checks, predicates and views its own way, which is exactly the text introspection
 * reads back from a database created from the schema; what it refuses keeps the textual
 * comparison; nothing is left in the database.
 */

const providers = await availableProviders();
const postgres = await serverAvailable('postgresql');

const EXPRESSIONS = `
enum Mood {
  happy
  it_s @map("it's")
}

model C {
  id   Int      @id
  slug String
  n    Int
  d    DateTime
  mood Mood
  @@check("slug LIKE 'a%'", name: "c_like")
  @@check("slug NOT ILIKE '%x%'", name: "c_not_ilike")
  @@check("n != 4", name: "c_not_equal")
  @@check("n BETWEEN 0 AND 10", name: "c_between")
  @@check("n NOT BETWEEN 20 AND 30 AND n > -5", name: "c_not_between")
  @@check("d > '2020-01-01'", name: "c_date")
  @@check("mood IN ('happy', 'it''s')", name: "c_in")
  @@index([n], where: "slug LIKE 'a%' AND mood = 'it''s'", map: "c_partial")
}
`;

/** The printed texts of the schema's checks and predicates, by name. */
function printed(schema: DatabaseSchema): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const t of schema.tables) {
    for (const c of t.table.checks) out[c.name] = c.printedExpression;
    for (const i of t.indexes) if (i.where !== null) out[i.name] = i.printedWhere;
  }
  return out;
}

(postgres ? describe : describe.skip)('PostgreSQL: checks and partial index predicates', () => {
  test(
    'are printed exactly as introspection reads them from a database created from the schema',
    async () => {
      const db = await databaseFrom('postgresql', EXPRESSIONS);
      try {
        const inspected = printedFromDatabase(await inspectDatabase(db.connection, 'postgresql'));
        const canonical = await canonicalizeSchema(db.connection, 'postgresql', schemaOf('postgresql', EXPRESSIONS).db);
        expect(canonical.warnings).toEqual([]);
        expect(printed(canonical.schema)).toEqual(inspected);
        expect(inspected.c_like).toBe("slug ~~ 'a%'::text");
        // Nothing is left behind: no temporary object, no transaction.
        expect(await rows(db.connection, 'SELECT COUNT(*) AS n FROM pg_class WHERE relnamespace = pg_my_temp_schema()')).toEqual([{ n: 0 }]);
        expect(await rows(db.connection, 'SELECT COUNT(*) AS n FROM pg_type WHERE typnamespace = pg_my_temp_schema()')).toEqual([{ n: 0 }]);
        await db.connection.execute('BEGIN');
        await db.connection.execute('ROLLBACK');
      } finally {
        await db.drop();
      }
    },
    DB_TIMEOUT,
  );

  test(
    'compare equal with and without the database printing them, and a real change is still one',
    async () => {
      expect(await phantomChanges('postgresql', EXPRESSIONS)).toEqual([]);
      expect(await phantomChanges('postgresql', EXPRESSIONS, { canonicalize: false })).toEqual([]);
      const db = await databaseFrom('postgresql', EXPRESSIONS);
      try {
        const changed = EXPRESSIONS.replace("slug LIKE 'a%'\", name", "slug LIKE 'b%'\", name").replace('n BETWEEN 0 AND 10', 'n BETWEEN 0 AND 11');
        const expected = ['DropCheck "c_between" on "C"', 'DropCheck "c_like" on "C"', 'AddCheck "c_like" on "C"', 'AddCheck "c_between" on "C"'];
        expect([...(await changesToReach('postgresql', db, changed))].sort()).toEqual([...expected].sort());
        expect([...(await changesToReach('postgresql', db, changed, { canonicalize: false }))].sort()).toEqual([...expected].sort());
      } finally {
        await db.drop();
      }
    },
    DB_TIMEOUT,
  );

  test(
    'a check the database refuses keeps its text, and the others are printed',
    async () => {
      const db = await databaseFrom('postgresql', EXPRESSIONS);
      try {
        const schema = schemaOf('postgresql', EXPRESSIONS).db;
        schema.tables[0]!.table.checks.push({ name: 'c_bad', expression: 'no_such_column > 0' });
        const canonical = await canonicalizeSchema(db.connection, 'postgresql', schema);
        const texts = printed(canonical.schema);
        expect(texts.c_bad).toBeUndefined();
        expect(texts.c_like).toBe("slug ~~ 'a%'::text");
        expect(texts.c_partial).toBeDefined();
      } finally {
        await db.drop();
      }
    },
    DB_TIMEOUT,
  );

  test(
    'hostile names: quotes in table, column, check, enum and value names',
    async () => {
      const body = `
enum Mo_od {
  a @map("it's \\"a\\"")
  b
  @@map("Mo\\"od")
}

model T {
  id  Int   @id
  col Int   @map("co\\"l 'x'")
  m   Mo_od
  @@check("\\"co\\"\\"l 'x'\\" >= 0 AND m <> 'it''s \\"a\\"'", name: "ch\\"k 'y'")
  @@index([id], where: "m = 'b'", map: "ix \\"z\\"")
  @@map("we\\"ird 'tbl'")
}
`;
      const db = await databaseFrom('postgresql', body);
      try {
        const canonical = await canonicalizeSchema(db.connection, 'postgresql', schemaOf('postgresql', body).db);
        expect(printed(canonical.schema)).toEqual(printedFromDatabase(await inspectDatabase(db.connection, 'postgresql')));
        expect(Object.values(printed(canonical.schema)).every((t) => t !== undefined)).toBe(true);
        expect(await changesToReach('postgresql', db, body)).toEqual([]);
      } finally {
        await db.drop();
      }
    },
    DB_TIMEOUT,
  );
});

/** The checks and predicates of an inspected database, by name, as `printed` gives the schema's. */
function printedFromDatabase(schema: DatabaseSchema): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const t of schema.tables) {
    for (const c of t.table.checks) out[c.name] = c.expression;
    for (const i of t.indexes) if (i.where !== null) out[i.name] = i.where;
  }
  return out;
}

const VIEWS = (provider: Provider, limit: string, extraColumn = '') => {
  const item = provider === 'mysql' ? 'Item' : '\\"Item\\"';
  return `
model Item {
  id    Int @id
  price Int${extraColumn}
}

view Cheap {
  id Int @unique
  @@sql("SELECT id FROM ${item} WHERE price < ${limit}")
}

view Cheapest {
  id Int @unique
  @@sql("SELECT id FROM ${provider === 'mysql' ? 'Cheap' : '\\"Cheap\\"'} WHERE id < 3")
}
`;
};

describe('view bodies', () => {
  test.each(providers)(
    'are printed exactly as introspection reads them, and nothing is left behind (%s)',
    async (provider) => {
      const body = VIEWS(provider, '10');
      const db = await databaseFrom(provider, body);
      try {
        const inspected = await inspectDatabase(db.connection, provider);
        const canonical = await canonicalizeSchema(db.connection, provider, databaseSchemaFromIr(schemaOf(provider, body).ir));
        expect(canonical.warnings).toEqual([]);
        expect(canonical.schema.views.map((v) => [v.name.name, v.printedSql])).toEqual(inspected.views.map((v) => [v.name.name, v.sql]));
        // The views of the database are the two of the schema, unchanged.
        expect((await inspectDatabase(db.connection, provider)).views).toEqual(inspected.views);
        expect(await changesToReach(provider, db, body)).toEqual([]);
        expect(await changesToReach(provider, db, VIEWS(provider, '20'))).toEqual(['DropView "Cheapest"', 'ReplaceView "Cheap"', 'CreateView "Cheapest"']);
      } finally {
        await db.drop();
      }
    },
    DB_TIMEOUT,
  );

  test.each(providers)(
    'a view that reads a column the schema adds is compared where the database can print it (%s)',
    async (provider) => {
      const db = await databaseFrom(provider, VIEWS(provider, '10'));
      try {
        const next = VIEWS(provider, '10 AND discount > 0', '\n  discount Int @default(0)');
        const schema = databaseSchemaFromIr(schemaOf(provider, next).ir);
        const canonical = await canonicalizeSchema(db.connection, provider, schema);
        if (provider === 'mysql') {
          // No temporary tables for views to read there: the view compares by name, with a warning.
          expect(canonical.warnings).toEqual([expect.stringContaining('The body of view "Cheap" is compared by name only')]);
        } else {
          expect(canonical.warnings).toEqual([]);
          expect(await changesToReach(provider, db, next)).toEqual(['DropView "Cheapest"', 'AddColumn "discount" to "Item"', 'ReplaceView "Cheap"', 'CreateView "Cheapest"']);
        }
      } finally {
        await db.drop();
      }
    },
    DB_TIMEOUT,
  );

  test.each(providers.filter((p) => p !== 'sqlite'))(
    'a view the database cannot create warns only when a view of that name exists (%s)',
    async (provider) => {
      const db = await databaseFrom(provider, VIEWS(provider, '10'));
      try {
        const schema = databaseSchemaFromIr(schemaOf(provider, VIEWS(provider, '10')).ir);
        const broken = (name: string) => ({ name: { schema: null, name }, sql: 'SELECT id FROM no_such_table', origin: { kind: 'view' as const, view: name } });
        schema.views = [broken('Cheap'), broken('Brand new')];
        const canonical = await canonicalizeSchema(db.connection, provider, schema);
        expect(canonical.warnings).toHaveLength(1);
        expect(canonical.warnings[0]).toMatch(/^The body of view "Cheap" is compared by name only: the database could not create it from its @@sql/);
        expect(canonical.schema.views.map((v) => v.printedSql)).toEqual([undefined, undefined]);
      } finally {
        await db.drop();
      }
    },
    DB_TIMEOUT,
  );
});

test('bad input: an unknown provider is a clear error', async () => {
  const schema: DatabaseSchema = { namespaces: [], enums: [], tables: [], views: [] };
  await expect(canonicalizeSchema({} as never, 'oracle' as Provider, schema)).rejects.toThrow(
    'Cannot canonicalize a schema for provider "oracle"; expected sqlite, postgresql or mysql.',
  );
});
