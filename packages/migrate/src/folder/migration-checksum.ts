import { createHash } from 'node:crypto';

/**
 * The checksum recorded when a migration is applied: the SHA-256 of its migration.sql, in hex.
 * Line endings are read as `\n` and a leading byte-order mark is ignored, so a checkout that
 * converts line endings (git's autocrlf on Windows) does not look like an edit.
 */
export function migrationChecksum(script: string): string {
  const text = script.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
