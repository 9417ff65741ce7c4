import type { Provider, SchemaIR } from '@kiln/schema';
import { ddlRendererFor } from '../dialects/ddl-renderer-for.js';
import type { DdlCapabilities } from '../render/ddl-capabilities.js';
import type { AddForeignKey, Change, CreateIndex, CreateTable } from './change.js';
import type { DatabaseSchema, SchemaTable } from './database-objects.js';
import { databaseSchemaFromIr } from './database-schema-from-ir.js';

export interface PlanOptions {
  /** The database to plan for; default: the IR's datasource provider. */
  provider?: Provider;
}

/**
 * The changes that take an empty database to the IR, in an order every database accepts:
 * schemas, enum types, tables, indexes, foreign keys (after every table, so that tables may
 * reference each other in any order, cycles included), views (last, since they read tables).
 */
export function planFromEmpty(ir: SchemaIR, options: PlanOptions = {}): Change[] {
  const provider = options.provider ?? ir.datasource?.provider;
  if (provider === undefined) throw new Error('The schema has no datasource, so there is no database to plan for; pass `provider`.');
  return changesFromEmpty(databaseSchemaFromIr(ir), ddlRendererFor(provider).capabilities);
}

/** The creation of everything in `schema`, placed as the database's DDL requires. */
export function changesFromEmpty(schema: DatabaseSchema, capabilities: DdlCapabilities): Change[] {
  const changes: Change[] = [];
  if (capabilities.namespaces) for (const name of schema.namespaces) changes.push({ kind: 'createSchema', name });
  // Elsewhere an enum's values live in the column type (MySQL ENUM, a SQLite CHECK).
  if (capabilities.namedEnums) for (const e of schema.enums) changes.push({ kind: 'createEnum', enum: e });
  const created = schema.tables.map((t) => tableCreation(t, capabilities));
  for (const c of created) changes.push(c.createTable);
  for (const c of created) changes.push(...c.createIndexes);
  for (const c of created) changes.push(...c.addForeignKeys);
  for (const view of schema.views) changes.push({ kind: 'createView', view });
  return changes;
}

/**
 * The changes that create one table: CREATE TABLE with what the dialect declares inside it
 * (indexes on MySQL, foreign keys on SQLite), and the rest as CreateIndex and AddForeignKey,
 * which go after every table is created (tables may reference each other in any order).
 */
export function tableCreation(t: SchemaTable, capabilities: DdlCapabilities): { createTable: CreateTable; createIndexes: CreateIndex[]; addForeignKeys: AddForeignKey[] } {
  return {
    createTable: {
      kind: 'createTable',
      table: t.table,
      indexes: capabilities.indexesInCreateTable ? t.indexes : [],
      foreignKeys: capabilities.foreignKeysInCreateTable ? t.foreignKeys : [],
    },
    createIndexes: capabilities.indexesInCreateTable ? [] : t.indexes.map((index) => ({ kind: 'createIndex', table: t.table.name, index })),
    addForeignKeys: capabilities.foreignKeysInCreateTable ? [] : t.foreignKeys.map((foreignKey) => ({ kind: 'addForeignKey', table: t.table.name, foreignKey })),
  };
}
