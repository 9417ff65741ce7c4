import type { ColumnType, DatabaseSchema, QualifiedName } from '../changes/database-objects.js';
import { qualifiedNameKey } from '../changes/qualified-name-key.js';
import type { ViewColumns } from '../inspect/introspection.js';
import { memberName, NameRegistry, typeName } from './schema-identifiers.js';

export interface PulledEnum {
  name: string;
  /** `@@map`: the database type name when it differs from `name` (named enum types only). */
  map: string | null;
  schema: string | null;
  members: { name: string; value: string }[];
}

export interface PulledEnums {
  enums: PulledEnum[];
  /** The enum a column of this type uses; undefined for a PostgreSQL enum outside the inspected schemas. */
  of(type: Extract<ColumnType, { kind: 'enum' }>): PulledEnum | undefined;
}

const typeKey = qualifiedNameKey;

function members(values: readonly string[]): PulledEnum['members'] {
  const names = new NameRegistry();
  return values.map((value) => ({ name: names.claim(memberName(value, 'VALUE')), value }));
}

/**
 * The enums to declare. Where enums are named types (PostgreSQL) there is one per type, named
 * after it. Elsewhere an enum lives in its column (a MySQL ENUM, a SQLite CHECK): columns
 * allowing the same values share one enum, named after the first such column (`role` →
 * `Role`), or after its table and column when another enum already has that name.
 */
export function pullEnums(schema: DatabaseSchema, viewColumns: readonly ViewColumns[], namedEnums: boolean, names: NameRegistry): PulledEnums {
  if (namedEnums) {
    const byType = new Map<string, PulledEnum>();
    const enums = schema.enums.map((e): PulledEnum => {
      const name = names.claim(typeName(e.name.name, 'Enum'));
      const pulled = { name, map: name === e.name.name ? null : e.name.name, schema: e.name.schema, members: members(e.values) };
      byType.set(typeKey(e.name), pulled);
      return pulled;
    });
    return { enums, of: (type) => byType.get(typeKey(type.enum)) };
  }
  const byValues = new Map<string, PulledEnum>();
  const enums: PulledEnum[] = [];
  const columns = [
    ...schema.tables.flatMap((t) => t.table.columns.map((c) => ({ table: t.table.name.name, column: c }))),
    ...viewColumns.flatMap((v) => v.columns.map((c) => ({ table: v.view.name, column: c }))),
  ];
  for (const { table, column } of columns) {
    if (column.type.kind !== 'enum') continue;
    const key = JSON.stringify(column.type.values);
    if (byValues.has(key)) continue;
    const short = typeName(column.name, 'Enum');
    const name = names.claim(names.has(short) ? typeName(`${table}_${column.name}`, 'Enum') : short);
    const pulled: PulledEnum = { name, map: null, schema: null, members: members(column.type.values) };
    byValues.set(key, pulled);
    enums.push(pulled);
  }
  return { enums, of: (type) => byValues.get(JSON.stringify(type.values)) };
}
