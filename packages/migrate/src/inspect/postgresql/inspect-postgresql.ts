import type { IndexType, ReferentialAction } from '@kiln/schema';
import type { DatabaseConnection } from '../../apply/executor.js';
import type { Check, Column, EnumType, ForeignKey, Index, IndexColumn, QualifiedName, SchemaTable, View } from '../../changes/database-objects.js';
import type { Introspection, ViewColumns } from '../introspection.js';
import { flag, groupBy, integer, text, textArray, textOrNull } from '../row-values.js';
import { postgresColumnType } from './postgresql-column-type.js';
import { postgresDefault } from './postgresql-default.js';
import { postgresCheck, postgresPredicate, postgresViewBody } from './postgresql-expression.js';

/*
 * PostgreSQL introspection from pg_catalog (https://www.postgresql.org/docs/current/catalogs.html).
 * Every query takes the schema names as one bound text[] parameter; nothing is interpolated.
 * pg_catalog rather than information_schema because only it has index methods, operator
 * classes, sort orders, partial index predicates and enum labels in order.
 */

const ACTIONS: Readonly<Record<string, ReferentialAction>> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

const METHODS: Readonly<Record<string, IndexType | null>> = { btree: null, hash: 'Hash', gist: 'Gist', gin: 'Gin', spgist: 'SpGist', brin: 'Brin' };

/** Tables (plain and partitioned) and views; partitions belong to their parent, extension tables to the extension. */
const RELATIONS = `
SELECT c.oid::int8::text AS id, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid) END AS view_sql
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v') AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname`;

