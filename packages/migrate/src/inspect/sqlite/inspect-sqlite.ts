import { constraintName, type ReferentialAction } from '@kiln/schema';
import type { DatabaseConnection } from '../../apply/executor.js';
import type { Check, Column, ColumnType, ForeignKey, Index, IndexColumn, SchemaTable, View } from '../../changes/database-objects.js';
import type { Introspection, ViewColumns } from '../introspection.js';
import { flag, groupBy, integer, text, textOrNull } from '../row-values.js';
import { indexPredicate, parseCreateTable, viewSelect, type NamedCheck, type ParsedTable } from './sqlite-create-statements.js';
import { sqliteColumnType } from './sqlite-column-type.js';
import { sqliteDefault } from './sqlite-default.js';
import { isKeyword, tokenizeSql } from './sqlite-tokens.js';

/*
 * SQLite introspection from sqlite_schema and the table-valued pragma functions
 * (https://www.sqlite.org/pragma.html#pragfunc), which take the table name as a bound parameter.
 * SQLite keeps no constraint names, CHECKs or AUTOINCREMENT in its pragmas, only in the CREATE
 * TABLE text, which sqlite-create-statements.ts reads. Objects without a name in the text get
 * the name the analyzer would give them (`{table}_pkey`, `{table}_{columns}_key`, ...).
 */

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  CASCADE: 'Cascade',
  RESTRICT: 'Restrict',
  'NO ACTION': 'NoAction',
  'SET NULL': 'SetNull',
  'SET DEFAULT': 'SetDefault',
};

type Row = Record<string, unknown>;

