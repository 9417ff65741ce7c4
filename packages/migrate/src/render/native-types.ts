import type { NativeType } from '@kiln/schema';
import { DdlRenderError } from './ddl-render-error.js';

/** How a dialect spells one `@db.X` type from its arguments. */
export type NativeTypeSpelling = (args: readonly string[]) => string;

/**
 * Native type arguments are lengths, precisions and scales. The analyzer counts them; this
 * checks they are plain numbers before they are written into DDL.
 */
function numericArgs(type: string, args: readonly string[]): string[] {
  for (const a of args) {
    if (!/^\d+$/.test(a.trim())) throw new DdlRenderError(`@db.${type}: the argument ${JSON.stringify(a)} is not a whole number.`);
  }
  return args.map((a) => a.trim());
}

/** A type without arguments: `TEXT`. */
export const fixed =
  (sql: string): NativeTypeSpelling =>
  () =>
    sql;

/** A type with optional arguments: `VARCHAR`, `VARCHAR(255)`, `DECIMAL(10,2)`. */
export const withArgs =
  (sql: string, separator = ','): NativeTypeSpelling =>
  (args) =>
    args.length === 0 ? sql : `${sql}(${numericArgs(sql, args).join(separator)})`;

/** Looks `type` up in a dialect's table; an unknown name is a schema from another provider. */
export function spellNativeType(table: Readonly<Record<string, NativeTypeSpelling>>, type: NativeType, database: string): string {
  const spell = Object.hasOwn(table, type.name) ? table[type.name] : undefined;
  if (spell === undefined) throw new DdlRenderError(`@db.${type.name} is not a ${database} type.`);
  return spell(type.args);
}
