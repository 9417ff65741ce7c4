import {
  SCALAR_TYPES,
  type ColumnField,
  type DefaultValue,
  type Enum,
  type JoinColumn,
  type JoinTable,
  type Model,
  type Relation,
  type ScalarType,
  type SchemaIR,
} from '@kiln/schema';
import type {
  Column,
  ColumnDefault,
  ColumnType,
  DatabaseSchema,
  ForeignKey,
  Index,
  IndexColumn,
  QualifiedName,
  SchemaTable,
} from './database-objects.js';

/**
 * What the schema asks the database to hold, read from the IR. Every name is already resolved
 * in the IR (docs/ir.md), so nothing here derives one. Ignored models (`@@ignore`) and fields
 * (`@ignore`) still have their tables and columns: only the client leaves them out.
 */
export function databaseSchemaFromIr(ir: SchemaIR): DatabaseSchema {
  const enums = new Map(ir.enums.map((e) => [e.name, e]));
  const models = new Map(ir.models.map((m) => [m.name, m]));
  const withForeignKeys = (ir.datasource?.relationMode ?? 'foreignKeys') === 'foreignKeys';
  return {
    namespaces: [...(ir.datasource?.schemas ?? [])],
    enums: ir.enums.map((e) => ({
      name: { schema: e.schema, name: e.dbName },
      values: e.values.map((v) => v.dbName),
      origin: { kind: 'enum', enum: e.name },
      renamedFrom: e.renamedFrom,
      members: e.values.map((v) => ({ name: v.name, renamedFrom: v.renamedFrom })),
    })),
    tables: [
      ...ir.models.map((m) => tableFromModel(m, enums)),
      ...ir.relations.flatMap((r) => (r.joinTable === null ? [] : [joinTableFromRelation(r, r.joinTable, enums, models, withForeignKeys)])),
    ],
    views: ir.views.flatMap((v) =>
      v.sql === null ? [] : [{ name: { schema: v.schema, name: v.dbName }, sql: v.sql, origin: { kind: 'view' as const, view: v.name } }],
    ),
  };
}

function tableFromModel(model: Model, enums: ReadonlyMap<string, Enum>): SchemaTable {
  const name: QualifiedName = { schema: model.schema, name: model.dbName };
  const columns = model.fields.flatMap((f) => (f.kind === 'relation' ? [] : [columnFromField(f, enums)]));
  return {
    table: {
      name,
      columns,
      primaryKey: model.primaryKey === null ? null : { name: model.primaryKey.dbName, columns: model.primaryKey.fields.map(indexColumn) },
      checks: model.checks.map((c) => ({ name: c.dbName, expression: c.expression })),
      origin: { kind: 'model', model: model.name },
      renamedFrom: model.renamedFrom,
    },
    indexes: model.indexes.map(
      (i): Index => ({ name: i.dbName, kind: i.kind, columns: i.fields.map(indexColumn), type: i.type, where: i.where }),
    ),
    // Empty under relationMode = "prisma": the IR has no foreign keys then.
    foreignKeys: model.foreignKeys.map(
      (fk): ForeignKey => ({
        name: fk.dbName,
        columns: [...fk.columns],
        referencedTable: { schema: fk.referencedSchema, name: fk.referencedTable },
        referencedColumns: [...fk.referencedColumns],
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
      }),
    ),
  };
}

function indexColumn(f: { column: string; sort: 'Asc' | 'Desc' | null; length: number | null; ops: string | null }): IndexColumn {
  return { name: f.column, sort: f.sort, length: f.length, ops: f.ops };
}

function isScalar(type: string): type is ScalarType {
  return (SCALAR_TYPES as readonly string[]).includes(type);
}

function enumType(e: Enum, list: boolean): ColumnType {
  return { kind: 'enum', enum: { schema: e.schema, name: e.dbName }, values: e.values.map((v) => v.dbName), list };
}

function lookupEnum(name: string, enums: ReadonlyMap<string, Enum>): Enum {
  const e = enums.get(name);
  if (e === undefined) throw new Error(`The IR has a field of enum type ${JSON.stringify(name)}, which it does not declare.`);
  return e;
}

