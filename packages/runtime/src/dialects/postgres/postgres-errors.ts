import type { DriverErrorInfo } from '../../driver/driver-error.js';

/** The fields of pg's DatabaseError that classification reads. */
interface PgError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
}

/**
 * PostgreSQL reports SQLSTATE codes with the table, the constraint and, in `detail`, the key's
 * columns: `Key (email)=(a@b.c) already exists.`, `Key ("tenantId", slug)=(1, x) ...`.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export function classifyPostgresError(error: unknown): DriverErrorInfo | null {
  const e = error as PgError;
  if (e === null || typeof e !== 'object') return null;
  if (typeof e.code !== 'string') {
    // pg and pg-pool raise these without a code.
    const message = typeof e.message === 'string' ? e.message : '';
    if (/timeout exceeded when trying to connect/i.test(message)) return { kind: 'timeout', message: `No free connection in the pool in time: ${message}` };
    // An open connection that ended under a statement, or one used after it ended.
    if (/^Connection terminated unexpectedly|Client has encountered a connection error|Client was closed and is not queryable/i.test(message)) return { kind: 'closed', message };
    if (/Connection terminated/i.test(message)) return { kind: 'connection', message };
    return null;
  }
  const table = typeof e.table === 'string' ? e.table : null;
  const constraint = typeof e.constraint === 'string' ? e.constraint : null;
  switch (e.code) {
    case '23505': // unique_violation
      return { kind: 'unique', table, columns: keyColumns(e.detail), constraint };
    case '23503': {
      // foreign_key_violation. "is still referenced from table" is the parent side (a delete or
      // key update of the referenced row): its key columns are the parent's, not the foreign key's.
      const referenced = typeof e.detail === 'string' && e.detail.includes('is still referenced');
      return { kind: 'foreignKey', table, columns: referenced ? [] : keyColumns(e.detail), constraint };
    }
    case '23514': // check_violation
      return { kind: 'check', constraint };
    case '23502': // not_null_violation
      return { kind: 'notNull', table, columns: typeof e.column === 'string' ? [e.column] : [] };
    case '57014': // query_canceled (statement_timeout)
    case '55P03': // lock_not_available (lock_timeout, NOWAIT)
      return { kind: 'timeout', message: String(e.message) };
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return { kind: 'writeConflict', message: String(e.message) };
    case '57P01': // admin_shutdown: pg_terminate_backend, or the server shutting down
    case '57P02': // crash_shutdown
      return { kind: 'closed', message: String(e.message) };
    case '57P03': // cannot_connect_now
    case '28000': // invalid_authorization_specification
    case '28P01': // invalid_password
    case '3D000': // invalid_catalog_name (no such database)
      return { kind: 'connection', message: String(e.message) };
    default:
      // Class 08: connection exceptions; Node's socket errors (ECONNREFUSED, ENOTFOUND...), of
      // which a reset or broken pipe means an open connection was lost.
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return { kind: 'closed', message: String(e.message) };
      if (e.code.startsWith('08') || /^E[A-Z]+$/.test(e.code)) return { kind: 'connection', message: String(e.message) };
      return null;
  }
}

/** `Key (a, "b c")=(...)` → ['a', 'b c']. */
function keyColumns(detail: unknown): string[] {
  if (typeof detail !== 'string') return [];
  const m = /^Key \((.*?)\)=\(/.exec(detail);
  if (!m) return [];
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,]+?))\s*(?:,|$)/g;
  let part: RegExpExecArray | null;
  while ((part = re.exec(m[1]!)) !== null && part[0] !== '') out.push(part[1] !== undefined ? part[1].replace(/""/g, '"') : part[2]!);
  return out;
}
