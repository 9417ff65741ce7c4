import { seedBlog } from './blog-schema.js';
import { openTarget, TARGETS, type SqlTestClient, type Statement, type Target, type TargetName } from './targets.js';

/**
 * Every statement a call sends, per dialect, in order. `mariadb` is given where MariaDB 10.11
 * sends something else than MySQL 8.0 (its INSERT/DELETE ... RETURNING); when it is left out,
 * MariaDB must send exactly what `mysql` says. Every target is always run: none is skipped.
 */
export interface ExpectedSql {
  sqlite: Statement[];
  postgresql: Statement[];
  mysql: Statement[];
  mariadb?: Statement[];
}

export interface SqlCase<T> {
  /** The client call. */
  run: (db: SqlTestClient) => PromiseLike<T>;
  sql: ExpectedSql;
  /** What the call returns, the same on every database... */
  result?: unknown;
  /** ...except on these. */
  resultOn?: Partial<Record<TargetName, unknown>>;
  /** Start from the seed alone (a write case): the tables are emptied, ids restart at 1. */
  reset?: boolean;
}

/** A statement as the expectations write it: `q('SELECT ... = ?', [1])`. */
export function q(sql: string, params: unknown[] = []): Statement {
  return { sql, params };
}

/**
 * Opens the four targets for this test file (fresh databases with the blog schema and its
 * seed) and returns `testSql`, which registers one test per target for a case: the call's
 * statements must equal the expected ones exactly, and its result the expected result.
 */
export function sqlTargets(): { testSql: <T>(title: string, c: SqlCase<T>) => void } {
  const targets = new Map<TargetName, Target>();
  beforeAll(async () => {
    for (const name of TARGETS) targets.set(name, await openTarget(name, seedBlog));
  });
  afterAll(async () => {
    for (const t of targets.values()) await t.close();
  });
  const target = (name: TargetName): Target => {
    const t = targets.get(name);
    if (!t) throw new Error(`the ${name} database was not opened (see the error of beforeAll)`);
    return t;
  };
  return {
    testSql(title, c) {
      describe(title, () => {
        it.each(TARGETS)('%s', async (name) => {
          const t = target(name);
          if (c.reset) await t.reset();
          const { statements, result } = await t.capture(c.run);
          const expected = (name === 'mariadb' ? c.sql.mariadb : undefined) ?? c.sql[name === 'mariadb' ? 'mysql' : name];
          if (process.env.KILN_PRINT_SQL) printStatements(title, name, statements, result);
          expect(statements).toEqual(expected);
          if (c.resultOn && name in c.resultOn) expect(result).toEqual(c.resultOn[name]);
          else if ('result' in c) expect(result).toEqual(c.result);
        });
      });
    },
  };
}

/**
 * `KILN_PRINT_SQL=1`: each target's statements as `q(...)` lines and its result, to write the
 * expectations of a new case (read them before pasting: the point is that someone checked them).
 */
function printStatements(title: string, target: TargetName, statements: Statement[], result: unknown): void {
  const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
  const lines = statements.map((s) => `q(${JSON.stringify(s.sql)}${s.params.length ? `, ${json(s.params)}` : ''}),`);
  process.stdout.write(`### ${title} [${target}]\n${lines.join('\n')}\nresult: ${json(result)}\n`);
}
