import { PostgresDialect } from '@kiln/sql';
import { DatabaseConnectionError, errorMessage, importDriver } from '../connection-errors.js';
import type { DatabaseConnection, Executor, TransactionalExecutor } from '../executor.js';
import { describeServer } from '../database-url.js';

/** The part of a pg `Client` the adapter uses. */
export interface PostgresClientLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}

export type PostgresConnection = DatabaseConnection & TransactionalExecutor;

/**
 * An executor over a connected pg client. PostgreSQL DDL is transactional, so the plan runs in
 * one transaction (https://wiki.postgresql.org/wiki/Transactional_DDL_in_PostgreSQL:_A_Competitive_Analysis).
 * `query` takes PostgreSQL's `$1` placeholders.
 */
export function postgresExecutor(client: PostgresClientLike): PostgresConnection {
  const execute = async (sql: string): Promise<void> => {
    await client.query(sql);
  };
  return {
    execute,
    async query(sql, params = []) {
      return (await client.query(sql, [...params])).rows as Record<string, unknown>[];
    },
    async transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
      await client.query('BEGIN');
      try {
        const result = await work({ execute });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
    async close() {
      await client.end();
    },
  };
}

export interface PostgresOpenOptions {
  /** Sets `search_path` to this schema, so unqualified names are created in it. */
  schema?: string | null;
  /** Default 10 s. */
  connectTimeoutMs?: number;
}

/** Connects to `url` (`postgresql://user:password@host:port/database`) with pg. */
export async function openPostgresExecutor(url: string, options: PostgresOpenOptions = {}): Promise<PostgresConnection> {
  const { default: pg } = await importDriver(() => import('pg'), 'pg', 'PostgreSQL');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
  // An idle connection that drops emits 'error'; without a listener that would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new DatabaseConnectionError(`Could not connect to PostgreSQL at ${describeServer(url)}: ${errorMessage(err)}`, err);
  }
  if (options.schema) await client.query(`SET search_path TO ${new PostgresDialect().quoteIdentifier(options.schema)}`);
  return postgresExecutor(client);
}
