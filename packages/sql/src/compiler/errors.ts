export type SqlCompileErrorCode =
  /** The dialect (or this configuration of it) cannot express the node, e.g. RETURNING on MySQL. */
  | 'UNSUPPORTED'
  /** The tree is malformed, e.g. an empty select list or a NUL in an identifier. */
  | 'INVALID';

/** Thrown by a compiler; `code` is stable, `dialect` names the dialect that refused. */
export class SqlCompileError extends Error {
  override readonly name = 'SqlCompileError';
  constructor(
    readonly code: SqlCompileErrorCode,
    readonly dialect: string,
    message: string,
  ) {
    super(`[${dialect}] ${message}`);
  }
}
