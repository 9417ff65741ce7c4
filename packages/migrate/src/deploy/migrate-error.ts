/** What went wrong, for callers that react to it (the CLI's exit code is 1 for all of them). */
export type MigrateErrorCode =
  /** A migration failed in an earlier deploy and has not been resolved. */
  | 'FAILED_MIGRATION'
  /** An applied migration's migration.sql was edited afterwards. */
  | 'EDITED_MIGRATION'
  /** A statement of the migration being applied (or rolled back) failed just now. */
  | 'STATEMENT_FAILED'
  /** Another deploy held the migration lock for longer than the lock timeout. */
  | 'LOCK_TIMEOUT'
  /** `down` or `resolve` was asked for something the history does not allow. */
  | 'INVALID_REQUEST'
  /** A migration has no down.sql. */
  | 'NO_DOWN_MIGRATION';

/**
 * A migration problem the user can act on. The message says what happened, what state the
 * database is in, and what to run next; it never includes a stack trace.
 */
export class MigrateError extends Error {
  override readonly name = 'MigrateError';

  constructor(
    readonly code: MigrateErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