const COLUMNS = `
SELECT a.attrelid::int8::text AS rel, a.attname AS name, a.attnotnull AS not_null, a.attidentity AS identity,
       t.typcategory = 'A' AS is_array,
       format_type(CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE a.atttypid END, a.atttypmod) AS base,
       b.typtype AS typtype, bn.nspname AS type_schema, b.typname AS type_name,
       pg_get_expr(d.adbin, d.adrelid) AS default_sql
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
JOIN pg_type b ON b.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
JOIN pg_namespace bn ON bn.oid = b.typnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p', 'v') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

/** Primary keys, foreign keys and checks (unique constraints are read as their indexes). */
const CONSTRAINTS = `
SELECT con.conrelid::int8::text AS rel, con.conname AS name, con.contype AS type,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns,
       fn.nspname AS ref_schema, fc.relname AS ref_table,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS ref_columns,
       con.confdeltype AS on_delete, con.confupdtype AS on_update,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END AS check_sql
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE n.nspname = ANY($1::text[]) AND con.contype IN ('p', 'f', 'c')
ORDER BY con.conrelid, con.conname`;

/**
 * One row per key column of every index. indkey, indoption and indclass are 0-based vectors;
 * attnum 0 is an expression. Bit 0 of indoption is DESC
 * (https://www.postgresql.org/docs/current/catalog-pg-index.html).
 */
const INDEX_COLUMNS = `
SELECT x.indrelid::int8::text AS rel, i.relname AS name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
       am.amname AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate, k.ord AS position, k.attnum AS attnum,
       a.attname AS column_name, (x.indoption[k.ord - 1] & 1) = 1 AS descending,
       oc.opcname AS opclass, oc.opcdefault AS opclass_default
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_am am ON am.oid = i.relam
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
LEFT JOIN pg_opclass oc ON oc.oid = x.indclass[k.ord - 1]
WHERE n.nspname = ANY($1::text[]) AND k.ord <= x.indnkeyatts
ORDER BY x.indrelid, i.relname, k.ord`;

/** Every enum type of the database: a column may use one from a schema that is not inspected. */
const ENUMS = `
SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_enum e ON e.enumtypid = t.oid
GROUP BY n.nspname, t.typname
ORDER BY n.nspname, t.typname`;

type Row = Record<string, unknown>;

export async function inspectPostgresql(connection: DatabaseConnection, namespaces: readonly string[]): Promise<Introspection> {
  const [current] = await connection.query('SELECT current_schema() AS name');
  const currentSchema = textOrNull(current?.name);
  if (currentSchema === null) {
    throw new Error('The PostgreSQL connection has no current schema (its search_path names no existing schema), so there is nothing to inspect.');
  }
  const listed = new Set(namespaces);
  const existing = (await connection.query('SELECT nspname AS name FROM pg_namespace WHERE nspname = ANY($1::text[])', [[...namespaces]])).map((r) => text(r.name));
  const schemas = [currentSchema, ...existing.filter((s) => s !== currentSchema)];
  // Objects of the current schema have no schema name, as models without @@schema; a schema the
  // datasource lists keeps its name, even when it is also the current one.
  const nameOf = (schema: string, name: string): QualifiedName => ({ schema: schema === currentSchema && !listed.has(schema) ? null : schema, name });

  // One after the other: a pg client runs one query at a time.
  const relations = await connection.query(RELATIONS, [schemas]);
  const columns = await connection.query(COLUMNS, [schemas]);
  const constraints = await connection.query(CONSTRAINTS, [schemas]);
  const indexColumns = await connection.query(INDEX_COLUMNS, [schemas]);
  const enumRows = await connection.query(ENUMS);

  const enumValues = new Map(enumRows.map((r) => [`${text(r.schema)}\0${text(r.name)}`, textArray(r.labels)]));
  const enums: EnumType[] = enumRows
    .filter((r) => schemas.includes(text(r.schema)))
    .map((r) => {
      const name = nameOf(text(r.schema), text(r.name));
      return { name, values: textArray(r.labels), origin: { kind: 'enum', enum: name.name } };
    });

  const columnsByRel = groupBy(columns, (r) => text(r.rel));
  const constraintsByRel = groupBy(constraints, (r) => text(r.rel));
  const indexesByRel = groupBy(indexColumns, (r) => text(r.rel));

  const readColumns = (rel: string): Column[] =>
    (columnsByRel.get(rel) ?? []).map((r) => {
      const type = postgresColumnType(
        { base: text(r.base), array: flag(r.is_array), typtype: text(r.typtype), typeSchema: text(r.type_schema), typeName: text(r.type_name) },
        nameOf,
        (schema, name) => enumValues.get(`${schema}\0${name}`),
      );
      const d = postgresDefault(textOrNull(r.default_sql), type);
      const identity = text(r.identity);
      return {
        name: text(r.name),
        type,
        nullable: !flag(r.not_null),
        default: d.default,
        autoincrement: d.autoincrement || identity === 'a' || identity === 'd',
      };
    });

  const tables: SchemaTable[] = [];
  const views: View[] = [];
  const viewColumns: ViewColumns[] = [];
  for (const rel of relations) {
    const id = text(rel.id);
    const name = nameOf(text(rel.schema), text(rel.name));
    if (text(rel.kind) === 'v') {
      views.push({ name, sql: postgresViewBody(text(rel.view_sql)), origin: { kind: 'view', view: name.name } });
      viewColumns.push({ view: name, columns: readColumns(id) });
      continue;
    }
    const cons = constraintsByRel.get(id) ?? [];
    const pk = cons.find((c) => text(c.type) === 'p');
    const checks: Check[] = cons
      .filter((c) => text(c.type) === 'c')
      .map((c) => ({ name: text(c.name), expression: postgresCheck(text(c.check_sql)) }));
    const foreignKeys: ForeignKey[] = cons
      .filter((c) => text(c.type) === 'f')
      .map((c) => ({
        name: text(c.name),
        columns: textArray(c.columns),
        referencedTable: nameOf(text(c.ref_schema), text(c.ref_table)),
        referencedColumns: textArray(c.ref_columns),
        onDelete: action(c.on_delete),
        onUpdate: action(c.on_update),
      }));
    tables.push({
      table: {
        name,
        columns: readColumns(id),
        primaryKey: pk === undefined ? null : { name: text(pk.name), columns: textArray(pk.columns).map(plainColumn) },
        checks,
        origin: { kind: 'model', model: name.name },
      },
      indexes: readIndexes(indexesByRel.get(id) ?? []),
      foreignKeys,
    });
  }
  return { schema: { source: 'database', namespaces: existing, enums, tables, views }, viewColumns };
}

function action(code: unknown): ReferentialAction {
  return ACTIONS[text(code)] ?? 'NoAction';
}

function plainColumn(name: string): IndexColumn {
  return { name, sort: null, length: null, ops: null };
}

/**
 * The indexes other than the primary key's. An index on an expression, or with an access method
 * the schema language has no name for, cannot be described and is left out.
 */
function readIndexes(rows: Row[]): Index[] {
  const out: Index[] = [];
  for (const [name, cols] of groupBy(rows, (r) => text(r.name))) {
    const first = cols[0]!;
    if (flag(first.is_primary)) continue;
    const method = text(first.method);
    if (!Object.hasOwn(METHODS, method)) continue;
    if (cols.some((c) => integer(c.attnum) === 0 || c.column_name === null)) continue;
    const predicate = textOrNull(first.predicate);
    out.push({
      name,
      kind: flag(first.is_unique) ? 'unique' : 'index',
      columns: cols.map((c) => ({
        name: text(c.column_name),
        sort: flag(c.descending) ? 'Desc' : null,
        length: null,
        // The column type's default operator class is not written (Prisma's `ops` is for others).
        ops: c.opclass === null || flag(c.opclass_default) ? null : text(c.opclass),
      })),
      type: METHODS[method]!,
      where: predicate === null ? null : postgresPredicate(predicate),
    });
  }
  return out;
}
