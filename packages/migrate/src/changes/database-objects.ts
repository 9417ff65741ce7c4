import type { IndexType, NativeType, ReferentialAction, ScalarType } from '@kiln/schema';

/**
 * The database objects that changes create, alter and drop, described at the database level:
 * resolved names, columns rather than fields, the values an enum stores rather than its
 * members. Nothing here points back into the IR, so a change can be rendered, stored and
 * compared on its own, and the same shapes can later describe an introspected database (the
 * "from" side of a diff).
 */

/** A table, view or enum type name, with its PostgreSQL schema (`null`: the current one). */
export interface QualifiedName {
  schema: string | null;
  name: string;
}

/**
 * A column's type before a dialect spells it. The dialect chooses the database type: the
 * native type when there is one, else its default for the scalar (PostgreSQL `text` for String,
 * MySQL `varchar(191)`), so one change renders on any database and a diff can compare two
 * columns by the type the dialect would create.
 */
export type ColumnType =
  | { kind: 'scalar'; scalar: ScalarType; nativeType: NativeType | null; list: boolean }
  /** The stored values (after `@map`), in order. */
  | { kind: 'enum'; enum: QualifiedName; values: string[]; list: boolean }
  /** `Unsupported("...")`: the database type as written. */
  | { kind: 'unsupported'; sql: string; list: boolean };

/**
 * A default the database applies. Client-side defaults (uuid(), cuid(), ulid(), nanoid(),
 * @updatedAt) are not database defaults and never appear here; autoincrement() is
 * `Column.autoincrement`.
 */
export type ColumnDefault =
  /** Text, and an enum's stored value. */
  | { kind: 'string'; value: string }
  /** Int, BigInt, Float, Decimal: the digits as written, so nothing is rounded. */
  | { kind: 'number'; value: string }
  | { kind: 'boolean'; value: boolean }
  /** A DateTime literal as an ISO-8601 instant (UTC, e.g. `2024-01-01T00:00:00.000Z`). */
  | { kind: 'dateTime'; value: string }
  /** A Json default: the JSON text. */
  | { kind: 'json'; value: string }
  /** A Bytes default, as lower-case hex. */
  | { kind: 'bytes'; hex: string }
  /** A scalar list's default (PostgreSQL). */
  | { kind: 'list'; values: ColumnDefault[] }
  /** `now()`: the current timestamp when the row is inserted. */
  | { kind: 'now' }
  /** `dbgenerated("...")`: an SQL expression, as the schema author wrote it. */
  | { kind: 'expression'; sql: string };

export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
  default: ColumnDefault | null;
  /** `@default(autoincrement())`: serial, AUTO_INCREMENT or AUTOINCREMENT. */
  autoincrement: boolean;
  /** The field this column stores, when it comes from a schema (rename hints name fields). */
  field?: string;
  /** `@renamedFrom("old")`: the field's previous name (matched against `field`, else `name`). */
  renamedFrom?: string | null;
}

/** One column of a key or index, with the options Prisma allows per column. */
export interface IndexColumn {
  name: string;
  sort: 'Asc' | 'Desc' | null;
  /** MySQL prefix length. */
  length: number | null;
  /** PostgreSQL operator class, as written (e.g. `gin_trgm_ops`). */
  ops: string | null;
}

export interface PrimaryKey {
  /** The constraint name. MySQL always calls a primary key PRIMARY and SQLite keeps no name. */
  name: string;
  columns: IndexColumn[];
}

export interface Check {
  name: string;
  /** The SQL expression, as written. */
  expression: string;
  /**
   * How a live database prints `expression` back (set by `canonicalizeSchema`): compared in
   * its place when the other side of a diff was read from that database.
   */
  printedExpression?: string;
}

export type IndexKind = 'unique' | 'index' | 'fulltext';

export interface Index {
  name: string;
  kind: IndexKind;
  columns: IndexColumn[];
  /** PostgreSQL access method; `null` is the default (B-tree). */
  type: IndexType | null;
  /** Partial index predicate (PostgreSQL, SQLite), as written. */
  where: string | null;
  /** How a live database prints `where` back (set by `canonicalizeSchema`), as for a check. */
  printedWhere?: string;
}

export interface ForeignKey {
  name: string;
  columns: string[];
  referencedTable: QualifiedName;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

/** Where an object comes from in the schema, for messages and lint. */
export type Origin =
  | { kind: 'model'; model: string }
  | { kind: 'joinTable'; relation: string }
  | { kind: 'enum'; enum: string }
  | { kind: 'view'; view: string }
  | { kind: 'datasource' };

export interface Table {
  name: QualifiedName;
  columns: Column[];
  primaryKey: PrimaryKey | null;
  checks: Check[];
  origin: Origin;
  /** `@@renamedFrom("Old")`: the model's previous name (matched against the other side's model, else table name). */
  renamedFrom?: string | null;
}

export interface EnumType {
  name: QualifiedName;
  /** The stored values, in order. */
  values: string[];
  origin: Origin;
  /** `@@renamedFrom("Old")`: the enum's previous name. */
  renamedFrom?: string | null;
  /**
   * The members behind `values`, index for index, when the enum comes from a schema: their
   * names and `@renamedFrom` hints (a hint names the member's previous name).
   */
  members?: { name: string; renamedFrom: string | null }[];
}

export interface View {
  name: QualifiedName;
  /** The SELECT, as written in `@@sql`. */
  sql: string;
  origin: Origin;
  /**
   * How a live database prints `sql` back (set by `canonicalizeSchema`). A view whose other
   * side was read from a database is compared by this text; without it, by name only.
   */
  printedSql?: string;
}

/** A table with everything that hangs off it. */
export interface SchemaTable {
  table: Table;
  indexes: Index[];
  foreignKeys: ForeignKey[];
  /**
   * `CREATE TRIGGER` statements on the table, when read from a live database (SQLite
   * introspection). Schemas never declare triggers and the diff never compares them; a SQLite
   * table rebuild recreates them.
   */
  triggers?: string[];
  /**
   * `CREATE INDEX` statements of the table's indexes on expressions, which the schema language
   * cannot describe, when read from a live database (SQLite introspection). Like triggers, the
   * diff never compares them and a SQLite table rebuild recreates them.
   */
  expressionIndexes?: string[];
}

/**
 * Everything a schema asks the database to hold, in schema order. Today the planner builds it
 * from the IR and compares it with an empty database; the full planner will compare two of
 * them (the previous IR's, or an introspected database's, with the next IR's).
 */
export interface DatabaseSchema {
  /**
   * Where this description comes from: a schema (the IR; the default) or a live database
   * (introspection). The database rewrites some text it is given (view bodies, expression
   * defaults), so the diff compares those loosely when one side comes from a database.
   */
  source?: 'schema' | 'database';
  /** PostgreSQL schemas to create (`schemas = [...]` in the datasource). */
  namespaces: string[];
  enums: EnumType[];
  tables: SchemaTable[];
  views: View[];
}
