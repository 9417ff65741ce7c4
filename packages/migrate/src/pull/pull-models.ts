import { constraintName, type Provider } from '@kiln/schema';
import type { Column, ColumnType, Index, IndexColumn, SchemaTable, View } from '../changes/database-objects.js';
import { defaultAttribute } from './default-attribute.js';
import type { PulledBlock, PulledField } from './pulled-blocks.js';
import type { PulledEnums } from './pull-enums.js';
import { fieldName, NameRegistry } from './schema-identifiers.js';
import { schemaString } from './schema-literals.js';

/** Everything the field and attribute writers need to know besides the table. */
export interface PullContext {
  provider: Provider;
  enums: PulledEnums;
  warn(message: string): void;
}

/** The field's type without `?`/`[]`: a scalar, an enum's name, or `Unsupported("...")`. */
function baseType(type: ColumnType, ctx: PullContext): string {
  switch (type.kind) {
    case 'scalar':
      return type.scalar;
    case 'enum': {
      const e = ctx.enums.of(type);
      if (e !== undefined) return e.name;
      const qualified = type.enum.schema === null ? quoteSql(type.enum.name) : `${quoteSql(type.enum.schema)}.${quoteSql(type.enum.name)}`;
      return `Unsupported(${schemaString(qualified)})`;
    }
    case 'unsupported':
      return `Unsupported(${schemaString(type.sql)})`;
  }
}

