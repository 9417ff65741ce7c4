import type { ColumnField, DefaultValue, Model, Relation, RelationField, SchemaIR, View } from '@kiln/schema';
import type {
  RuntimeColumn,
  RuntimeDefault,
  RuntimeField,
  RuntimeModel,
  RuntimeRelation,
  RuntimeSchema,
  RuntimeUnique,
} from '@kiln/runtime';

/**
 * Derives the runtime's slice of the schema from the IR (see `RuntimeSchema` in
 * `@kiln/runtime`): every relation resolved to the fields it joins on, defaults split into those
 * the database fills and those the client generates, unique keys named as `WhereUniqueInput`
 * names them. `@@ignore`d models and `@ignore`d fields are left out, as are relations to
 * ignored models. Views are included as models without a primary key: the runtime reads them
 * as it reads tables.
 */
export function runtimeSchemaFromIR(ir: SchemaIR): RuntimeSchema {
  if (ir.datasource === null) throw new Error('runtimeSchemaFromIR: the schema has no datasource');
  const included = new Set(ir.models.filter((m) => !m.ignored).map((m) => m.name));
  const models: Record<string, RuntimeModel> = {};
  for (const model of ir.models) {
    if (!model.ignored) models[model.name] = runtimeModel(model, ir, included);
  }
  for (const view of ir.views) models[view.name] = runtimeView(view);
  const enums: Record<string, Record<string, string>> = {};
  for (const e of ir.enums) {
    enums[e.name] = Object.fromEntries(e.values.map((v) => [v.name, v.dbName]));
  }
  return { provider: ir.datasource.provider, relationMode: ir.datasource.relationMode, models, enums };
}

function runtimeModel(model: Model, ir: SchemaIR, included: ReadonlySet<string>): RuntimeModel {
  const fields: RuntimeField[] = [];
  for (const field of model.fields) {
    if (field.ignored) continue;
    if (field.kind === 'relation') {
      if (included.has(field.type)) fields.push(runtimeRelation(model, field, ir));
    } else {
      fields.push(runtimeColumn(field));
    }
  }
  const columns = new Map(fields.filter((f) => f.kind !== 'relation').map((f) => [f.name, f as RuntimeColumn]));
  const primaryKey = model.primaryKey?.fields.map((f) => f.name) ?? [];
  const uniques: RuntimeUnique[] = [];
  const addUnique = (clientName: string | null, names: string[], dbName: string): void => {
    // A unique over an ignored or Unsupported field cannot be written in a where.
    if (names.length === 0 || names.some((n) => columns.get(n)?.kind !== 'scalar' && columns.get(n)?.kind !== 'enum')) return;
    const key = names.length === 1 ? names[0]! : (clientName ?? names.join('_'));
    if (uniques.some((u) => u.key === key)) return;
    uniques.push({ key, fields: names, dbName });
  };
  if (model.primaryKey) addUnique(model.primaryKey.clientName, primaryKey, model.primaryKey.dbName);
  for (const index of model.indexes) {
    // A partial unique index (`where:`) is unique among some rows only, so it cannot identify one.
    if (index.kind === 'unique' && index.where === null) {
      addUnique(index.clientName, index.fields.map((f) => f.name), index.dbName);
    }
  }
  return { name: model.name, dbName: model.dbName, schema: model.schema, fields, primaryKey, uniques };
}

function runtimeView(view: View): RuntimeModel {
  const fields = view.fields.filter((f) => !f.ignored).map(runtimeColumn);
  const uniques: RuntimeUnique[] = [];
  for (const names of view.uniqueFields) {
    if (names.length === 0 || !names.every((n) => fields.some((f) => f.name === n && f.kind !== 'unsupported'))) continue;
    const key = names.join('_');
    if (!uniques.some((u) => u.key === key)) uniques.push({ key, fields: names });
  }
  return { name: view.name, dbName: view.dbName, schema: view.schema, fields, primaryKey: [], uniques };
}

function runtimeColumn(field: ColumnField): RuntimeColumn {
  return {
    kind: field.kind,
    name: field.name,
    column: field.column,
    type: field.type,
    optional: field.optional,
    list: field.list,
    isId: field.isId,
    updatedAt: field.updatedAt,
    nativeType: field.nativeType ? { name: field.nativeType.name, args: [...field.nativeType.args] } : null,
    default: runtimeDefault(field.default),
  };
}

/** Who fills a column that create leaves out; `null` when nobody does (the field is then required or nullable). */
export function runtimeDefault(value: DefaultValue | null): RuntimeDefault | null {
  if (value === null) return null;
  if (value.kind !== 'function') return { kind: 'database', autoincrement: false };
  switch (value.name) {
    case 'autoincrement':
    case 'sequence':
      return { kind: 'database', autoincrement: true };
    case 'dbgenerated':
    case 'auto':
      return { kind: 'database', autoincrement: false };
    case 'uuid':
    case 'cuid':
    case 'ulid':
    case 'nanoid':
    case 'now':
      return { kind: 'generate', fn: value.name, args: [...value.args] };
  }
}

/** Finds the relation a field belongs to: by model and field, since names repeat across model pairs. */
function findRelation(ir: SchemaIR, model: string, field: string): { relation: Relation; isFrom: boolean } {
  for (const relation of ir.relations) {
    if (relation.from.model === model && relation.from.field === field) return { relation, isFrom: true };
    if (relation.to.model === model && relation.to.field === field) return { relation, isFrom: false };
  }
  throw new Error(`runtimeSchemaFromIR: no relation in the IR for ${model}.${field}`);
}

function runtimeRelation(model: Model, field: RelationField, ir: SchemaIR): RuntimeRelation {
  const { relation, isFrom } = findRelation(ir, model.name, field.name);
  const opposite = isFrom ? relation.to : relation.from;
  const base = {
    kind: 'relation' as const,
    name: field.name,
    type: field.type,
    list: field.list,
    optional: field.optional,
    relationName: relation.name,
    opposite: opposite.field,
  };
  if (relation.kind === 'manyToMany') {
    const join = relation.joinTable;
    if (join === null) throw new Error(`runtimeSchemaFromIR: the many-to-many relation ${relation.name} has no join table`);
    // `from` is the model whose id is column A.
    const [local, target] = isFrom ? [join.a, join.b] : [join.b, join.a];
    return {
      ...base,
      keyOn: 'join',
      localFields: [local.field],
      targetFields: [target.field],
      joinTable: { name: join.name, schema: join.schema, localColumn: local.column, targetColumn: target.column },
      onDelete: null,
      onUpdate: null,
    };
  }
  if (isFrom) {
    // The foreign key's database name, so a driver error that names it maps back to fields.
    const fk = model.foreignKeys.find((k) => k.fields.length === field.fields.length && k.fields.every((f, i) => f === field.fields[i]));
    return {
      ...base,
      keyOn: 'local',
      localFields: [...field.fields],
      targetFields: [...field.references],
      joinTable: null,
      onDelete: relation.onDelete,
      onUpdate: relation.onUpdate,
      ...(fk ? { fkName: fk.dbName } : {}),
    };
  }
  // The related model holds the key: read it from the opposite field.
  const other = ir.models.find((m) => m.name === opposite.model)?.fields.find((f) => f.name === opposite.field);
  if (other === undefined || other.kind !== 'relation') {
    throw new Error(`runtimeSchemaFromIR: ${opposite.model}.${opposite.field} is not a relation field`);
  }
  return {
    ...base,
    keyOn: 'target',
    localFields: [...other.references],
    targetFields: [...other.fields],
    joinTable: null,
    onDelete: relation.onDelete,
    onUpdate: relation.onUpdate,
  };
}
