// What a contender asks of PostgreSQL for one call: every statement it sends (captured at pg's
// Client.query, which every contender here goes through: raw's and Kysely's and Drizzle's pools,
// and Kiln's driver, load the same pg module), then each statement re-run under
// EXPLAIN (ANALYZE) on the harness's connection to count how often, and how many rows, each
// table was read. It shows where a contender does work for rows it does not return, such as
// relation subqueries for the rows an OFFSET skips. Not timed.
// https://www.postgresql.org/docs/current/sql-explain.html

import pg from 'pg';

const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET\b)/i;

/** Runs `call()` and returns the statements it sent: [{ text, values }]. */
export async function captureStatements(call) {
  const seen = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : Array.isArray(config?.values) ? config.values : [];
    if (typeof text === 'string' && !CONTROL.test(text)) seen.push({ text, values: params });
    return original.call(this, config, values, callback);
  };
  try {
    await call();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

/**
 * Per table (by name, aliases folded), the scans (plan nodes' actual loops) and the rows they
 * returned, summed over the statements, plus how many statements there were. Runs each statement
 * in a transaction that is rolled back, so writes leave nothing behind.
 */
export async function explainStatements(url, statements) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = {};
  try {
    for (const s of statements) {
      await client.query('BEGIN');
      try {
        const result = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`, s.values);
        walk(result.rows[0]['QUERY PLAN'][0].Plan, tables);
      } finally {
        await client.query('ROLLBACK');
      }
    }
  } finally {
    await client.end();
  }
  return { statements: statements.length, tables };
}

function walk(node, tables) {
  const name = node['Relation Name'];
  if (name) {
    const t = (tables[name] ??= { scans: 0, rows: 0 });
    const loops = node['Actual Loops'] ?? 0;
    t.scans += loops;
    t.rows += (node['Actual Rows'] ?? 0) * loops;
  }
  for (const child of node.Plans ?? []) walk(child, tables);
}
