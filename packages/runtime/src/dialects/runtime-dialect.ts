import type { Dialect, ExpressionNode, ParamNode } from '@kiln/sql';
import type { DriverErrorInfo } from '../driver/driver-error.js';
import type { RuntimeColumn } from '../runtime-schema.js';
import type { Decoder, ValueCodec } from '../values/codec.js';

/**
 * What differs between databases at run time, as hooks: value conversion, reading driver errors,
 * and how a list of keys of any length is passed as one parameter (so batched relation loading
 * compiles once per shape, not once per list length).
 */
export interface RuntimeDialect {
  readonly codec: ValueCodec;
  classifyError(error: unknown): DriverErrorInfo | null;
  /** `expr IN (<all values of one list parameter>)`; the parameter's value is a JS array. */
  inKeyList(expr: ExpressionNode, list: ParamNode): ExpressionNode;
  /** Turns the JS array of keys into what `inKeyList`'s parameter binds. */
  encodeKeyList(keys: unknown[]): unknown;
  /**
   * Rows per INSERT in createMany: what the database executes fastest. In-process SQLite
   * prefers moderate statements; a networked database wants few round trips.
   */
  readonly insertBatchRows: number;
  /** Whether LIKE can match a NUL character (SQLite's LIKE stops reading a pattern at one). */
  readonly likeMatchesNul: boolean;
  /** Where NULLs sort when `orderBy` does not say (SQLite and MySQL: first ascending; PostgreSQL: last). */
  nullsFirstByDefault(direction: 'asc' | 'desc'): boolean;
  /** `a / b` for Int and BigInt columns: whole-number division, truncating, as Prisma does. */
  integerDivide(a: ExpressionNode, b: ExpressionNode): ExpressionNode;
  /**
   * A LIMIT or OFFSET value (a non-negative integer) as bound. mysql2 sends a JS number as a
   * DOUBLE, which MySQL 8.0.22+ refuses there (sidorares/node-mysql2#1239).
   */
  encodeLimit(n: number): unknown;
  /** A value interpolated into `$queryRaw`, where no field type is known. */
  encodeRaw(value: unknown): unknown;
  /**
   * `AVG` of an Int or BigInt column, as a double: Prisma's `_avg` is a Float. (MySQL averages
   * integers as a DECIMAL with 4 more decimals than its argument, so 35 / 3 reads 11.6667.)
   */
  integerAverage(expr: ExpressionNode): ExpressionNode;
  /**
   * A column as filters compare it (`=`, `IN`, `<>`, LIKE): itself, or a cast where the column's
   * type has no such operator (PostgreSQL's json and xml).
   */
  filterOperand(column: ExpressionNode, field: RuntimeColumn): ExpressionNode;
  /**
   * In the update list of a native upsert on a database that cannot RETURN its row, the value
   * for the AUTO_INCREMENT key `column` (the existing row's) that leaves it as it is and makes
   * the statement report it as its insert id on both branches, so the row can be read back by
   * it (MySQL: `LAST_INSERT_ID(col)`). `null` where there is no such thing.
   */
  upsertInsertId(column: ExpressionNode): ExpressionNode | null;
  /** Loading relations inside the statement as JSON (`relationLoadStrategy: 'join'`). */
  readonly jsonRelations: JsonRelationHooks;
  /**
   * The strategy of a read that does not name one: whichever measured faster on this database
   * (scripts/bench/client; docs/client.md, "Relation load strategies").
   */
  readonly defaultRelationLoadStrategy: 'join' | 'query';
}

/** A scalar as it goes into the JSON a relation is loaded as, and how to read it back. */
export interface JsonField {
  expr: ExpressionNode;
  /** `null`: the JSON value is already the field's value. Never called with `null`. */
  decode: Decoder | null;
}

/**
 * How an ORDER BY term is sorted in memory where the JSON aggregate cannot order (MySQL): a key
 * the database computes per row, compared as an exact decimal string, a number, or a string of
 * code units (hex text compares as the bytes it spells).
 */
export interface JsonSortKey {
  expr: ExpressionNode;
  compare: 'decimal' | 'number' | 'text';
}

/**
 * What differs between databases in loading relations as JSON in one statement (json-relations.ts).
 * Rows of a relation travel as JSON arrays of their values, one relation per nested array.
 */
export interface JsonRelationHooks {
  /**
   * Why the database, as the connected server is, cannot load relations this way; `null` when
   * it can. The call then loads them with one query per relation, as `'query'` does.
   */
  unsupported(dialect: Dialect): string | null;
  /** Each relation as `LEFT JOIN LATERAL (...) ON TRUE` rather than a scalar subquery in the select list. */
  readonly lateral: boolean;
  /** A subquery in FROM may refer to the rows of the query around it (not on MySQL/MariaDB). */
  readonly correlatedDerivedTables: boolean;
  /** A column's value inside the JSON: exact (BigInt and Decimal as text, Bytes as base64 or hex) and decodable. */
  field(column: ExpressionNode, field: RuntimeColumn, enumValues: Record<string, string> | undefined): JsonField;
  /**
   * The sort key of an ORDER BY term on `field` (`null`: a count), for sorting decoded rows in
   * memory; `null` when this database cannot give one (the call then loads relations by query).
   */
  sortKey(expr: ExpressionNode, field: RuntimeColumn | null): JsonSortKey | null;
  /** Text written before the statement (MariaDB: lift the 1 MB cap on JSON_ARRAYAGG for it). */
  statementPrefix(dialect: Dialect): string;
}
