import { SCALAR_TYPES, type ScalarType } from '@kiln/schema';
import type { Column, ColumnDefault } from '../changes/database-objects.js';
import type { PulledEnum } from './pull-enums.js';
import { schemaString } from './schema-literals.js';

/** Defaults the analyzer accepts for a scalar (packages/schema/src/analyze/defaults.ts). */
const FITS: Record<ScalarType, (d: ColumnDefault) => boolean> = {
  String: (d) => d.kind === 'string',
  Boolean: (d) => d.kind === 'boolean',
  Int: (d) => d.kind === 'number' && /^-?\d+$/.test(d.value),
  BigInt: (d) => d.kind === 'number' && /^-?\d+$/.test(d.value),
  Float: (d) => d.kind === 'number' && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(d.value),
  Decimal: (d) => d.kind === 'number' && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(d.value),
  DateTime: (d) => d.kind === 'now' || (d.kind === 'dateTime' && !Number.isNaN(Date.parse(d.value))),
  Json: (d) => d.kind === 'json' && isJson(d.value),
  Bytes: (d) => d.kind === 'bytes' && /^([0-9a-f]{2})*$/i.test(d.hex),
};

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The `@default(...)` of a column, or null. A default the field's type cannot spell as a
 * literal (an expression, a value of another kind) is written as `dbgenerated("...")` with
 * the SQL that makes it, so nothing the database does is lost. `warn` hears about defaults
 * that cannot be written at all (an expression default of a list).
 */
export function defaultAttribute(column: Column, enumType: PulledEnum | undefined, warn: (message: string) => void): string | null {
  if (column.autoincrement) return '@default(autoincrement())';
  const d = column.default;
  if (d === null) return null;
  const value = defaultValue(d, column, enumType);
  if (value !== null) return `@default(${value})`;
  if (column.type.list) {
    warn(`the default of list column ${JSON.stringify(column.name)} (${JSON.stringify(sqlOf(d))}) cannot be written in a schema and is left out`);
    return null;
  }
  return `@default(dbgenerated(${schemaString(sqlOf(d))}))`;
}

function defaultValue(d: ColumnDefault, column: Column, enumType: PulledEnum | undefined): string | null {
  const t = column.type;
  if (t.kind === 'unsupported') return null;
  if (d.kind === 'list') {
    if (!t.list) return null;
    const items = d.values.map((v) => defaultValue(v, { ...column, type: { ...t, list: false } as Column['type'] }, enumType));
    return items.every((i): i is string => i !== null) ? `[${items.join(', ')}]` : null;
  }
  if (t.list) return null;
  if (t.kind === 'enum') {
    if (d.kind !== 'string') return null;
    return enumType?.members.find((m) => m.value === d.value)?.name ?? null;
  }
  if (!(SCALAR_TYPES as readonly string[]).includes(t.scalar) || !FITS[t.scalar](d)) return null;
  switch (d.kind) {
    case 'string':
      return schemaString(d.value);
    case 'number':
      return d.value;
    case 'boolean':
      return String(d.value);
    case 'dateTime':
      return schemaString(d.value);
    case 'json':
      return schemaString(d.value);
    case 'bytes':
      return schemaString(Buffer.from(d.hex, 'hex').toString('base64'));
    case 'now':
      return 'now()';
    case 'expression':
      return null;
  }
}

/** The SQL of a default, for dbgenerated(): literals in standard SQL. */
function sqlOf(d: ColumnDefault): string {
  switch (d.kind) {
    case 'string':
    case 'json':
    case 'dateTime':
      return `'${d.value.replaceAll("'", "''")}'`;
    case 'number':
      return d.value;
    case 'boolean':
      return d.value ? 'true' : 'false';
    case 'bytes':
      return `X'${d.hex}'`;
    case 'now':
      return 'CURRENT_TIMESTAMP';
    case 'list':
      return `ARRAY[${d.values.map(sqlOf).join(', ')}]`;
    case 'expression':
      return d.sql;
  }
}
