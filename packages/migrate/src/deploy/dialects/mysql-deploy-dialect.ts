import { createHash } from 'node:crypto';
import { MysqlDialect } from '@kiln/sql';
import type { ConnectionTarget } from '../../apply/database-url.js';
import type { DatabaseConnection } from '../../apply/executor.js';
import { openMysqlExecutor } from '../../apply/executors/mysql-executor.js';
import type { DeployDialect, LockOptions, MigrationLock } from '../deploy-dialect.js';
import { formatDuration } from '../format-duration.js';
import { MigrateError } from '../migrate-error.js';

/**
 * The name of the deploy lock of a database. GET_LOCK names are server-wide and at most 64
 * characters (https://dev.mysql.com/doc/refman/8.0/en/locking-functions.html), so the name
 * carries the database: deploys to other databases of the server do not wait.
 */
export function mysqlLockName(database: string): string {
  const plain = `kiln_migrate:${database}`;
  return plain.length <= 64 ? plain : `kiln_migrate:${createHash('sha256').update(database, 'utf8').digest('hex').slice(0, 40)}`;
}

const q = (name: string): string => new MysqlDialect().quoteIdentifier(name);

/** ER_BAD_DB_ERROR (1049): the URL names a database the server does not have. */
function isUnknownDatabase(err: unknown): boolean {
  const cause = (err as { cause?: { code?: unknown; errno?: unknown } }).cause;
  return cause?.code === 'ER_BAD_DB_ERROR' || cause?.errno === 1049;
}

/**
 * MySQL and MariaDB commit implicitly around DDL, so migrations run statement by statement.
 * Deploys exclude each other with GET_LOCK on a connection of its own; a deploy that dies
 * releases it with its connection.
 */
export class MysqlDeployDialect implements DeployDialect {
  readonly transactionalDdl = false;
  readonly foreignKeyEnforcement = null;

  async openExisting(target: ConnectionTarget): Promise<DatabaseConnection | null> {
    if (target.provider !== 'mysql') return null;
    try {
      return await openMysqlExecutor(target.url);
    } catch (err) {
      if (isUnknownDatabase(err)) return null;
      throw err;
    }
  }

  /** The database, with the server's default character set (https://dev.mysql.com/doc/refman/8.0/en/create-database.html). */
  async createIfMissing(target: ConnectionTarget): Promise<boolean> {
    if (target.provider !== 'mysql') return false;
    const existing = await this.openExisting(target);
    if (existing !== null) {
      await existing.close();
      return false;
    }
    const server = new URL(target.url.replace(/^mariadb:/i, 'mysql:'));
    server.pathname = '/';
    const connection = await openMysqlExecutor(server.toString());
    try {
      await connection.execute(`CREATE DATABASE IF NOT EXISTS ${q(target.database)}`);
      return true;
    } finally {
      await connection.close();
    }
  }

  async prepare(): Promise<void> {}

  async lock(connection: DatabaseConnection, target: ConnectionTarget, options: LockOptions): Promise<MigrationLock> {
    if (target.provider !== 'mysql') throw new Error(`A MySQL deploy cannot lock a ${target.provider} database.`);
    const [row] = await connection.query('SELECT DATABASE() AS db');
    const name = mysqlLockName(String(row?.db ?? ''));
    const lockConnection = await openMysqlExecutor(target.url);
    try {
      const [tried] = await lockConnection.query('SELECT GET_LOCK(?, 0) AS locked', [name]);
      if (Number(tried?.locked) !== 1) {
        const [holder] = await lockConnection.query('SELECT IS_USED_LOCK(?) AS id', [name]);
        options.onWait?.(holder?.id === null || holder?.id === undefined ? null : `MySQL connection ${String(holder.id)}`);
        const [waited] = await lockConnection.query('SELECT GET_LOCK(?, ?) AS locked', [name, Math.max(1, Math.ceil(options.timeoutMs / 1000))]);
        if (Number(waited?.locked) !== 1) {
          throw new MigrateError(
            'LOCK_TIMEOUT',
            `Another kiln migrate held the migration lock "${name}" for more than ${formatDuration(options.timeoutMs)}. ` +
              `If no deploy is running, find the connection holding it with: SELECT IS_USED_LOCK('${name.replaceAll("'", "''")}');`,
          );
        }
      }
    } catch (err) {
      await lockConnection.close().catch(() => undefined);
      throw err;
    }
    return {
      async release() {
        await lockConnection.query('SELECT RELEASE_LOCK(?)', [name]).catch(() => undefined);
        await lockConnection.close().catch(() => undefined);
      },
    };
  }

  async begin(): Promise<void> {
    throw new Error('MySQL migrations do not run in transactions.');
  }

  async dropEverything(connection: DatabaseConnection): Promise<number> {
    const tables = await connection.query(
      `SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()
       ORDER BY CASE TABLE_TYPE WHEN 'VIEW' THEN 0 WHEN 'SEQUENCE' THEN 2 ELSE 1 END, TABLE_NAME`,
    );
    const routines = await connection.query(
      'SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS type FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_NAME',
    );
    const events = await connection.query('SELECT EVENT_NAME AS name FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY EVENT_NAME');
    const TABLE_KEYWORDS: Record<string, string> = { VIEW: 'VIEW', SEQUENCE: 'SEQUENCE' };
    const statements = [
      ...tables.map((t) => `DROP ${TABLE_KEYWORDS[String(t.type)] ?? 'TABLE'} IF EXISTS ${q(String(t.name))}`),
      ...routines.map((r) => `DROP ${String(r.type) === 'FUNCTION' ? 'FUNCTION' : 'PROCEDURE'} IF EXISTS ${q(String(r.name))}`),
      ...events.map((e) => `DROP EVENT IF EXISTS ${q(String(e.name))}`),
    ];
    // Tables drop in any order with foreign key checks off for this session.
    await connection.execute('SET FOREIGN_KEY_CHECKS = 0');
    try {
      for (const s of statements) await connection.execute(s);
    } finally {
      await connection.execute('SET FOREIGN_KEY_CHECKS = 1');
    }
    return statements.length;
  }
}
