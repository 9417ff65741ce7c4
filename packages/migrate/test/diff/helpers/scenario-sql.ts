import type { Provider } from '@kiln/schema';
import type { DatabaseConnection } from '../../../src/index.js';

/* The SQL the scenarios run against their databases. */

export const count = async (db: DatabaseConnection, sql: string): Promise<number> => Number(Object.values((await db.query(sql))[0]!)[0]);
export const exec = async (db: DatabaseConnection, ...sql: string[]) => {
  for (const s of sql) await db.execute(s);
};
/** A statement that must fail (the database refuses the row). */
export const fails = async (db: DatabaseConnection, sql: string) => {
  const refused = await db.execute(sql).then(
    () => false,
    () => true,
  );
  if (!refused) throw new Error(`Expected the database to refuse: ${sql}`);
};

/** An identifier quoted for `provider`. */
export function q(provider: Provider, name: string): string {
  return provider === 'mysql' ? `\`${name.replaceAll('`', '``')}\`` : `"${name.replaceAll('"', '""')}"`;
}