export async function inspectSqlite(connection: DatabaseConnection): Promise<Introspection> {
  const objects = await connection.query(
    "SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema WHERE type IN ('table', 'view', 'index', 'trigger') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  const indexSql = new Map(objects.filter((o) => text(o.type) === 'index').map((o) => [text(o.name), textOrNull(o.sql)]));
  const tableObjects = objects.filter((o) => text(o.type) === 'table');
  // A foreign key that names no columns references the parent's primary key.
  const primaryKeys = new Map<string, string[]>();
  const columnRows = new Map<string, Row[]>();
  for (const o of [...tableObjects, ...objects.filter((o) => text(o.type) === 'view')]) {
    const rows = (await connection.query('SELECT * FROM pragma_table_xinfo(?) ORDER BY cid', [text(o.name)])).filter((r) => integer(r.hidden) !== 1);
    columnRows.set(text(o.name), rows);
    primaryKeys.set(
      text(o.name),
      rows.filter((r) => integer(r.pk) > 0).sort((a, b) => integer(a.pk) - integer(b.pk)).map((r) => text(r.name)),
    );
  }

  const tables: SchemaTable[] = [];
  for (const o of tableObjects) {
    const name = text(o.name);
    const parsed = parseCreateTable(text(o.sql));
    const rows = columnRows.get(name) ?? [];
    const columns = rows.map((r) => readColumn(r, name, parsed));
    const pkColumns = primaryKeys.get(name) ?? [];
    const pkName = parsed.primaryKey?.name ?? parsed.columns.find((c) => c.primaryKey !== null)?.primaryKey?.name ?? null;
    // A table rebuild (the planner's way to alter a SQLite table) must recreate these.
    const triggers = objects.filter((t) => text(t.type) === 'trigger' && text(t.tbl) === name && t.sql !== null).map((t) => text(t.sql));
    const { indexes, expressionIndexes } = await readIndexes(connection, name, parsed, indexSql);
    tables.push({
      ...(triggers.length > 0 ? { triggers } : {}),
      ...(expressionIndexes.length > 0 ? { expressionIndexes } : {}),
      table: {
        name: { schema: null, name },
        columns,
        primaryKey: pkColumns.length === 0 ? null : { name: pkName ?? constraintName('sqlite', name, [], 'pkey'), columns: pkColumns.map(plainColumn) },
        checks: tableChecks(name, parsed, columns),
        origin: { kind: 'model', model: name },
      },
      indexes,
      foreignKeys: await readForeignKeys(connection, name, parsed, primaryKeys),
    });
  }

  const views: View[] = [];
  const viewColumns: ViewColumns[] = [];
  for (const o of objects.filter((o) => text(o.type) === 'view')) {
    const name = { schema: null, name: text(o.name) };
    views.push({ name, sql: viewSelect(text(o.sql)), origin: { kind: 'view', view: name.name } });
    viewColumns.push({ view: name, columns: (columnRows.get(name.name) ?? []).map((r) => readColumn(r, name.name, null)) });
  }
  return { schema: { source: 'database', namespaces: [], enums: [], tables, views }, viewColumns };
}

function plainColumn(name: string): IndexColumn {
  return { name, sort: null, length: null, ops: null };
}

function readColumn(r: Row, table: string, parsed: ParsedTable | null): Column {
  const name = text(r.name);
  const def = parsed?.columns.find((c) => c.name === name);
  const enumValues = def === undefined ? null : enumCheck(name, def.checks);
  const type: ColumnType =
    enumValues === null ? sqliteColumnType(text(r.type)) : { kind: 'enum', enum: { schema: null, name: `${table}_${name}` }, values: enumValues, list: false };
  return {
    name,
    type,
    nullable: !flag(r.notnull) && integer(r.pk) === 0,
    // The text in CREATE TABLE, which the pragma reports without an expression's parentheses.
    default: sqliteDefault(def?.defaultSql ?? textOrNull(r.dflt_value), type),
    autoincrement: def?.autoincrement ?? false,
  };
}

/**
 * The values of a column CHECK `"col" IN ('a', 'b')`: SQLite has no enum type, and this is the
 * CHECK Kiln writes for an enum column (sqlite-ddl-renderer.ts). Null for any other CHECK.
 */
function enumCheck(column: string, checks: readonly NamedCheck[]): string[] | null {
  for (const c of checks) {
    const t = tokenizeSql(c.expression);
    if (t.length < 5 || (t[0]!.kind !== 'quoted' && t[0]!.kind !== 'word') || t[0]!.value !== column) continue;
    if (!isKeyword(t[1], 'IN') || t[2]!.value !== '(' || t[t.length - 1]!.value !== ')') continue;
    const values: string[] = [];
    let ok = true;
    for (let i = 3; i < t.length - 1; i += 2) {
      const sep = t[i + 1]!;
      if (t[i]!.kind !== 'string' || (sep.value !== ',' && i + 1 !== t.length - 1)) {
        ok = false;
        break;
      }
      values.push(t[i]!.value);
    }
    if (ok && values.length > 0) return values;
  }
  return null;
}

/**
 * Table CHECKs and column CHECKs other than an enum's, in the order of the CREATE TABLE text.
 * An unnamed one is named as the analyzer names `@@check`s: `{table}_check`, or
 * `{table}_check{n}` when the table has several.
 */
function tableChecks(table: string, parsed: ParsedTable, columns: readonly Column[]): Check[] {
  const all: NamedCheck[] = [];
  for (const c of parsed.columns) {
    const isEnum = columns.find((col) => col.name === c.name)?.type.kind === 'enum';
    for (const check of c.checks) if (!(isEnum && enumCheck(c.name, [check]) !== null)) all.push(check);
  }
  all.push(...parsed.checks);
  return all.map((c, i) => ({
    name: c.name ?? constraintName('sqlite', table, [], all.length > 1 ? `check${i + 1}` : 'check'),
    expression: c.expression,
  }));
}

/**
 * The indexes other than the primary key's. A UNIQUE constraint's automatic index
 * (`sqlite_autoindex_...`) takes the constraint's name, or the analyzer's default. An index on
 * an expression cannot be described: it is left out of `indexes`, and its CREATE INDEX text is
 * kept in `expressionIndexes` so that a table rebuild recreates it.
 */
async function readIndexes(
  connection: DatabaseConnection,
  table: string,
  parsed: ParsedTable,
  indexSql: ReadonlyMap<string, string | null>,
): Promise<{ indexes: Index[]; expressionIndexes: string[] }> {
  const out: Index[] = [];
  const expressionIndexes: string[] = [];
  for (const i of await connection.query('SELECT name, "unique" AS is_unique, origin, partial FROM pragma_index_list(?)', [table])) {
    const origin = text(i.origin);
    if (origin === 'pk') continue;
    const name = text(i.name);
    const keys = (await connection.query('SELECT seqno, cid, name, "desc" AS descending FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno', [name]));
    if (keys.some((k) => integer(k.cid) < 0)) {
      const sql = indexSql.get(name) ?? null;
      if (sql !== null) expressionIndexes.push(sql);
      continue;
    }
    const columns = keys.map((k): IndexColumn => ({ name: text(k.name), sort: flag(k.descending) ? 'Desc' : null, length: null, ops: null }));
    let indexName = name;
    if (origin === 'u') {
      const names = columns.map((c) => c.name);
      const declared =
        parsed.uniques.find((u) => sameList(u.columns, names))?.name ??
        (names.length === 1 ? parsed.columns.find((c) => c.name === names[0] && c.unique !== null)?.unique?.name : null) ??
        null;
      indexName = declared ?? constraintName('sqlite', table, names, 'key');
    }
    const sql = indexSql.get(name) ?? null;
    out.push({
      name: indexName,
      kind: flag(i.is_unique) ? 'unique' : 'index',
      columns,
      type: null,
      where: flag(i.partial) && sql !== null ? indexPredicate(sql) : null,
    });
  }
  return { indexes: out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), expressionIndexes };
}

async function readForeignKeys(connection: DatabaseConnection, table: string, parsed: ParsedTable, primaryKeys: ReadonlyMap<string, string[]>): Promise<ForeignKey[]> {
  const rows = await connection.query(
    'SELECT id, seq, "table" AS ref_table, "from" AS col, "to" AS ref_col, on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq',
    [table],
  );
  const out: ForeignKey[] = [];
  for (const [, cols] of groupBy(rows, (r) => text(r.id))) {
    const columns = cols.map((c) => text(c.col));
    const refTable = text(cols[0]!.ref_table);
    const parentKey = primaryKeys.get(refTable) ?? [];
    const referencedColumns = cols.map((c, n) => textOrNull(c.ref_col) ?? parentKey[n] ?? '');
    const declared =
      parsed.foreignKeys.find((f) => sameList(f.columns, columns))?.name ??
      (columns.length === 1 ? parsed.columns.find((c) => c.name === columns[0] && c.references !== null)?.references?.name : null) ??
      null;
    out.push({
      name: declared ?? constraintName('sqlite', table, columns, 'fkey'),
      columns,
      referencedTable: { schema: null, name: refTable },
      referencedColumns,
      onDelete: ACTIONS[text(cols[0]!.on_delete).toUpperCase()] ?? 'NoAction',
      onUpdate: ACTIONS[text(cols[0]!.on_update).toUpperCase()] ?? 'NoAction',
    });
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
