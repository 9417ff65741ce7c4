import { constraintName, type ReferentialAction } from '@kiln/schema';
import type { DatabaseConnection } from '../../apply/executor.js';
import type { Check, Column, ForeignKey, Index, IndexColumn, SchemaTable, View } from '../../changes/database-objects.js';
import type { Introspection, ViewColumns } from '../introspection.js';
import { mysqlViewBody } from './mysql-view-body.js';
import { groupBy, integer, text, textOrNull } from '../row-values.js';
import { stripOuterParens } from '../sql-text.js';
import { mysqlColumnType } from './mysql-column-type.js';
import { MYSQL_DEFAULTS, type MysqlFlavor } from './mysql-default.js';

/*
 * MySQL and MariaDB introspection from information_schema
 * (https://dev.mysql.com/doc/refman/8.0/en/information-schema.html,
 * https://mariadb.com/kb/en/information-schema-tables/). The database name is a bound parameter.
 * Every column is aliased: MySQL 8 returns information_schema column names in upper case
 * whatever the query wrote.
 */

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  CASCADE: 'Cascade',
  RESTRICT: 'Restrict',
  'NO ACTION': 'NoAction',
  'SET NULL': 'SetNull',
  'SET DEFAULT': 'SetDefault',
};

const TABLES = 'SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?';

const COLUMNS = `
SELECT TABLE_NAME AS tbl, COLUMN_NAME AS name, COLUMN_TYPE AS column_type, IS_NULLABLE AS nullable,
       COLUMN_DEFAULT AS dflt, EXTRA AS extra, ORDINAL_POSITION AS position
FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, ORDINAL_POSITION`;

const INDEX_COLUMNS = `
SELECT TABLE_NAME AS tbl, INDEX_NAME AS name, NON_UNIQUE AS non_unique, SEQ_IN_INDEX AS seq, COLUMN_NAME AS col,
       SUB_PART AS sub_part, COLLATION AS collation, INDEX_TYPE AS index_type
FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`;

const FOREIGN_KEYS = `
SELECT rc.TABLE_NAME AS tbl, rc.CONSTRAINT_NAME AS name, rc.UPDATE_RULE AS on_update, rc.DELETE_RULE AS on_delete,
       rc.REFERENCED_TABLE_NAME AS ref_table, k.COLUMN_NAME AS col, k.REFERENCED_COLUMN_NAME AS ref_col, k.ORDINAL_POSITION AS position
FROM information_schema.REFERENTIAL_CONSTRAINTS rc
JOIN information_schema.KEY_COLUMN_USAGE k
  ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME AND k.TABLE_NAME = rc.TABLE_NAME
WHERE rc.CONSTRAINT_SCHEMA = ?
ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION`;

/**
 * CHECK constraints. MariaDB names them per table and puts TABLE_NAME and LEVEL (Column for a
 * column's own CHECK, such as the json_valid() it adds to a JSON column) in CHECK_CONSTRAINTS
 * (https://mariadb.com/kb/en/information-schema-check_constraints-table/); MySQL 8 names them
 * per schema and keeps the table in TABLE_CONSTRAINTS.
 */
const CHECKS: Record<MysqlFlavor, string> = {
  mariadb: `
SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause, LEVEL AS level
FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?
ORDER BY TABLE_NAME, CONSTRAINT_NAME`,
  mysql: `
SELECT tc.TABLE_NAME AS tbl, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause, 'Table' AS level
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK'
ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME`,
};

const VIEWS = 'SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?';

type Row = Record<string, unknown>;

export async function inspectMysql(connection: DatabaseConnection): Promise<Introspection> {
  const [info] = await connection.query('SELECT DATABASE() AS db, VERSION() AS version');
  const database = textOrNull(info?.db);
  if (database === null) throw new Error('The MySQL connection has no current database (the URL names none), so there is nothing to inspect.');
  const flavor: MysqlFlavor = /mariadb/i.test(text(info?.version)) ? 'mariadb' : 'mysql';

  const tableRows = await connection.query(TABLES, [database]);
  const columnRows = await connection.query(COLUMNS, [database]);
  const indexRows = await connection.query(INDEX_COLUMNS, [database]);
  const fkRows = await connection.query(FOREIGN_KEYS, [database]);
  const checkRows = await readChecks(connection, flavor, database);
  const viewRows = await connection.query(VIEWS, [database]);

  const columnsByTable = groupBy(columnRows, (r) => text(r.tbl));
  const indexesByTable = groupBy(indexRows, (r) => text(r.tbl));
  const fksByTable = groupBy(fkRows, (r) => text(r.tbl));
  const checksByTable = groupBy(checkRows, (r) => text(r.tbl));
  const viewSql = new Map(viewRows.map((r) => [text(r.name), text(r.definition)]));

  const tables: SchemaTable[] = [];
  const views: View[] = [];
  const viewColumns: ViewColumns[] = [];
  for (const t of [...tableRows].sort((a, b) => compare(text(a.name), text(b.name)))) {
    const name = text(t.name);
    const checks = checksByTable.get(name) ?? [];
    const jsonColumns = mariadbJsonColumns(checks);
    const columns = (columnsByTable.get(name) ?? []).map((r) => readColumn(r, name, flavor, jsonColumns));
    if (text(t.type) === 'VIEW') {
      views.push({ name: { schema: null, name }, sql: mysqlViewBody(viewSql.get(name) ?? '', database), origin: { kind: 'view', view: name } });
      viewColumns.push({ view: { schema: null, name }, columns });
      continue;
    }
    const foreignKeys = readForeignKeys(fksByTable.get(name) ?? []);
    const { primaryKey, indexes } = readIndexes(indexesByTable.get(name) ?? [], name, foreignKeys);
    tables.push({
      table: {
        name: { schema: null, name },
        columns,
        primaryKey,
        checks: checks
          .filter((c) => !jsonColumns.has(text(c.name)) || text(c.level) !== 'Column')
          .map((c): Check => ({ name: text(c.name), expression: stripOuterParens(text(c.clause)) })),
        origin: { kind: 'model', model: name },
      },
      indexes,
      foreignKeys,
    });
  }
  return { schema: { source: 'database', namespaces: [], enums: [], tables, views }, viewColumns };
}