function columnFromField(field: ColumnField, enums: ReadonlyMap<string, Enum>): Column {
  let type: ColumnType;
  const decl = field.kind === 'enum' ? lookupEnum(field.type, enums) : null;
  switch (field.kind) {
    case 'enum':
      type = enumType(decl!, field.list);
      break;
    case 'unsupported':
      type = { kind: 'unsupported', sql: field.type, list: field.list };
      break;
    case 'scalar':
      if (!isScalar(field.type)) throw new Error(`The IR has a scalar field of unknown type ${JSON.stringify(field.type)}.`);
      type = { kind: 'scalar', scalar: field.type, nativeType: field.nativeType, list: field.list };
      break;
  }
  const d = field.default;
  const autoincrement = d?.kind === 'function' && d.name === 'autoincrement';
  return {
    name: field.column,
    type,
    // A scalar list column is nullable, as Prisma Migrate creates it.
    nullable: field.optional || field.list,
    default: d === null ? null : columnDefault(d, type, decl),
    autoincrement,
    field: field.name,
    renamedFrom: field.renamedFrom,
  };
}

/** The database's default for an IR default, or null for those the client fills in. */
function columnDefault(d: DefaultValue, type: ColumnType, decl: Enum | null): ColumnDefault | null {
  switch (d.kind) {
    case 'string': {
      const scalar = type.kind === 'scalar' ? type.scalar : null;
      if (scalar === 'DateTime') return { kind: 'dateTime', value: isoInstant(d.value) };
      if (scalar === 'Json') return { kind: 'json', value: d.value };
      if (scalar === 'Bytes') return { kind: 'bytes', hex: Buffer.from(d.value, 'base64').toString('hex') };
      return { kind: 'string', value: d.value };
    }
    case 'number':
      return { kind: 'number', value: d.value };
    case 'boolean':
      return { kind: 'boolean', value: d.value };
    case 'enum':
      // The database stores the value's @map name.
      return { kind: 'string', value: decl?.values.find((v) => v.name === d.value)?.dbName ?? d.value };
    case 'list': {
      const values = d.values.map((v) => columnDefault(v, type, decl));
      return values.every((v): v is ColumnDefault => v !== null) ? { kind: 'list', values } : null;
    }
    case 'function':
      switch (d.name) {
        case 'now':
          return { kind: 'now' };
        case 'dbgenerated': {
          // dbgenerated() without an argument: the database has a default Kiln does not manage.
          const sql = d.args[0];
          return typeof sql === 'string' && sql.length > 0 ? { kind: 'expression', sql } : null;
        }
        case 'autoincrement': // Column.autoincrement
        case 'uuid': // filled in by the client
        case 'cuid':
        case 'ulid':
        case 'nanoid':
        case 'auto': // MongoDB and CockroachDB only; the analyzer rejects them
        case 'sequence':
          return null;
      }
  }
}

/** A DateTime literal as a UTC instant, so every database stores the same moment. */
function isoInstant(text: string): string {
  const t = Date.parse(text);
  return Number.isNaN(t) ? text : new Date(t).toISOString();
}

/**
 * The table of an implicit m:n relation, as Prisma Migrate creates it: columns A and B typed
 * like the ids they reference, the pair unique (a primary key on PostgreSQL, a unique index
 * elsewhere), an index on B, and both foreign keys cascading.
 */
function joinTableFromRelation(
  relation: Relation,
  join: JoinTable,
  enums: ReadonlyMap<string, Enum>,
  models: ReadonlyMap<string, Model>,
  withForeignKeys: boolean,
): SchemaTable {
  const column = (c: JoinColumn): Column => ({
    name: c.column,
    type: isScalar(c.type)
      ? { kind: 'scalar', scalar: c.type, nativeType: c.nativeType, list: false }
      : enumType(lookupEnum(c.type, enums), false),
    nullable: false,
    default: null,
    autoincrement: false,
  });
  const key = (...names: string[]): IndexColumn[] => names.map((name) => ({ name, sort: null, length: null, ops: null }));
  const foreignKey = (c: JoinColumn): ForeignKey => ({
    name: c.fkName,
    columns: [c.column],
    referencedTable: { schema: models.get(c.model)?.schema ?? null, name: c.table },
    referencedColumns: [c.referencedColumn],
    onDelete: 'Cascade',
    onUpdate: 'Cascade',
  });
  const pair = key(join.a.column, join.b.column);
  const indexes: Index[] = [];
  if (join.uniqueKind === 'uniqueIndex') indexes.push({ name: join.uniqueName, kind: 'unique', columns: pair, type: null, where: null });
  indexes.push({ name: join.indexName, kind: 'index', columns: key(join.b.column), type: null, where: null });
  return {
    table: {
      name: { schema: join.schema, name: join.name },
      columns: [column(join.a), column(join.b)],
      primaryKey: join.uniqueKind === 'primaryKey' ? { name: join.uniqueName, columns: pair } : null,
      checks: [],
      origin: { kind: 'joinTable', relation: relation.name },
    },
    indexes,
    foreignKeys: withForeignKeys ? [foreignKey(join.a), foreignKey(join.b)] : [],
  };
}
