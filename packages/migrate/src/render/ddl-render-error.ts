/**
 * A change that the target database cannot express, or a name or literal that cannot be
 * written in SQL. The analyzer rejects such schemas for their provider, so this is raised for
 * hand-built changes or an IR from another provider.
 */
export class DdlRenderError extends Error {
  override readonly name = 'DdlRenderError';
}
