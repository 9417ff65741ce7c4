/**
 * A problem the user can fix (a missing file, a bad flag value). The CLI prints its message
 * without a stack trace and exits with code 1. Anything else that is thrown is a bug in kiln
 * and exits with code 2.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** Node's filesystem errors carry a `code` such as ENOENT or EACCES. */
export function isFsError(err: unknown): err is NodeJS.ErrnoException & { code: string } {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
}
