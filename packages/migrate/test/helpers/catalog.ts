import type { Provider, ReferentialAction } from '@kiln/schema';
import type { DatabaseConnection } from '../../src/index.js';

/*
 * What the database's own catalog says exists: sqlite_master and its pragmas, pg_catalog,
 * information_schema. Written independently of the planner, so the tests compare the
 * planner's work with the database rather than with itself.
 */

export interface CatalogColumn {
  name: string;
  nullable: boolean;
  /** The type as the catalog spells it (`integer`, `varchar(191)`, `TEXT`). */
  type: string;
  /** The default expression as the catalog holds it, or null. */
  default: string | null;
}

export interface CatalogIndex {
  name: string;
  unique: boolean;
  columns: string[];
}

export interface CatalogForeignKey {
  /** SQLite's catalog keeps no names; they are read from the CREATE TABLE text. */
  name: string | null;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  /** `name` is null where the database keeps none (SQLite) and PRIMARY on MySQL. */
  primaryKey: { name: string | null; columns: string[] } | null;
  /** Every index except the primary key's. */
  indexes: CatalogIndex[];
  foreignKeys: CatalogForeignKey[];
  /** Names of CHECK constraints. */
  checks: string[];
}

export interface Catalog {
  tables: CatalogTable[];
  views: string[];
  /** PostgreSQL enum types: name and labels in order. */
  enums: { name: string; values: string[] }[];
}

const ACTIONS: Record<string, ReferentialAction> = {
  // information_schema / SQLite pragma spellings
  CASCADE: 'Cascade',
  RESTRICT: 'Restrict',
  'NO ACTION': 'NoAction',
  'SET NULL': 'SetNull',
  'SET DEFAULT': 'SetDefault',
  // pg_constraint.confdeltype / confupdtype
  c: 'Cascade',
  r: 'Restrict',
  a: 'NoAction',
  n: 'SetNull',
  d: 'SetDefault',
};

function action(code: unknown): ReferentialAction {
  const a = ACTIONS[String(code)];
  if (a === undefined) throw new Error(`Unknown referential action ${JSON.stringify(code)}`);
  return a;
}

export function readCatalog(provider: Provider, c: DatabaseConnection): Promise<Catalog> {
  switch (provider) {
    case 'sqlite':
      return readSqlite(c);
    case 'postgresql':
      return readPostgres(c);
    case 'mysql':
      return readMysql(c);
  }
}

const str = (v: unknown): string => String(v);

/** `"a""b"` → `a"b`. */
function unquote(quoted: string): string {
  const q = quoted.trim();
  return q.startsWith('"') ? q.slice(1, -1).replaceAll('""', '"') : q;
}

const QUOTED = String.raw`"(?:[^"]|"")*"`;

