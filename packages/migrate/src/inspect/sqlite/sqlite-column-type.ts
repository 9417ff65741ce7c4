import type { ScalarType } from '@kiln/schema';
import type { ColumnType } from '../../changes/database-objects.js';

/**
 * The declared types Prisma Migrate and Kiln write for each scalar on SQLite
 * (sqlite-ddl-renderer.ts: DEFAULT_TYPES), and the other common spellings of the same thing.
 */
const NAMES: Readonly<Record<string, ScalarType>> = {
  TEXT: 'String',
  INTEGER: 'Int',
  INT: 'Int',
  BIGINT: 'BigInt',
  REAL: 'Float',
  DOUBLE: 'Float',
  'DOUBLE PRECISION': 'Float',
  FLOAT: 'Float',
  DECIMAL: 'Decimal',
  NUMERIC: 'Decimal',
  DATETIME: 'DateTime',
  DATE: 'DateTime',
  TIMESTAMP: 'DateTime',
  BOOLEAN: 'Boolean',
  BOOL: 'Boolean',
  JSONB: 'Json',
  JSON: 'Json',
  BLOB: 'Bytes',
};

/**
 * A SQLite column's type. SQLite keeps any declared type and only derives an affinity from it
 * (https://www.sqlite.org/datatype3.html#determination_of_column_affinity), so a name that is
 * not one of the above is read by those same rules: `VARCHAR(255)` and `CLOB` are text
 * (String), `UNSIGNED BIG INT` an integer. A type the rules give NUMERIC or BLOB affinity
 * without a known name stays `Unsupported("...")`.
 */
export function sqliteColumnType(declared: string): ColumnType {
  const upper = declared.trim().toUpperCase().replace(/\s+/g, ' ');
  const base = upper.replace(/\s*\(.*\)$/s, '');
  const known = Object.hasOwn(NAMES, base) ? NAMES[base] : undefined;
  const scalar: ScalarType | null =
    known ??
    (base.includes('INT')
      ? base.includes('BIG')
        ? 'BigInt'
        : 'Int'
      : /CHAR|CLOB|TEXT/.test(base)
        ? 'String'
        : /REAL|FLOA|DOUB/.test(base)
          ? 'Float'
          : null);
  if (scalar === null) return { kind: 'unsupported', sql: declared.trim(), list: false };
  return { kind: 'scalar', scalar, nativeType: null, list: false };
}
