/*
 * The connection surface the client's public types mention. Kept free of @kiln/sql so that a
 * program importing the generated client type-checks without loading the SQL compiler's types.
 */
export type Row = Record<string, unknown>;

export interface ExecuteResult {
  /** Rows changed by INSERT/UPDATE/DELETE. */
  affectedRows: number;
}

export interface QueryOptions {
  /** Read integers as bigint (for statements that select BigInt columns). */
  bigints?: boolean;
}

/** Something that runs SQL: a driver's pool, or one connection inside a transaction. */
export interface Queryable {
  query(sql: string, params: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  execute(sql: string, params: readonly unknown[]): Promise<ExecuteResult>;
}

/** Transaction isolation levels, as Prisma names them. */
export type IsolationLevel = 'ReadUncommitted' | 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
