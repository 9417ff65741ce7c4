/*
 * The connection surface the client's public types mention. Kept free of @kiln/sql so that a
 * program importing the generated client type-checks without loading the SQL compiler's types.
 */
export type Row = Record<string, unknown>;

export interface ExecuteResult {
  /** Rows changed by INSERT/UPDATE/DELETE (MySQL: rows matched, as mysql2 sets CLIENT_FOUND_ROWS). */
  affectedRows: number;
  /**
   * The AUTO_INCREMENT value an INSERT generated (MySQL's LAST_INSERT_ID() of the statement),
   * for databases without RETURNING: the engine reads the row back by it.
   */
  insertId?: number | bigint | string;
}

export interface QueryOptions {
  /** Read integers as bigint (for statements that select BigInt columns). */
  bigints?: boolean;
  /**
   * SQL text written by the user ($queryRaw and friends): a driver that caches prepared
   * statements by text does not cache it (it may hold several statements, or change per call).
   */
  raw?: boolean;
}

/** Something that runs SQL: a driver's pool, or one connection inside a transaction. */
export interface Queryable {
  query(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  execute(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<ExecuteResult>;
}

/** Transaction isolation levels, as Prisma names them. */
export type IsolationLevel = 'ReadUncommitted' | 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
