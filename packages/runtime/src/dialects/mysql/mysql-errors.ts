import type { DriverErrorInfo } from '../../driver/driver-error.js';

/** The fields of a mysql2 error that classification reads. */
interface MysqlError {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  sqlMessage?: unknown;
}

/**
 * MySQL and MariaDB error numbers, with names read from the message text:
 * `Duplicate entry 'a' for key 'User_email_key'` (MySQL 8.0.19+: `'User.User_email_key'`),
 * `... a foreign key constraint fails (`db`.`Post`, CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES ...)`,
 * `Column 'name' cannot be null`.
 * https://dev.mysql.com/doc/mysql-errors/8.0/en/server-error-reference.html
 */
export function classifyMysqlError(error: unknown): DriverErrorInfo | null {
  const e = error as MysqlError;
  if (e === null || typeof e !== 'object') return null;
  const message = typeof e.sqlMessage === 'string' ? e.sqlMessage : typeof e.message === 'string' ? e.message : '';
  switch (typeof e.errno === 'number' ? e.errno : -1) {
    case 1062: // ER_DUP_ENTRY
    case 1586: {
      // ER_DUP_ENTRY_WITH_KEY_NAME
      const key = /for key '(.*)'$/.exec(message)?.[1] ?? null;
      if (key === null) return { kind: 'unique', table: null, columns: [], constraint: null };
      const dot = key.indexOf('.');
      const table = dot > 0 ? key.slice(0, dot) : null;
      const name = dot > 0 ? key.slice(dot + 1) : key;
      return { kind: 'unique', table, columns: [], constraint: name, ...(name === 'PRIMARY' ? { primaryKey: true } : {}) };
    }
    case 1451: // ER_ROW_IS_REFERENCED_2: deleting or re-keying a referenced row
    case 1217: {
      const fk = foreignKeyParts(message);
      // The key columns named are the child's; the call was on the parent.
      return { kind: 'foreignKey', table: fk.table, columns: [], constraint: fk.constraint };
    }
    case 1452: // ER_NO_REFERENCED_ROW_2: the child's key points nowhere
    case 1216: {
      const fk = foreignKeyParts(message);
      return { kind: 'foreignKey', table: fk.table, columns: fk.columns, constraint: fk.constraint };
    }
    case 1048: // ER_BAD_NULL_ERROR: Column 'x' cannot be null
    case 1364: {
      // ER_NO_DEFAULT_FOR_FIELD: Field 'x' doesn't have a default value
      const column = /^(?:Column|Field) '(.*?)' /.exec(message)?.[1];
      return { kind: 'notNull', table: null, columns: column ? [column] : [] };
    }
    case 3819: // MySQL ER_CHECK_CONSTRAINT_VIOLATED: Check constraint 'x' is violated.
    case 4025: // MariaDB ER_CONSTRAINT_FAILED: CONSTRAINT `x` failed for `db`.`t`
      return { kind: 'check', constraint: /(?:constraint|CONSTRAINT) [`']((?:[^`']|``)*)[`']/.exec(message)?.[1] ?? null };
    case 1213: // ER_LOCK_DEADLOCK: the server rolled the whole transaction back
      return { kind: 'writeConflict', message };
    // ER_LOCK_WAIT_TIMEOUT rolls back the statement only (the transaction stays open), and is a
    // wait that ran out rather than a conflict: a timeout, as PostgreSQL's lock_timeout.
    // https://dev.mysql.com/doc/refman/8.0/en/innodb-error-handling.html
    case 1205: // ER_LOCK_WAIT_TIMEOUT
    case 3024: // ER_QUERY_TIMEOUT (max_execution_time)
    case 1969: // MariaDB ER_STATEMENT_TIMEOUT (max_statement_time)
      return { kind: 'timeout', message };
    case 1040: // ER_CON_COUNT_ERROR
    case 1045: // ER_ACCESS_DENIED_ERROR
    case 1049: // ER_BAD_DB_ERROR
    case 2002: // CR_CONNECTION_ERROR
    case 2003: // CR_CONN_HOST_ERROR
      return { kind: 'connection', message };
    case 1927: // MariaDB ER_CONNECTION_KILLED
    case 2006: // CR_SERVER_GONE_ERROR
    case 2013: // CR_SERVER_LOST
    case 4031: // MySQL ER_CLIENT_INTERACTION_TIMEOUT: closed for inactivity
      return { kind: 'closed', message };
    default:
      break;
  }
  if (typeof e.code === 'string') {
    // mysql2's own: the server closed the socket under a command; a reset or broken pipe.
    if (e.code === 'PROTOCOL_CONNECTION_LOST' || e.code === 'ECONNRESET' || e.code === 'EPIPE') return { kind: 'closed', message: message || e.code };
    if (e.code === 'PROTOCOL_SEQUENCE_TIMEOUT' || /^E[A-Z]+$/.test(e.code)) {
      return e.code === 'ETIMEDOUT' ? { kind: 'connection', message: message || 'connection timed out' } : { kind: 'connection', message: message || e.code };
    }
    if (e.code === 'POOL_ENQUEUELIMIT' || e.code === 'POOL_CLOSED') return { kind: 'connection', message };
  }
  // mysql2 raises this without a code for a command on a connection that already ended.
  if (/^Can't add new command when connection is in closed state/.test(message)) return { kind: 'closed', message };
  return null;
}

/** `(`db`.`Post`, CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`, `x`) REFERENCES ...` */
function foreignKeyParts(message: string): { table: string | null; constraint: string | null; columns: string[] } {
  const m = /\((?:`(?:[^`]|``)*`\.)?`((?:[^`]|``)*)`, CONSTRAINT `((?:[^`]|``)*)` FOREIGN KEY \(([^)]*)\)/.exec(message);
  if (!m) return { table: null, constraint: null, columns: [] };
  const columns = [...m[3]!.matchAll(/`((?:[^`]|``)*)`/g)].map((c) => c[1]!.replace(/``/g, '`'));
  return { table: m[1]!.replace(/``/g, '`'), constraint: m[2]!.replace(/``/g, '`'), columns };
}
