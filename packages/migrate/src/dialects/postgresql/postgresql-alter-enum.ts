import type { AlterEnum } from '../../changes/change.js';
import type { Column, QualifiedName } from '../../changes/database-objects.js';

/** What the enum renderer needs from the PostgreSQL renderer. */
export interface AlterEnumParts {
  name(name: QualifiedName): string;
  quote(name: string): string;
  literal(value: string): string;
  columnDefault(column: Column): string | null;
}

/**
 * A PostgreSQL enum type whose values change (https://www.postgresql.org/docs/current/sql-altertype.html):
 *
 * - renamed values: `ALTER TYPE ... RENAME VALUE` (in place; rows and defaults follow);
 * - only added values: `ALTER TYPE ... ADD VALUE`, each placed BEFORE/AFTER its neighbour so
 *   the type's order is the schema's. The new value cannot be used in the transaction that adds
 *   it, so such a change is not transactional (`isTransactional`) and the planner keeps it
 *   apart from the renames;
 * - removed values: there is no DROP VALUE. A new type with the new values is created, every
 *   column of the old type (`AlterEnum.columns`) is converted with `USING col::text::new`
 *   (its default dropped first and set again after, since a default of the old type does not
 *   cast), the old type is dropped and the new one takes its name. Rows that hold a removed
 *   value make the conversion fail, which rolls the migration back.
 */
export function renderAlterEnum(change: AlterEnum, parts: AlterEnumParts): string[] {
  const type = parts.name(change.to.name);
  const out: string[] = change.renamed.map((r) => `ALTER TYPE ${type} RENAME VALUE ${parts.literal(r.from)} TO ${parts.literal(r.to)}`);
  if (change.removed.length === 0) {
    const values = change.to.values;
    const added = new Set(change.added);
    for (const [i, value] of values.entries()) {
      if (!added.has(value)) continue;
      let position = '';
      if (i > 0) position = ` AFTER ${parts.literal(values[i - 1]!)}`;
      else {
        const next = values.find((v) => !added.has(v));
        if (next !== undefined) position = ` BEFORE ${parts.literal(next)}`;
      }
      out.push(`ALTER TYPE ${type} ADD VALUE ${parts.literal(value)}${position}`);
    }
    return out;
  }

  const temp: QualifiedName = { schema: change.to.name.schema, name: `${change.to.name.name}_new` };
  const tempType = parts.name(temp);
  out.push(`CREATE TYPE ${tempType} AS ENUM (${change.to.values.map((v) => parts.literal(v)).join(', ')})`);
  const restore: string[] = [];
  for (const { table, column } of change.columns) {
    const alter = `ALTER TABLE ${parts.name(table)} ALTER COLUMN ${parts.quote(column.name)}`;
    const list = column.type.list ? '[]' : '';
    out.push(`${alter} DROP DEFAULT`);
    out.push(`${alter} SET DATA TYPE ${tempType}${list} USING (${parts.quote(column.name)}::text${list}::${tempType}${list})`);
    const def = parts.columnDefault(column);
    if (def !== null) restore.push(`${alter} SET DEFAULT ${def}`);
  }
  out.push(`DROP TYPE ${type}`, `ALTER TYPE ${tempType} RENAME TO ${parts.quote(change.to.name.name)}`, ...restore);
  return out;
}