/** MySQL before 8.0.16 has no CHECK constraints, and no CHECK_CONSTRAINTS table (error 1109, unknown table). */
async function readChecks(connection: DatabaseConnection, flavor: MysqlFlavor, database: string): Promise<Row[]> {
  try {
    return await connection.query(CHECKS[flavor], [database]);
  } catch (err) {
    if ((err as { errno?: unknown }).errno === 1109) return [];
    throw err;
  }
}

/**
 * MariaDB has no JSON type: a JSON column is LONGTEXT with a column CHECK named after it,
 * `json_valid(`col`)` (https://mariadb.com/kb/en/json-data-type/). The names of those columns.
 */
function mariadbJsonColumns(checks: Row[]): Set<string> {
  const out = new Set<string>();
  for (const c of checks) {
    if (text(c.level) !== 'Column') continue;
    const name = text(c.name);
    const quoted = '`' + name.replaceAll('`', '``') + '`';
    if (stripOuterParens(text(c.clause)).replace(/\s+/g, '').toLowerCase() === `json_valid(${quoted.toLowerCase()})`) out.add(name);
  }
  return out;
}

function readColumn(r: Row, table: string, flavor: MysqlFlavor, jsonColumns: ReadonlySet<string>): Column {
  const name = text(r.name);
  const columnType = text(r.column_type);
  let type = mysqlColumnType(columnType, () => ({ schema: null, name: `${table}_${name}` }));
  if (jsonColumns.has(name) && /^longtext$/i.test(columnType)) type = { kind: 'scalar', scalar: 'Json', nativeType: null, list: false };
  const extra = text(r.extra);
  return {
    name,
    type,
    nullable: text(r.nullable) === 'YES',
    default: MYSQL_DEFAULTS[flavor](textOrNull(r.dflt), extra, type),
    autoincrement: /auto_increment/i.test(extra),
  };
}

function readForeignKeys(rows: Row[]): ForeignKey[] {
  return [...groupBy(rows, (r) => text(r.name))].map(([name, cols]) => ({
    name,
    columns: cols.map((c) => text(c.col)),
    referencedTable: { schema: null, name: text(cols[0]!.ref_table) },
    referencedColumns: cols.map((c) => text(c.ref_col)),
    onDelete: ACTIONS[text(cols[0]!.on_delete).toUpperCase()] ?? 'NoAction',
    onUpdate: ACTIONS[text(cols[0]!.on_update).toUpperCase()] ?? 'NoAction',
  }));
}

/**
 * The primary key and the other indexes. MySQL calls every primary key PRIMARY, so it gets the
 * name the analyzer gives it (`{table}_pkey`). An index InnoDB made for a foreign key
 * (named after the constraint, on exactly its columns: https://dev.mysql.com/doc/refman/8.0/en/create-table-foreign-keys.html)
 * is the database's, not the schema's, and is left out; so are spatial indexes and functional
 * key parts, which the schema language cannot describe.
 */
function readIndexes(rows: Row[], table: string, foreignKeys: readonly ForeignKey[]): { primaryKey: SchemaTable['table']['primaryKey']; indexes: Index[] } {
  let primaryKey: SchemaTable['table']['primaryKey'] = null;
  const indexes: Index[] = [];
  for (const [name, cols] of groupBy(rows, (r) => text(r.name))) {
    if (cols.some((c) => c.col === null)) continue;
    const columns = cols.map(
      (c): IndexColumn => ({
        name: text(c.col),
        sort: text(c.collation) === 'D' ? 'Desc' : null,
        length: c.sub_part === null ? null : integer(c.sub_part),
        ops: null,
      }),
    );
    if (name === 'PRIMARY') {
      primaryKey = { name: constraintName('mysql', table, [], 'pkey'), columns };
      continue;
    }
    const indexType = text(cols[0]!.index_type).toUpperCase();
    if (indexType === 'SPATIAL') continue;
    const unique = integer(cols[0]!.non_unique) === 0;
    const fulltext = indexType === 'FULLTEXT';
    if (!unique && !fulltext && foreignKeys.some((fk) => fk.name === name && sameNames(fk.columns, columns))) continue;
    indexes.push({ name, kind: fulltext ? 'fulltext' : unique ? 'unique' : 'index', columns, type: null, where: null });
  }
  return { primaryKey, indexes };
}

function sameNames(names: readonly string[], columns: readonly IndexColumn[]): boolean {
  return names.length === columns.length && names.every((n, i) => columns[i]!.name === n && columns[i]!.length === null);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