function quoteSql(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function typeText(column: Column, ctx: PullContext): string {
  const base = baseType(column.type, ctx);
  // A list field is never optional in the schema language; its column is nullable anyway.
  if (column.type.list) return `${base}[]`;
  return column.nullable ? `${base}?` : base;
}

function nativeTypeAttribute(type: ColumnType): string | null {
  if (type.kind !== 'scalar' || type.nativeType === null) return null;
  const { name, args } = type.nativeType;
  return args.length === 0 ? `@db.${name}` : `@db.${name}(${args.join(', ')})`;
}

/** `[a, b(sort: Desc, length: 10)]`. */
function fieldList(columns: readonly IndexColumn[], block: PulledBlock): string {
  return `[${columns.map((c) => fieldRef(c, block)).join(', ')}]`;
}

function fieldRef(c: IndexColumn, block: PulledBlock): string {
  const name = block.fieldOf.get(c.name) ?? c.name;
  const options = columnOptions(c);
  return options.length === 0 ? name : `${name}(${options.join(', ')})`;
}

function columnOptions(c: IndexColumn): string[] {
  const out: string[] = [];
  if (c.sort === 'Desc') out.push('sort: Desc');
  if (c.length !== null) out.push(`length: ${c.length}`);
  if (c.ops !== null) out.push(`ops: raw(${schemaString(c.ops)})`);
  return out;
}

const mapArg = (name: string, standard: string): string[] => (name === standard ? [] : [`map: ${schemaString(name)}`]);

/** The scalar fields of a table or view, named after their columns (`created_at` → `createdAt @map("created_at")`). */
function scalarFields(block: PulledBlock, columns: readonly Column[], ctx: PullContext): void {
  for (const column of columns) {
    const name = block.fieldNames.claim(fieldName(column.name, 'field'));
    block.fieldOf.set(column.name, name);
    if (column.type.list && !column.nullable) {
      ctx.warn(
        `${block.name}.${name}: the list column ${JSON.stringify(column.name)} is NOT NULL, but a schema's list fields are nullable columns; ` +
          'a migration from this schema would make it nullable',
      );
    }
    const attributes: string[] = [];
    const enumType = column.type.kind === 'enum' ? ctx.enums.of(column.type) : undefined;
    const def = defaultAttribute(column, enumType, (m) => ctx.warn(`${block.name}.${name}: ${m}`));
    if (def !== null) attributes.push(def);
    if (name !== column.name) attributes.push(`@map(${schemaString(column.name)})`);
    const native = nativeTypeAttribute(column.type);
    if (native !== null) attributes.push(native);
    block.fields.push({ name, type: typeText(column, ctx), attributes, doc: [] });
  }
}

/** A model for a table: fields, keys, indexes, checks and names. Relation fields come later. */
export function pullModel(name: string, t: SchemaTable, ctx: PullContext): PulledBlock {
  const { table } = t;
  const block: PulledBlock = {
    kind: 'model',
    name,
    source: { kind: 'table', table: t },
    fields: [],
    fieldOf: new Map(),
    fieldNames: new NameRegistry(),
    attributes: [],
    doc: [],
    ignored: false,
  };
  scalarFields(block, table.columns, ctx);
  const field = (column: string): PulledField => block.fields.find((f) => f.name === block.fieldOf.get(column))!;
  const tableName = table.name.name;
  const std = (columns: readonly string[], suffix: string) => constraintName(ctx.provider, tableName, columns, suffix);

  const pk = table.primaryKey;
  if (pk !== null) {
    const only = pk.columns.length === 1 ? pk.columns[0]! : null;
    if (only !== null && only.ops === null) {
      field(only.name).attributes.splice(0, 0, fieldAttribute('@id', [...columnOptions(only), ...mapArg(pk.name, std([], 'pkey'))]));
    } else {
      block.attributes.push(blockAttribute('@@id', fieldList(pk.columns, block), mapArg(pk.name, std([], 'pkey'))));
    }
  }
  for (const index of t.indexes) writeIndex(block, index, field, std, ctx);
  table.checks.forEach((c, i) => {
    const standard = std([], table.checks.length > 1 ? `check${i + 1}` : 'check');
    block.attributes.push(`@@check(${schemaString(c.expression)}${c.name === standard ? '' : `, name: ${schemaString(c.name)}`})`);
  });
  if (name !== tableName) block.attributes.push(`@@map(${schemaString(tableName)})`);
  if (table.name.schema !== null) block.attributes.push(`@@schema(${schemaString(table.name.schema)})`);

  // Prisma's rule: the client needs a way to address one row (a primary key, or a unique
  // index over required columns). Without one the model is written but ignored.
  const required = (c: IndexColumn) => table.columns.find((x) => x.name === c.name)?.nullable === false;
  const identified = pk !== null || t.indexes.some((i) => i.kind === 'unique' && i.where === null && i.columns.every(required));
  if (!identified) {
    block.ignored = true;
    block.doc.push('The table has no primary key and no unique index over required columns, so the client cannot address its rows: it is ignored.');
    block.attributes.push('@@ignore');
  }
  return block;
}

function writeIndex(block: PulledBlock, index: Index, field: (column: string) => PulledField, std: (columns: readonly string[], suffix: string) => string, ctx: PullContext): void {
  const columns = index.columns.map((c) => c.name);
  switch (index.kind) {
    case 'unique': {
      const map = mapArg(index.name, std(columns, 'key'));
      const only = index.columns.length === 1 ? index.columns[0]! : null;
      if (only !== null && only.ops === null && index.where === null && index.type === null) {
        field(only.name).attributes.push(fieldAttribute('@unique', [...columnOptions(only), ...map]));
        return;
      }
      if (index.type !== null) {
        ctx.warn(`${block.name}: the unique index ${JSON.stringify(index.name)} uses the ${index.type} method, which @@unique cannot say; it is written as a B-tree index`);
      }
      const where = index.where === null ? [] : [`where: ${schemaString(index.where)}`];
      block.attributes.push(blockAttribute('@@unique', fieldList(index.columns, block), [...map, ...where]));
      return;
    }
    case 'index': {
      const args = [...mapArg(index.name, std(columns, 'idx'))];
      if (index.type !== null && index.type !== 'BTree') args.push(`type: ${index.type}`);
      if (index.where !== null) args.push(`where: ${schemaString(index.where)}`);
      block.attributes.push(blockAttribute('@@index', fieldList(index.columns, block), args));
      return;
    }
    case 'fulltext':
      block.attributes.push(blockAttribute('@@fulltext', fieldList(index.columns, block), mapArg(index.name, std(columns, 'idx'))));
      return;
  }
}

function fieldAttribute(name: string, args: string[]): string {
  return args.length === 0 ? name : `${name}(${args.join(', ')})`;
}

function blockAttribute(name: string, fields: string, args: string[]): string {
  return `${name}(${[fields, ...args].join(', ')})`;
}

/** A view block: its columns as fields and its SELECT in @@sql. */
export function pullView(name: string, view: View, columns: readonly Column[], ctx: PullContext): PulledBlock {
  const block: PulledBlock = {
    kind: 'view',
    name,
    source: { kind: 'view', view },
    fields: [],
    fieldOf: new Map(),
    fieldNames: new NameRegistry(),
    attributes: [],
    doc: [],
    ignored: false,
  };
  // A view column reports its table column's default, which means nothing for a view.
  scalarFields(block, columns.map((c) => ({ ...c, default: null, autoincrement: false })), ctx);
  block.attributes.push(`@@sql(${schemaString(view.sql)})`);
  if (name !== view.name.name) block.attributes.push(`@@map(${schemaString(view.name.name)})`);
  if (view.name.schema !== null) block.attributes.push(`@@schema(${schemaString(view.name.schema)})`);
  return block;
}
