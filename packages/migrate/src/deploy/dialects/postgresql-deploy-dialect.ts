import { createHash } from 'node:crypto';
import { PostgresDialect } from '@kiln/sql';
import type { ConnectionTarget } from '../../apply/database-url.js';
import type { DatabaseConnection } from '../../apply/executor.js';
import { openPostgresExecutor } from '../../apply/executors/postgres-executor.js';
import type { DeployDialect, LockOptions, MigrationLock } from '../deploy-dialect.js';
import { formatDuration } from '../format-duration.js';
import { MigrateError } from '../migrate-error.js';

/** The first key of kiln's advisory lock: "kiln" in ASCII. */
export const POSTGRES_LOCK_KEY = 0x6b696c6e;

/** The second key: the schema whose history table the deploy writes, so deploys to other schemas of the database do not wait. */
export function postgresSchemaLockKey(schema: string): number {
  return createHash('sha256').update(schema, 'utf8').digest().readUInt32BE(0) & 0x7fffffff;
}

const q = (name: string): string => new PostgresDialect().quoteIdentifier(name);

/**
 * PostgreSQL runs DDL in transactions. Deploys exclude each other with a session-level advisory
 * lock, `pg_advisory_lock(key, schema key)`, held on a connection of its own
 * (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS); a deploy that
 * dies releases it with its connection.
 */
export class PostgresqlDeployDialect implements DeployDialect {
  readonly transactionalDdl = true;
  readonly foreignKeyEnforcement = null;

  async openExisting(target: ConnectionTarget): Promise<DatabaseConnection | null> {
    if (target.provider !== 'postgresql') return null;
    const connection = await openPostgresExecutor(target.url, { schema: target.schema });
    if (target.schema !== null && (await connection.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [target.schema])).length === 0) {
      await connection.close();
      return null;
    }
    return connection;
  }

  async createIfMissing(target: ConnectionTarget): Promise<boolean> {
    if (target.provider !== 'postgresql' || target.schema === null) return false;
    const connection = await openPostgresExecutor(target.url);
    try {
      if ((await connection.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [target.schema])).length > 0) return false;
      await connection.execute(`CREATE SCHEMA IF NOT EXISTS ${q(target.schema)}`);
      return true;
    } finally {
      await connection.close();
    }
  }

  async prepare(connection: DatabaseConnection, target: ConnectionTarget): Promise<void> {
    // Prisma's ?schema= names a schema that migrations create their tables in; create it.
    if (target.provider === 'postgresql' && target.schema !== null) await connection.execute(`CREATE SCHEMA IF NOT EXISTS ${q(target.schema)}`);
    // A deploy killed mid-statement leaves its backend running the statement until it next
    // writes to the socket; PostgreSQL 14+ can notice the lost client sooner and roll back
    // (https://www.postgresql.org/docs/current/runtime-config-connection.html#GUC-CLIENT-CONNECTION-CHECK-INTERVAL).
    await connection.execute("SET client_connection_check_interval = '1s'").catch(() => undefined);
  }

  async lock(connection: DatabaseConnection, target: ConnectionTarget, options: LockOptions): Promise<MigrationLock> {
    if (target.provider !== 'postgresql') throw new Error(`A PostgreSQL deploy cannot lock a ${target.provider} database.`);
    const [row] = await connection.query('SELECT current_schema() AS "schema"');
    const keys = [POSTGRES_LOCK_KEY, postgresSchemaLockKey(String(row?.schema ?? ''))];
    const lockConnection = await openPostgresExecutor(target.url);
    try {
      const [tried] = await lockConnection.query('SELECT pg_try_advisory_lock($1, $2) AS "locked"', keys);
      if (tried?.locked !== true) {
        const holders = await lockConnection.query(
          `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid::bigint = $1 AND objid::bigint = $2 AND objsubid = 2`,
          keys,
        );
        options.onWait?.(holders.length > 0 ? `PostgreSQL backend ${String(holders[0]!.pid)}` : null);
        await lockConnection.execute(`SET lock_timeout = ${Math.max(1, Math.floor(options.timeoutMs))}`);
        try {
          await lockConnection.query('SELECT pg_advisory_lock($1, $2)', keys);
        } catch (err) {
          if ((err as { code?: unknown }).code !== '55P03') throw err;
          throw new MigrateError(
            'LOCK_TIMEOUT',
            `Another kiln migrate held the migration lock on this schema for more than ${formatDuration(options.timeoutMs)}. ` +
              `If no deploy is running, find the session holding it with: SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = ${keys[0]} AND objid = ${keys[1]};`,
            err,
          );
        }
      }
    } catch (err) {
      await lockConnection.close().catch(() => undefined);
      throw err;
    }
    return {
      async release() {
        await lockConnection.query('SELECT pg_advisory_unlock($1, $2)', keys).catch(() => undefined);
        await lockConnection.close().catch(() => undefined);
      },
    };
  }

  async begin(connection: DatabaseConnection): Promise<void> {
    await connection.execute('BEGIN');
  }

  async dropEverything(connection: DatabaseConnection, namespaces: readonly string[]): Promise<number> {
    const [row] = await connection.query('SELECT current_schema() AS "schema"');
    const schemas = [...new Set([...(row?.schema ? [String(row.schema)] : []), ...namespaces])];
    // Objects that belong to an extension (pgcrypto's functions, say) go with the extension, never alone.
    const notExtension = (catalog: string, oid: string) =>
      `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
    const relations = await connection.query(
      `SELECT n.nspname AS "schema", c.relname AS "name", c.relkind AS "kind" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('v', 'm', 'r', 'p', 'f', 'S') AND ${notExtension('pg_class', 'c.oid')}
       ORDER BY CASE c.relkind WHEN 'v' THEN 0 WHEN 'm' THEN 1 WHEN 'S' THEN 3 ELSE 2 END, c.relname`,
      [schemas],
    );
    const types = await connection.query(
      `SELECT n.nspname AS "schema", t.typname AS "name", t.typtype AS "kind" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = ANY($1::text[]) AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
         AND ${notExtension('pg_type', 't.oid')} ORDER BY t.typname`,
      [schemas],
    );
    const routines = await connection.query(
      `SELECT n.nspname AS "schema", p.proname AS "name", pg_get_function_identity_arguments(p.oid) AS "args" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = ANY($1::text[]) AND ${notExtension('pg_proc', 'p.oid')} ORDER BY p.proname`,
      [schemas],
    );
    const RELATION_KEYWORDS: Record<string, string> = { v: 'VIEW', m: 'MATERIALIZED VIEW', r: 'TABLE', p: 'TABLE', f: 'FOREIGN TABLE', S: 'SEQUENCE' };
    const name = (r: Record<string, unknown>) => `${q(String(r.schema))}.${q(String(r.name))}`;
    const statements = [
      ...relations.map((r) => `DROP ${RELATION_KEYWORDS[String(r.kind)]} IF EXISTS ${name(r)} CASCADE`),
      ...types.map((t) => `DROP ${t.kind === 'd' ? 'DOMAIN' : 'TYPE'} IF EXISTS ${name(t)} CASCADE`),
      // The argument list comes from pg_get_function_identity_arguments: SQL the server wrote.
      ...routines.map((r) => `DROP ROUTINE IF EXISTS ${name(r)}(${String(r.args)}) CASCADE`),
    ];
    await connection.execute('BEGIN');
    try {
      for (const s of statements) await connection.execute(s);
      await connection.execute('COMMIT');
    } catch (err) {
      await connection.execute('ROLLBACK').catch(() => undefined);
      throw err;
    }
    return statements.length;
  }
}
