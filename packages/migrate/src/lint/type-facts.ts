import type { QualifiedName } from '../changes/database-objects.js';

/**
 * What a database column can hold, as the linter compares two types: the kind of value
 * (`family`) and how much of it fits. Each dialect's `LintDialect.typeFacts` builds these from a
 * `ColumnType` the way its DDL renderer spells the column (PostgreSQL `TEXT` for String, MySQL
 * `VARCHAR(191)`), so "String to @db.VarChar(100)" is a narrowing on MySQL and a change from TEXT
 * on PostgreSQL.
 */
export type TypeShape =
  /** `length` in characters; `null`: unbounded. MySQL's TEXT types count bytes: 4 per character (utf8mb4). */
  | { family: 'text'; length: number | null; fixed: boolean }
  | { family: 'integer'; bits: 8 | 16 | 24 | 32 | 64; unsigned: boolean }
  /** `precision` null: unbounded (PostgreSQL `numeric` without arguments, SQLite's NUMERIC affinity). */
  | { family: 'decimal'; precision: number | null; scale: number | null }
  | { family: 'float'; bits: 32 | 64 }
  | { family: 'boolean' }
  /**
   * `precision`: fractional-second digits. `years`: the range of years it accepts when it is
   * narrower than any date an application writes (MySQL TIMESTAMP: 1970–2038).
   */
  | { family: 'temporal'; unit: 'dateTime' | 'date' | 'time' | 'year'; zone: boolean; precision: number; years: readonly [number, number] | null }
  | { family: 'json' }
  | { family: 'bytes'; length: number | null; fixed: boolean }
  | { family: 'uuid' }
  | { family: 'bits'; length: number | null; varying: boolean }
  /** The stored values, as the column type carries them (named type on PostgreSQL, ENUM(...) on MySQL, a CHECK on SQLite). */
  | { family: 'enum'; name: QualifiedName; values: readonly string[] }
  /** A type the linter does not model (`Unsupported("...")`, xml, inet, money, citext): compared by name only. */
  | { family: 'other' };

export type TypeFamily = TypeShape['family'];

export type TypeFacts = TypeShape & {
  /** The type as the dialect spells it (`VARCHAR(191)`, `TIMESTAMP(3)`, `"Role"[]`), for messages. */
  sql: string;
  list: boolean;
};

/** Whether two columns have the same database type (nothing to convert). */
export function sameType(a: TypeFacts, b: TypeFacts): boolean {
  if (a.list !== b.list) return false;
  if (a.family === 'enum' && b.family === 'enum') {
    return sameName(a.name, b.name) && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
  }
  return normalizeSql(a.sql) === normalizeSql(b.sql);
}

export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.name === b.name && a.schema === b.schema;
}

/** `varchar( 10 )` and `VARCHAR(10)` are the same type. */
function normalizeSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1').trim().toUpperCase();
}

/** A native type's numeric argument, or `fallback` when it is absent or not a number (the renderer rejects those). */
export function numericArg(args: readonly string[], index: number, fallback: number): number;
export function numericArg(args: readonly string[], index: number, fallback: null): number | null;
export function numericArg(args: readonly string[], index: number, fallback: number | null): number | null {
  const a = args[index]?.trim();
  return a !== undefined && /^\d+$/.test(a) ? Number(a) : fallback;
}

/** `VARCHAR(10)`, `DECIMAL(65,30)`: how the renderers write a type with its arguments. */
export function spell(name: string, args: readonly string[], separator = ','): string {
  return args.length === 0 ? name : `${name}(${args.map((a) => a.trim()).join(separator)})`;
}

type Spelled<F extends TypeFamily> = Extract<TypeShape, { family: F }> & { sql: string };

/** Builders for the dialects' type tables. */
export const shapes = {
  text: (sql: string, length: number | null, fixed = false): Spelled<'text'> => ({ sql, family: 'text', length, fixed }),
  integer: (sql: string, bits: 8 | 16 | 24 | 32 | 64, unsigned = false): Spelled<'integer'> => ({ sql, family: 'integer', bits, unsigned }),
  decimal: (sql: string, precision: number | null, scale: number | null): Spelled<'decimal'> => ({ sql, family: 'decimal', precision, scale }),
  float: (sql: string, bits: 32 | 64): Spelled<'float'> => ({ sql, family: 'float', bits }),
  boolean: (sql: string): Spelled<'boolean'> => ({ sql, family: 'boolean' }),
  temporal: (
    sql: string,
    unit: 'dateTime' | 'date' | 'time' | 'year',
    precision: number,
    options: { zone?: boolean; years?: readonly [number, number] } = {},
  ): Spelled<'temporal'> => ({ sql, family: 'temporal', unit, precision, zone: options.zone ?? false, years: options.years ?? null }),
  json: (sql: string): Spelled<'json'> => ({ sql, family: 'json' }),
  bytes: (sql: string, length: number | null, fixed = false): Spelled<'bytes'> => ({ sql, family: 'bytes', length, fixed }),
  uuid: (sql: string): Spelled<'uuid'> => ({ sql, family: 'uuid' }),
  bits: (sql: string, length: number | null, varying: boolean): Spelled<'bits'> => ({ sql, family: 'bits', length, varying }),
  other: (sql: string): Spelled<'other'> => ({ sql, family: 'other' }),
};

/** A dialect's `@db.X` table: the type for the native type's arguments. */
export type NativeTypeFacts = (args: readonly string[]) => TypeShape & { sql: string };
