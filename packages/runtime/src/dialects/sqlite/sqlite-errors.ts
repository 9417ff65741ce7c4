import type { DriverErrorInfo } from '../../driver/driver-error.js';

/**
 * SQLite names the failing columns in its messages, e.g. "UNIQUE constraint failed: users.email,
 * users.tenantId"; a foreign key failure names nothing. https://www.sqlite.org/rescode.html
 */
export function classifySqliteError(error: unknown): DriverErrorInfo | null {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e?.code !== 'string' || typeof e.message !== 'string') return null;
  const columnsOf = (message: string) => {
    const list = message.split(': ')[1] ?? '';
    const parts = list.split(', ').map((p) => p.trim()).filter(Boolean);
    const table = parts[0]?.includes('.') ? parts[0].slice(0, parts[0].lastIndexOf('.')) : null;
    return { table, columns: parts.map((p) => p.slice(p.lastIndexOf('.') + 1)) };
  };
  switch (e.code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return { kind: 'unique', ...columnsOf(e.message), constraint: null };
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return { kind: 'foreignKey', table: null, columns: [], constraint: null };
    case 'SQLITE_CONSTRAINT_TRIGGER':
      // ON DELETE/UPDATE RESTRICT is enforced like a trigger and reported with this code.
      return /FOREIGN KEY/i.test(e.message) ? { kind: 'foreignKey', table: null, columns: [], constraint: null } : null;
    case 'SQLITE_CONSTRAINT_CHECK':
      // "CHECK constraint failed: product_variant_stock_non_negative"
      return { kind: 'check', constraint: e.message.split(': ')[1] ?? null };
    case 'SQLITE_CONSTRAINT_NOTNULL':
      return { kind: 'notNull', ...columnsOf(e.message) };
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return { kind: 'timeout', message: e.message };
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_NOTADB':
      return { kind: 'connection', message: e.message };
    default:
      return null;
  }
}
