import type { Provider } from '@kiln/schema';
import { lintChanges, rowCounter, type Change } from '../../src/index.js';
import { availableProviders, withTestDatabase } from '../helpers/databases.js';
import { col, name } from './builders.js';

/*
 * `rowCounter` against real tables: lintChanges stays quiet about a required column added to an
 * empty table, and turns it into an error once the table has a row. The table's name is hostile
 * (quotes, a backtick, a space, unicode) to show it is quoted.
 */

const providers = await availableProviders(['postgresql', 'sqlite', 'mysql'] as Provider[]);
const TABLE = 'Us"er `täble';

const quote = (provider: Provider, n: string) => (provider === 'mysql' ? `\`${n.replaceAll('`', '``')}\`` : `"${n.replaceAll('"', '""')}"`);

describe.each(providers)('rowCounter on %s', (provider) => {
  test('an empty table is fine, a table with rows is an error', async () => {
    await withTestDatabase(provider, async (db) => {
      await db.connection.execute(`CREATE TABLE ${quote(provider, TABLE)} (id INTEGER PRIMARY KEY)`);
      const addAge: Change = { kind: 'addColumn', table: name(TABLE), column: col('age', 'Int') };
      const rowCount = rowCounter(db.connection, provider);

      expect(await rowCount(name(TABLE))).toBe(0);
      expect(await lintChanges([addAge], { provider, rowCount })).toEqual([]);

      await db.connection.execute(`INSERT INTO ${quote(provider, TABLE)} (id) VALUES (1), (2)`);
      expect(await rowCount(name(TABLE))).toBe(2);
      const findings = await lintChanges([addAge], { provider, rowCount });
      expect(findings.map((f) => [f.code, f.severity])).toEqual([['L2001', 'error']]);
      expect(findings[0]!.message).toContain(`to table ${JSON.stringify(TABLE)} without a default fails: the table has 2 rows.`);

      // Without rowCount the same change is only a warning.
      expect((await lintChanges([addAge], { provider }))[0]!.severity).toBe('warning');
    });
  });

  test('a missing table is the database\'s error, not a silent zero', async () => {
    await withTestDatabase(provider, async (db) => {
      const rowCount = rowCounter(db.connection, provider);
      await expect(lintChanges([{ kind: 'dropColumn', table: name('missing'), column: col('x', 'Int') }], { provider, rowCount })).rejects.toThrow(/missing/);
    });
  });
});

if (providers.length === 0) test.skip('no database server is reachable', () => undefined);
