import { randomBytes } from 'node:crypto';
import { DB_TIMEOUT } from '../helpers/apply-examples.js';
import { serverAvailable } from '../helpers/databases.js';
import { phantomChanges } from './helpers/round-trip.js';

/*
 * Review finding (render/sql-text.ts canonicalExpression, inspect/postgresql/postgresql-expression.ts):
 * PostgreSQL prints CHECK expressions and index predicates back in its own words, and the loose
 * comparison only sees through quotes, parentheses, casts, IN lists and quoted numbers. Common
 * expressions come back differently, so a database created from the schema never equals it:
 * `migrate status` reports drift forever and `db push` drops and re-adds the check (or rebuilds
 * the index) on every run. Issue 5: "After each step, introspection equals the IR".
 *
 *   LIKE       → `~~`            ILIKE / NOT ILIKE → `~~*` / `!~~*`
 *   `!=`       → `<>`            BETWEEN a AND b    → `(x >= a) AND (x <= b)`
 *   a timestamp literal → `'2020-01-01 00:00:00'::timestamp without time zone`
 *   an enum literal of a type in another schema → `'A'::other."Status"` (the qualified cast survives)
 */

const available = await serverAvailable('postgresql');

const model = (attribute: string) => `
model C {
  id   Int      @id
  slug String
  n    Int
  d    DateTime
  ${attribute}
}
`;

const CASES: [string, string][] = [
  ['a CHECK with LIKE', `@@check("slug LIKE 'a%'", name: "c")`],
  ['a CHECK with NOT ILIKE', `@@check("slug NOT ILIKE '%x%'", name: "c")`],
  ['a CHECK with !=', `@@check("n != 4", name: "c")`],
  ['a CHECK with BETWEEN', `@@check("n BETWEEN 0 AND 10", name: "c")`],
  ['a CHECK comparing with a timestamp literal', `@@check("d > '2020-01-01'", name: "c")`],
  ['a partial index with LIKE', `@@index([n], where: "slug LIKE 'a%'", map: "p")`],
];

(available ? describe : describe.skip)('no phantom change for common CHECK and predicate expressions (PostgreSQL)', () => {
  test.each(CASES)('%s', async (_title, attribute) => {
    expect(await phantomChanges('postgresql', model(attribute))).toEqual([]);
  }, DB_TIMEOUT);

  test('a partial index comparing an enum column of another schema with a literal', async () => {
    const other = `kiln_review_${randomBytes(4).toString('hex')}`;
    const body = `
enum Status {
  A
  B
  @@schema("${other}")
}

model Org {
  id     Int    @id
  status Status
  @@index([id], where: "status = 'A'", map: "org_a")
  @@schema("${other}")
}
`;
    expect(await phantomChanges('postgresql', body, { extra: `schemas = ["${other}"]`, namespaces: [other] })).toEqual([]);
  }, DB_TIMEOUT);
});
