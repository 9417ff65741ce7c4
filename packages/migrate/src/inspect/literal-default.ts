import type { ColumnDefault, ColumnType } from '../changes/database-objects.js';
import { isNumberText } from './sql-text.js';

/** A literal read back from a catalog's default, before the column type says what it means. */
export type DefaultLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'bytes'; hex: string };

const NUMERIC = new Set(['Int', 'BigInt', 'Float', 'Decimal']);

/**
 * The ColumnDefault a literal stands for in a column of `type`, in the forms
 * `databaseSchemaFromIr` writes: DateTime literals as UTC instants, Json as its text, Bytes as
 * hex, numbers as the catalog writes them, an enum's value as a string. `sql` is the default as the
 * catalog spells it, kept as an expression when the literal does not fit the type.
 */
export function defaultFromLiteral(literal: DefaultLiteral, type: ColumnType, sql: string): ColumnDefault {
  const scalar = type.kind === 'scalar' ? type.scalar : null;
  switch (literal.kind) {
    case 'string': {
      if (scalar === 'DateTime') {
        const iso = instant(literal.value);
        return iso === null ? { kind: 'expression', sql } : { kind: 'dateTime', value: iso };
      }
      if (scalar === 'Json') return { kind: 'json', value: literal.value };
      if (scalar === 'Boolean') {
        const b = booleanText(literal.value);
        return b === null ? { kind: 'expression', sql } : { kind: 'boolean', value: b };
      }
      if (scalar !== null && NUMERIC.has(scalar)) {
        return isNumberText(literal.value) ? { kind: 'number', value: literal.value.trim().replace(/^\+/, '') } : { kind: 'expression', sql };
      }
      if (scalar === 'Bytes') return { kind: 'bytes', hex: Buffer.from(literal.value, 'utf8').toString('hex') };
      return { kind: 'string', value: literal.value };
    }
    case 'number':
      if (scalar === 'Boolean' && (literal.value === '0' || literal.value === '1')) return { kind: 'boolean', value: literal.value === '1' };
      if (scalar === 'String' || type.kind === 'enum') return { kind: 'string', value: literal.value };
      return { kind: 'number', value: literal.value.trim().replace(/^\+/, '') };
    case 'boolean':
      return scalar === 'Boolean' ? { kind: 'boolean', value: literal.value } : { kind: 'expression', sql };
    case 'bytes':
      return scalar === 'Bytes' ? { kind: 'bytes', hex: literal.hex.toLowerCase() } : { kind: 'expression', sql };
  }
}

function booleanText(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'true' || t === 't' || t === '1') return true;
  if (t === 'false' || t === 'f' || t === '0') return false;
  return null;
}

/**
 * A timestamp literal as an ISO-8601 UTC instant. A literal without a zone (`2024-03-01
 * 12:34:56.789`, what MySQL and a PostgreSQL `timestamp` keep) is read as UTC, the zone Kiln
 * writes DateTime values in.
 */
function instant(text: string): string | null {
  let t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
  t = t.replace(' ', 'T');
  // PostgreSQL spells zones `+00`, `+02:00` or `+0530`; Date.parse wants `+00:00`.
  t = t.replace(/(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2}):?(\d{2})?$/, (_m, time: string, h: string, m: string | undefined) => `${time}${h}:${m ?? '00'}`);
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/i.test(t);
  const withTime = t.includes('T') ? t : `${t}T00:00:00`;
  const ms = Date.parse(hasZone ? withTime : `${withTime}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