async function readSqlite(c: DatabaseConnection): Promise<Catalog> {
  const objects = await c.query(
    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  const tables: CatalogTable[] = [];
  for (const o of objects.filter((o) => o.type === 'table')) {
    const name = str(o.name);
    const sql = str(o.sql);
    const cols = await c.query('SELECT name, type, "notnull" AS nn, pk, dflt_value FROM pragma_table_info(?) ORDER BY cid', [name]);
    const pkCols = cols.filter((r) => Number(r.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
    const indexes: CatalogIndex[] = [];
    for (const i of await c.query('SELECT name, "unique" AS isunique, origin FROM pragma_index_list(?)', [name])) {
      if (i.origin === 'pk') continue;
      const icols = await c.query('SELECT name FROM pragma_index_info(?) ORDER BY seqno', [str(i.name)]);
      indexes.push({ name: str(i.name), unique: Number(i.isunique) === 1, columns: icols.map((r) => str(r.name)) });
    }
    // Constraint names survive only in the CREATE TABLE text.
    const fkNames = new Map<string, string>();
    for (const m of sql.matchAll(new RegExp(String.raw`CONSTRAINT\s+(${QUOTED})\s+FOREIGN KEY\s*\(([^)]*)\)`, 'g'))) {
      const columns = m[2]!.split(',').map(unquote);
      fkNames.set(columns.join('\0'), unquote(m[1]!));
    }
    const checks = [...sql.matchAll(new RegExp(String.raw`CONSTRAINT\s+(${QUOTED})\s+CHECK`, 'g'))].map((m) => unquote(m[1]!));
    const fkRows = await c.query('SELECT id, seq, "table" AS ref, "from" AS col, "to" AS refcol, on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq', [name]);
    const byId = new Map<number, Record<string, unknown>[]>();
    for (const r of fkRows) byId.set(Number(r.id), [...(byId.get(Number(r.id)) ?? []), r]);
    const foreignKeys = [...byId.values()].map((rows): CatalogForeignKey => {
      const columns = rows.map((r) => str(r.col));
      return {
        name: fkNames.get(columns.join('\0')) ?? null,
        columns,
        referencedTable: str(rows[0]!.ref),
        referencedColumns: rows.map((r) => str(r.refcol)),
        onDelete: action(rows[0]!.on_delete),
        onUpdate: action(rows[0]!.on_update),
      };
    });
    tables.push({
      name,
      columns: cols.map((r) => ({ name: str(r.name), nullable: Number(r.nn) === 0, type: str(r.type), default: r.dflt_value === null ? null : str(r.dflt_value) })),
      primaryKey: pkCols.length === 0 ? null : { name: null, columns: pkCols.map((r) => str(r.name)) },
      indexes,
      foreignKeys,
      checks,
    });
  }
  return { tables, views: objects.filter((o) => o.type === 'view').map((o) => str(o.name)), enums: [] };
}

async function readPostgres(c: DatabaseConnection): Promise<Catalog> {
  const rels = await c.query(
    `SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  const attnames = async (oid: unknown): Promise<Map<number, Record<string, unknown>>> => {
    const rows = await c.query(
      `SELECT attnum, attname, attnotnull, format_type(atttypid, atttypmod) AS type, pg_get_expr(d.adbin, d.adrelid) AS dflt
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [oid],
    );
    return new Map(rows.map((r) => [Number(r.attnum), r]));
  };
  const tables: CatalogTable[] = [];
  for (const rel of rels) {
    const cols = await attnames(rel.oid);
    const colName = (n: unknown) => str(cols.get(Number(n))?.attname);
    const constraints = await c.query(
      `SELECT conname, contype, conkey::int2[] AS conkey, confkey::int2[] AS confkey, confrelid, confrelid::regclass::text AS reftable,
              (SELECT relname FROM pg_class WHERE oid = confrelid) AS refname, confupdtype, confdeltype
       FROM pg_constraint WHERE conrelid = $1 ORDER BY conname`,
      [rel.oid],
    );
    const pk = constraints.find((k) => k.contype === 'p');
    const foreignKeys: CatalogForeignKey[] = [];
    for (const k of constraints.filter((k) => k.contype === 'f')) {
      const refCols = await attnames(k.confrelid);
      foreignKeys.push({
        name: str(k.conname),
        columns: (k.conkey as number[]).map(colName),
        referencedTable: str(k.refname),
        referencedColumns: (k.confkey as number[]).map((n) => str(refCols.get(Number(n))?.attname)),
        onDelete: action(k.confdeltype),
        onUpdate: action(k.confupdtype),
      });
    }
    const indexRows = await c.query(
      `SELECT i.relname AS name, x.indisunique, x.indisprimary, x.indkey::int2[] AS keys
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1 ORDER BY i.relname`,
      [rel.oid],
    );
    tables.push({
      name: str(rel.relname),
      columns: [...cols.values()].map((r) => ({ name: str(r.attname), nullable: r.attnotnull !== true, type: str(r.type), default: r.dflt === null ? null : str(r.dflt) })),
      primaryKey: pk === undefined ? null : { name: str(pk.conname), columns: (pk.conkey as number[]).map(colName) },
      indexes: indexRows
        .filter((r) => r.indisprimary !== true)
        .map((r) => ({ name: str(r.name), unique: r.indisunique === true, columns: (r.keys as number[]).map(colName) })),
      foreignKeys,
      checks: constraints.filter((k) => k.contype === 'c').map((k) => str(k.conname)),
    });
  }
  const views = await c.query('SELECT table_name AS name FROM information_schema.views WHERE table_schema = current_schema() ORDER BY 1');
  const enums = await c.query(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY t.typname`,
  );
  return {
    tables,
    views: views.map((v) => str(v.name)),
    enums: enums.map((e) => ({ name: str(e.name), values: (e.labels as string[]).map(str) })),
  };
}

async function readMysql(c: DatabaseConnection): Promise<Catalog> {
  const rels = await c.query(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  );
  const tables: CatalogTable[] = [];
  for (const rel of rels) {
    const name = str(rel.name);
    const cols = await c.query(
      `SELECT COLUMN_NAME AS name, IS_NULLABLE AS nullable, COLUMN_TYPE AS type, COLUMN_DEFAULT AS dflt FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
      [name],
    );
    const stats = await c.query(
      `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonunique, COLUMN_NAME AS col FROM information_schema.STATISTICS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
      [name],
    );
    const indexMap = new Map<string, CatalogIndex>();
    for (const s of stats) {
      const i = indexMap.get(str(s.name)) ?? { name: str(s.name), unique: Number(s.nonunique) === 0, columns: [] };
      i.columns.push(str(s.col));
      indexMap.set(i.name, i);
    }
    const pk = indexMap.get('PRIMARY');
    indexMap.delete('PRIMARY');
    const fkRows = await c.query(
      `SELECT rc.CONSTRAINT_NAME AS name, rc.UPDATE_RULE AS onupdate, rc.DELETE_RULE AS ondelete, rc.REFERENCED_TABLE_NAME AS ref,
              k.COLUMN_NAME AS col, k.REFERENCED_COLUMN_NAME AS refcol
       FROM information_schema.REFERENTIAL_CONSTRAINTS rc
       JOIN information_schema.KEY_COLUMN_USAGE k
         ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME AND k.TABLE_NAME = rc.TABLE_NAME
       WHERE rc.CONSTRAINT_SCHEMA = DATABASE() AND rc.TABLE_NAME = ? ORDER BY rc.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
      [name],
    );
    const fks = new Map<string, CatalogForeignKey>();
    for (const r of fkRows) {
      const fk = fks.get(str(r.name)) ?? {
        name: str(r.name),
        columns: [],
        referencedTable: str(r.ref),
        referencedColumns: [],
        onDelete: action(r.ondelete),
        onUpdate: action(r.onupdate),
      };
      fk.columns.push(str(r.col));
      fk.referencedColumns.push(str(r.refcol));
      fks.set(fk.name!, fk);
    }
    const checks = await c.query(
      `SELECT CONSTRAINT_NAME AS name FROM information_schema.TABLE_CONSTRAINTS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_TYPE = 'CHECK' ORDER BY CONSTRAINT_NAME`,
      [name],
    );
    tables.push({
      name,
      columns: cols.map((r) => ({ name: str(r.name), nullable: r.nullable === 'YES', type: str(r.type), default: r.dflt === null ? null : str(r.dflt) })),
      primaryKey: pk === undefined ? null : { name: 'PRIMARY', columns: pk.columns },
      indexes: [...indexMap.values()],
      foreignKeys: [...fks.values()],
      checks: checks.map((r) => str(r.name)),
    });
  }
  const views = await c.query('SELECT TABLE_NAME AS name FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME');
  return { tables, views: views.map((v) => str(v.name)), enums: [] };
}
