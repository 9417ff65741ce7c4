import type { ColumnDefault, ColumnType } from '../../changes/database-objects.js';
import { defaultFromLiteral, type DefaultLiteral } from '../literal-default.js';
import { isNumberText, stripOneParens, trimNumberLiteral } from '../sql-text.js';
import { unescapeMysqlString } from './mysql-string-literal.js';

/** MySQL and MariaDB report defaults differently, though both speak the MySQL protocol. */
export type MysqlFlavor = 'mysql' | 'mariadb';

/** `CURRENT_TIMESTAMP(3)`, `current_timestamp()`, `now()`; `curdate()` and `curtime()` are now() of DATE and TIME columns. */
const NOW = /^(current_timestamp|now|localtimestamp|curdate|current_date|curtime|current_time)(\(\d*\))?$/i;

type ReadDefault = (raw: string | null, extra: string, type: ColumnType) => ColumnDefault | null;

/**
 * `COLUMN_DEFAULT` of information_schema.COLUMNS, in the forms `databaseSchemaFromIr` writes.
 *
 * MariaDB (10.2.7+) writes every default as SQL: a literal quoted (`'x'`), `NULL` for a default of
 * NULL, `current_timestamp(3)`, an expression as text
 * (https://mariadb.com/kb/en/information-schema-columns-table/).
 *
 * MySQL writes a literal default unquoted (so `x` is the string x), NULL for none, and an
 * expression default (including CURRENT_TIMESTAMP, 8.0.13+) with `DEFAULT_GENERATED` in EXTRA,
 * a string inside it with a character set introducer: `_utf8mb4\'x\'`
 * (https://dev.mysql.com/doc/refman/8.0/en/information-schema-columns-table.html).
 */
export const MYSQL_DEFAULTS: Record<MysqlFlavor, ReadDefault> = {
  mariadb: (raw, _extra, type) => {
    if (raw === null || raw === 'NULL') return null;
    const text = raw.trim();
    if (NOW.test(text)) return { kind: 'now' };
    const literal = sqlLiteral(text);
    return literal === null ? { kind: 'expression', sql: text } : defaultFromLiteral(literal, type, text);
  },
  mysql: (raw, extra, type) => {
    if (raw === null) return null;
    const text = raw.trim();
    if (/DEFAULT_GENERATED/i.test(extra)) {
      const inner = stripOneParens(text);
      if (NOW.test(inner)) return { kind: 'now' };
      // An expression default is shown with its string literals' quotes escaped.
      const literal = sqlLiteral(inner.replace(/^_\w+(?=\\?')/, '').replace(/\\'/g, "'"));
      if (literal !== null) return defaultFromLiteral(literal, type, text);
      return { kind: 'expression', sql: text.startsWith('(') ? text : `(${text})` };
    }
    // Before 8.0.13 CURRENT_TIMESTAMP had no DEFAULT_GENERATED.
    if (type.kind === 'scalar' && type.scalar === 'DateTime' && NOW.test(text)) return { kind: 'now' };
    const bit = /^b'([01]+)'$/i.exec(text);
    if (bit !== null) return defaultFromLiteral({ kind: 'number', value: String(parseInt(bit[1]!, 2)) }, type, text);
    const numeric = type.kind === 'scalar' && type.scalar !== 'String' && isNumberText(text);
    const literal: DefaultLiteral = numeric ? { kind: 'number', value: trimNumberLiteral(text) } : { kind: 'string', value: raw };
    return defaultFromLiteral(literal, type, text);
  },
};

/** A literal written as SQL: `'x'` (backslash escapes), a number, `X'..'`/`0x..` bytes, `b'..'` bits, TRUE/FALSE. */
function sqlLiteral(text: string): DefaultLiteral | null {
  const quoted = /^'((?:[^'\\]|''|\\.)*)'$/s.exec(text);
  if (quoted !== null) return { kind: 'string', value: unescapeMysqlString(quoted[1]!) };
  // MariaDB pads a DECIMAL default to the column's scale: 12.345000000000000000000000000000.
  if (isNumberText(text)) return { kind: 'number', value: trimNumberLiteral(text) };
  const hex = /^(?:x'([0-9a-f]*)'|0x([0-9a-f]+))$/i.exec(text);
  if (hex !== null) return { kind: 'bytes', hex: (hex[1] ?? hex[2]!).toLowerCase() };
  const bit = /^b'([01]+)'$/i.exec(text);
  if (bit !== null) return { kind: 'number', value: String(parseInt(bit[1]!, 2)) };
  if (/^true$/i.test(text)) return { kind: 'boolean', value: true };
  if (/^false$/i.test(text)) return { kind: 'boolean', value: false };
  return null;
}
