import type { ColumnDefault, ColumnType } from '../../changes/database-objects.js';
import { defaultFromLiteral } from '../literal-default.js';
import { isNumberText, stripOuterParens, unquoteStandardString } from '../sql-text.js';

/**
 * `now()` as the SQLite renderer writes it (ISO-8601 text, like the client's), and the
 * CURRENT_TIMESTAMP Prisma Migrate writes (https://www.sqlite.org/lang_createtable.html#dfltval).
 */
const NOW = [/^strftime\('%Y-%m-%dT%H:%M:%fZ',\s*'now'\)$/i, /^CURRENT_TIMESTAMP$/i];

/**
 * A DEFAULT clause as written in CREATE TABLE, in the forms `databaseSchemaFromIr` writes: a
 * quoted string, a signed number, TRUE/FALSE, `X'..'`, now(), or an expression kept exactly as
 * written (with its parentheses, which SQLite requires around one).
 */
export function sqliteDefault(sql: string | null, type: ColumnType): ColumnDefault | null {
  if (sql === null) return null;
  const text = sql.trim();
  if (/^NULL$/i.test(text)) return null;
  const inner = stripOuterParens(text);
  if (NOW.some((p) => p.test(inner))) return { kind: 'now' };
  const string = unquoteStandardString(text);
  if (string !== null) return defaultFromLiteral({ kind: 'string', value: string }, type, text);
  if (isNumberText(text)) return defaultFromLiteral({ kind: 'number', value: text }, type, text);
  if (/^true$/i.test(text)) return defaultFromLiteral({ kind: 'boolean', value: true }, type, text);
  if (/^false$/i.test(text)) return defaultFromLiteral({ kind: 'boolean', value: false }, type, text);
  const blob = /^x'([0-9a-f]*)'$/i.exec(text);
  if (blob !== null) return defaultFromLiteral({ kind: 'bytes', hex: blob[1]! }, type, text);
  return { kind: 'expression', sql: text };
}
