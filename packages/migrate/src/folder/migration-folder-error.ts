/**
 * A migrations folder kiln cannot use: a missing or unreadable file, a migration without its
 * SQL or snapshot, a script that cannot be split, a lock file for another database. The
 * message names the file (and line) and says what to do.
 */
export class MigrationFolderError extends Error {
  override readonly name = 'MigrationFolderError';
}
